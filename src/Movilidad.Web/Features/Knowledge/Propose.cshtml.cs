using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Knowledge;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Knowledge;

/// <summary>The form where anyone signed in proposes an item: a document with its file, a link or a reference to the platform's content.</summary>
[Authorize]
[RequestSizeLimit(RepositoryApi.UploadBodyBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RepositoryApi.UploadBodyBytes)]
[UploadLimit("Repository.FileLabel", RepositoryLimits.FileBytes)]
public class ProposeModel(MovilidadDb db, IAuthorizationService authorization, TimeProvider clock) : RepositoryPageBase
{
    [BindProperty]
    public ProposalForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await authorization.CanAsync(User, RepositoryOperations.Propose))
        {
            return Forbid();
        }

        await LoadCountriesAsync(db, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (!await authorization.CanAsync(User, RepositoryOperations.Propose))
        {
            return Forbid();
        }

        await LoadCountriesAsync(db, ct);
        RepositoryEditing.Upload? upload = null;
        if (file is { Length: > 0 } && Form.Kind == "document")
        {
            if (file.Length > RepositoryLimits.FileBytes)
            {
                return await RefuseAsync(new FieldErrors { ["file"] = [RepositoryEditing.Message(RepositoryFiles.TooLarge)] });
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            upload = new RepositoryEditing.Upload(file.FileName, buffer.ToArray());
        }

        var outcome = await RepositoryEditing.ProposeAsync(db, Form.ToProposal(), upload, AuditActor.From(HttpContext), clock, ct);
        return await PageAfterWriteAsync(outcome, saved => Task.FromResult<IActionResult>(Redirect("/repository/" + saved.Id.ToString(CultureInfo.InvariantCulture))));
    }

}

/// <summary>The proposal form's fields; lists typed as comma-separated codes where a choice list would be too long (lines, occupations).</summary>
public sealed class ProposalForm
{
    public string Kind { get; set; } = "document";
    public string Type { get; set; } = "publication";
    public string? TitleEs { get; set; }
    public string? TitleEn { get; set; }
    public string? SummaryEs { get; set; }
    public string? SummaryEn { get; set; }
    public List<string> Countries { get; set; } = [];
    public string? Lines { get; set; }
    public List<int> Objectives { get; set; } = [];
    public List<string> Topics { get; set; } = [];
    public string? Occupations { get; set; }
    public string? Language { get; set; }
    public DateOnly? Date { get; set; }
    public string? AuthorInstitution { get; set; }
    public string? Licence { get; set; }
    public string? Url { get; set; }
    public string? ContentKind { get; set; }
    public string? ContentKey { get; set; }

    public RepositoryProposal ToProposal() => new(
        0, Kind, Type, new Bilingual(TitleEs ?? string.Empty, TitleEn ?? string.Empty), new Bilingual(SummaryEs ?? string.Empty, SummaryEn ?? string.Empty),
        Countries, Split(Lines), Objectives, Topics, Split(Occupations), string.IsNullOrWhiteSpace(Language) ? null : Language, Date, AuthorInstitution, Licence,
        string.IsNullOrWhiteSpace(Url) ? null : Url.Trim(), string.IsNullOrWhiteSpace(ContentKind) ? null : ContentKind, ContentKey);

    private static List<string> Split(string? codes) => (codes ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
