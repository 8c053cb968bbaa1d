using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Records;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>The first step of an import (the Secretariat, the US and Canadian focal points): the file and its options, and the template to download.</summary>
[Authorize]
[RequestSizeLimit(LabourUpload.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = LabourUpload.MaxBytes)]
public class ImportModel(MovilidadDb db, LabourImportStaging staging, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock) : WritePage
{
    public IReadOnlyList<RecordSource> Sources => RecordSources.All;

    public async Task<IActionResult> OnGetAsync() => await LabourDatasets.MayImportAnyAsync(User, auth) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (!await LabourDatasets.MayImportAnyAsync(User, auth))
        {
            return Forbid();
        }

        if (file is null)
        {
            return await RefuseAsync(new Dictionary<string, string[]> { ["file"] = [text["LabourMarket.Error.NoFile"]] });
        }

        var (request, errors) = LabourUpload.Request(Request.Form, text);
        if (request is null)
        {
            return await RefuseAsync(errors);
        }

        await using var upload = file.OpenReadStream();
        var outcome = await LabourImports.UploadAsync(db, staging, upload, Path.GetFileName(file.FileName), request(Stream.Null, file.FileName), AuditActor.From(HttpContext), clock,
            LabourUpload.Language, ct);
        return await PageAfterWriteAsync(outcome, created => Task.FromResult<IActionResult>(Redirect($"/labour-market/import/{created.Id}")));
    }
}
