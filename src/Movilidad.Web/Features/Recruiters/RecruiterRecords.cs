using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Recruiters;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Recruiters;

/// <summary>A recruiter entered by hand (a focal point or the Secretariat): its name, kind, country and city.</summary>
public sealed record RecruiterForm(string? Name, RecruiterKind Kind, string? Country, string? City);

/// <summary>A licence or registration to recruit, as its authority issued it, with where it was read; the recruiter's version read.</summary>
public sealed record LicenceForm(int Version, string? Country, string? Number, string? Authority, DateOnly? ValidFrom, DateOnly? ValidTo, LicenceStatus Status, string? Source);

/// <summary>A recruiter as the audit trail keeps it and its writes answer: who it is and its licences.</summary>
public sealed record RecruiterRecord(int Id, string Name, RecruiterKind Kind, string Country, string? City, IReadOnlyList<LicenceView> Licences, int Version);

/// <summary>
/// Recruiters entered by hand and the licences recorded for them, by the Secretariat or the focal point of the country
/// (the recruiter's, or the licence's issuing country): validated with errors by field, audited, and versioned through the
/// recruiter (a licence added or changed moves the recruiter's version, so a stale form gets 409).
/// </summary>
public static class RecruiterRecords
{
    public const string NameSource = "focal-point";

    public static readonly Editable<Recruiter, RecruiterRecord> Recruiters = new(
        "recruiter",
        (db, id, ct) => db.Recruiters.Include(r => r.Licences).FirstOrDefaultAsync(r => r.Id == id && r.MergedIntoId == null, ct),
        Record,
        r => r.Id.ToString(CultureInfo.InvariantCulture),
        r => r.Country.Length == 2 ? r.Country : null);

    public static RecruiterRecord Record(Recruiter r) => new(r.Id, r.Name, r.Kind, r.Country, r.City,
        [.. r.Licences.OrderBy(l => l.Country, StringComparer.Ordinal).ThenBy(l => l.Number, StringComparer.Ordinal)
            .Select(l => new LicenceView(l.Id, l.Country, l.Number, l.Authority, l.ValidFrom, l.ValidTo, l.Status, l.Source))], r.Version);

    public static async Task<FieldErrors> ValidateAsync(MovilidadDb db, RecruiterForm form, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Text("name", form.Name, RecruiterNames.MaxLength, required: true);
        if (!await CountryExistsAsync(db, form.Country, ct))
        {
            errors.Add("country", "country is an ISO 3166-1 alpha-2 code.");
        }

        errors.Text("city", form.City, RecruiterConfiguration.ShortMaxLength, required: false);
        if (!Enum.IsDefined(form.Kind))
        {
            errors.Add("kind", "kind is one of: not-stated, private-agency, public-employment-service, social-organisation, employer, person.");
        }

        if (errors.Count == 0)
        {
            var spelling = RecruiterNames.Spelling(form.Name!);
            if (await db.Recruiters.Where(r => r.Country == form.Country && r.SpellingKey == spelling).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct) is { } id)
            {
                errors.Add("name", $"name is already in the directory for this country: recruiter {id.ToString(CultureInfo.InvariantCulture)}.");
            }
        }

