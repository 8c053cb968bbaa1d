using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Demand;

/// <summary>The model library: every model with its latest version, and for those who keep models the upload form.</summary>
[AllowAnonymous]
[RequestSizeLimit(DemandUpload.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = DemandUpload.MaxBytes)]
public class IndexModel(MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock) : WritePage
{
    public IReadOnlyList<ModelSummary> Models { get; private set; } = [];

    public bool CanUpload { get; private set; }

    /// <summary>The countries the person may upload for (none for the Secretariat's regional models).</summary>
    public IReadOnlyList<string> Countries { get; private set; } = [];

    public bool CanUploadRegional { get; private set; }

    public IReadOnlyList<string> Messages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await DemandApi.CanManageAnyAsync(User, auth))
        {
            return Forbid();
        }

        var (upload, errors) = await DemandUpload.ReadAsync(HttpContext, text, ct);
        if (upload is not null && !await DemandApi.CanManageAsync(User, auth, upload.Country))
        {
            return Forbid();
        }

        if (upload is null)
        {
            Messages = DemandPage.Messages(errors, text);
            return await RefuseAsync(errors, () => ShowAsync(ct));
        }

        var outcome = await DemandEditing.CreateAsync(db, upload, text, AuditActor.From(HttpContext), clock, ct);
        if (outcome is Platform.Writes.WriteOutcome<ModelView>.Invalid invalid)
        {
            Messages = DemandPage.Messages(invalid.Errors, text);
        }

        return await PageAfterWriteAsync(outcome, m => Task.FromResult<IActionResult>(Redirect($"/models/{m.Slug}")), () => ShowAsync(ct));
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Models = await DemandQueries.SummariesAsync(db, ct);
        CanUploadRegional = await DemandApi.CanManageAsync(User, auth, null);
        Countries = CanUploadRegional ? [] : [.. User.FocalCountries().Order(StringComparer.Ordinal)];
        CanUpload = CanUploadRegional || Countries.Count > 0;
    }
}
