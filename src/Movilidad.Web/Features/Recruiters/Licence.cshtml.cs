using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Recruiters;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Recruiters;

/// <summary>
/// Records a recruiter's licence or changes one (<c>?licence=</c>): the focal point of the issuing country or the
/// Secretariat; audited and versioned through the recruiter, so a form read before someone else's change gets 409.
/// </summary>
[Authorize]
public class LicenceModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : WritePage
{
    public RecruiterRecord Recruiter { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public int? Licence { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Country { get; set; }

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Authority { get; set; }

    [BindProperty]
    public string? ValidFrom { get; set; }

    [BindProperty]
    public string? ValidTo { get; set; }

    [BindProperty]
    public LicenceStatus Status { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    public IReadOnlyList<(string Code, string Name)> Countries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await OpenAsync(id, ct) is { } refused)
        {
            return refused;
        }

        Version = Recruiter.Version;
        if (Licence is { } licenceId)
        {
            if (Recruiter.Licences.FirstOrDefault(l => l.Id == licenceId) is not { } l)
            {
                return NotFound();
            }

            (Country, Number, Authority, Status, Source) = (l.Country, l.Number, l.Authority, l.Status, l.Source);
            (ValidFrom, ValidTo) = (Iso(l.ValidFrom), Iso(l.ValidTo));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await OpenAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var issuer = Licence is { } existing ? Recruiter.Licences.FirstOrDefault(l => l.Id == existing)?.Country : null;
        if (!await auth.CanAsync(User, RecruiterOperations.RecordSanctions, new CountryScope(Country ?? string.Empty))
            || (issuer is not null && !await auth.CanAsync(User, RecruiterOperations.RecordSanctions, new CountryScope(issuer))))
        {
            return Forbid();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var from = Day(ValidFrom, "validFrom", errors);
        var to = Day(ValidTo, "validTo", errors);

        if (errors.Count > 0)
        {
            return await RefuseAsync(errors);
        }

        var form = new LicenceForm(Version, Country, Number, Authority, from, to, Status, Source);
        var actor = AuditActor.From(HttpContext);
        var outcome = Licence is { } licenceId
            ? await RecruiterRecords.EditLicenceAsync(db, id, licenceId, form, actor, clock, ct)
            : await RecruiterRecords.AddLicenceAsync(db, id, form, actor, clock, ct);
        return await PageAfterWriteAsync(outcome, $"/recruiters/{id}", conflict: current => Version = current.Version);
    }

    private async Task<IActionResult?> OpenAsync(int id, CancellationToken ct)
    {
        var recruiter = await db.Recruiters.AsNoTracking().Include(r => r.Licences).FirstOrDefaultAsync(r => r.Id == id && r.MergedIntoId == null, ct);
        if (recruiter is null)
        {
            return NotFound();
        }

        Countries = await RecruiterPages.RecordableCountriesAsync(db, User, auth, ct);
        if (Countries.Count == 0)
        {
            return Forbid();
        }

        Recruiter = RecruiterRecords.Record(recruiter);
        return null;
    }

    private static DateOnly? Day(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[field] = ["not a date"];
        return null;
    }

    private static string? Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