        return errors;
    }

    /// <summary>Validates and adds a recruiter, with its name as a person recorded it; entries with a similar name are proposed as duplicates at once.</summary>
    public static async Task<WriteOutcome<RecruiterRecord>> CreateAsync(MovilidadDb db, RecruiterForm form, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (await ValidateAsync(db, form, ct) is { Count: > 0 } errors)
        {
            return new WriteOutcome<RecruiterRecord>.Invalid(errors);
        }

        var name = RecruiterNames.Clean(form.Name!);
        var recruiter = new Recruiter
        {
            Name = name,
            SpellingKey = RecruiterNames.Spelling(name),
            MatchKey = RecruiterNames.MatchKey(name),
            Kind = form.Kind,
            Country = form.Country!,
            City = Blank(form.City),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        recruiter.Names.Add(new RecruiterName { Name = name, SpellingKey = recruiter.SpellingKey, MatchKey = recruiter.MatchKey, Source = NameSource });
        var saved = await db.CreateAsync(Recruiters, recruiter, actor, clock, ct);
        await db.ProposeDuplicatesAsync(actor, clock, ct);
        return saved;
    }

    public static async Task<FieldErrors> ValidateAsync(MovilidadDb db, LicenceForm form, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!await CountryExistsAsync(db, form.Country, ct))
        {
            errors.Add("country", "country (the country that issued the licence) is an ISO 3166-1 alpha-2 code.");
        }

        errors.Text("number", form.Number, RecruiterConfiguration.ShortMaxLength, required: true);
        if (form.Number is { } number && !string.IsNullOrWhiteSpace(number) && RecruiterNames.NumberKey(number).Length == 0)
        {
            errors.Add("number", "number has no letter or digit.");
        }

        errors.Text("authority", form.Authority, RecruiterConfiguration.NameMaxLength, required: true);
        errors.Text("source", form.Source, RecruiterConfiguration.SourceMaxLength, required: true);
        if (!Enum.IsDefined(form.Status))
        {
            errors.Add("status", "status is one of: active, suspended, revoked, expired.");
        }

        if (form.ValidFrom is { } from && form.ValidTo is { } to && to < from)
        {
            errors.Add("validTo", "validTo is before validFrom.");
        }

        return errors;
    }

    /// <summary>Records a licence of a recruiter read at <see cref="LicenceForm.Version"/>.</summary>
    public static Task<WriteOutcome<RecruiterRecord>> AddLicenceAsync(MovilidadDb db, int recruiterId, LicenceForm form, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.EditAsync(Recruiters, recruiterId, form.Version, "licence", async _ => await ValidateAsync(db, form, ct), recruiter =>
        {
            var licence = new RecruiterLicence { Country = string.Empty, Number = string.Empty, NumberKey = string.Empty, Authority = string.Empty, Source = string.Empty, RecordedBy = string.Empty };
            Apply(licence, form, actor, clock);
            recruiter.Licences.Add(licence);
            return Task.CompletedTask;
        }, actor, clock, ct);

    /// <summary>Changes a licence (its status when it was suspended or revoked, new dates), the recruiter read at <see cref="LicenceForm.Version"/>.</summary>
    public static Task<WriteOutcome<RecruiterRecord>> EditLicenceAsync(MovilidadDb db, int recruiterId, int licenceId, LicenceForm form, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.EditAsync(Recruiters, recruiterId, form.Version, "licence", async recruiter =>
        {
            var errors = await ValidateAsync(db, form, ct);
            if (recruiter.Licences.All(l => l.Id != licenceId))
            {
                errors.Add("licence", $"This recruiter has no licence {licenceId.ToString(CultureInfo.InvariantCulture)}.");
            }

            return errors;
        }, recruiter =>
        {
            Apply(recruiter.Licences.Single(l => l.Id == licenceId), form, actor, clock);
            return Task.CompletedTask;
        }, actor, clock, ct);

    private static void Apply(RecruiterLicence licence, LicenceForm form, AuditActor actor, TimeProvider clock)
    {
        licence.Country = form.Country!;
        licence.Number = form.Number!.Trim();
        licence.NumberKey = RecruiterNames.NumberKey(form.Number);
        licence.Authority = form.Authority!.Trim();
        licence.ValidFrom = form.ValidFrom;
        licence.ValidTo = form.ValidTo;
        licence.Status = form.Status;
        licence.Source = form.Source!.Trim();
        licence.RecordedAt = clock.GetUtcNow().UtcDateTime;
        licence.RecordedBy = actor.Name;
    }

    private static async Task<bool> CountryExistsAsync(MovilidadDb db, string? country, CancellationToken ct) =>
        !string.IsNullOrWhiteSpace(country) && country.Length == 2 && await db.Countries.AnyAsync(c => c.Alpha2 == country, ct);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
