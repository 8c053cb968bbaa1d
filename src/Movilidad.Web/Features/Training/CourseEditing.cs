using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Knowledge;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Training;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Training;

/// <summary>
/// A course as it is recorded or changed (version 0 for a new one): kind (course, diplomado, postgraduate, workshop,
/// trainer-training), modality (virtual, in-person, hybrid), titles and summaries (one language may be left empty), the
/// provider (an institution's id and/or its name), languages (ISO 639-1), audiences, topics, ISCO-08 occupations,
/// countries (ISO 3166-1), the plan actions it serves (codes), dates, hours, cost with its ISO 4217 currency (0 is free),
/// certification, the link to enrol and notes.
/// </summary>
public sealed record CourseInput(
    int Version, string? Kind, string? Modality, Bilingual? Title, Bilingual? Summary, int? ProviderId, Bilingual? ProviderName,
    IReadOnlyList<string>? Languages, IReadOnlyList<string>? Audiences, IReadOnlyList<string>? Topics, IReadOnlyList<string>? Occupations,
    IReadOnlyList<string>? Countries, IReadOnlyList<string>? Lines, DateOnly? StartDate, DateOnly? EndDate, decimal? Hours, decimal? Cost, string? Currency,
    Bilingual? Certification, string? Url, Bilingual? Notes);

/// <summary>A course as saved at one version: what the API answers and the audit trail keeps before and after each write.</summary>
public sealed record CourseView(
    int Id, int Version, string Kind, string? Modality, Bilingual Title, Bilingual Summary, IReadOnlyList<string> MissingLanguages,
    int? ProviderId, Bilingual ProviderName, IReadOnlyList<string> Languages, IReadOnlyList<string> Audiences, IReadOnlyList<string> Topics,
    IReadOnlyList<string> Occupations, IReadOnlyList<string> Countries, IReadOnlyList<string> Lines, DateOnly? StartDate, DateOnly? EndDate,
    decimal? Hours, decimal? Cost, string? Currency, Bilingual Certification, string? Url, Bilingual Notes, IReadOnlyList<string> Sources,
    string? ShippedKey, int? RecordedById, DateTime RecordedAt);

/// <summary>Recording and changing courses through the write kernel: authorised by the provider's country and who recorded it, validated by field, version-checked, audited.</summary>
public static class CourseEditing
{
    public const string EntityType = "course";

    public static CourseView View(Course c) => new(
        c.Id, c.Version, CourseVocabulary.Kebab(c.Kind), c.Modality is { } m ? CourseVocabulary.Kebab(m) : null, c.Title, c.Summary, Missing(c.Title),
        c.ProviderId, c.ProviderName, CodeList.Split(c.Languages), CodeList.Split(c.Audiences), CodeList.Split(c.Topics), CodeList.Split(c.Occupations),
        CodeList.Split(c.Countries), CodeList.Split(c.Lines), c.StartDate, c.EndDate, c.Hours, c.Cost, c.Currency, c.Certification, c.Url, c.Notes,
        CodeList.Split(c.Sources), c.ShippedKey, c.RecordedById, c.RecordedAt);

    public static IReadOnlyList<string> Missing(Bilingual title) =>
        [.. string.IsNullOrWhiteSpace(title.Es) ? new[] { "es" } : [], .. string.IsNullOrWhiteSpace(title.En) ? new[] { "en" } : []];

    public static readonly Editable<Course, CourseView> Courses = new(EntityType, (db, id, ct) => db.Courses.SingleOrDefaultAsync(c => c.Id == id, ct), View, c => Course.IdText(c.Id));

    /// <summary>The scope of a course with this provider, for this reader.</summary>
    public static async Task<CourseScope> ScopeAsync(MovilidadDb db, int? providerId, int? recordedById, int? readerId, CancellationToken ct) => new(
        providerId is null ? null : await db.Institutions.Where(i => i.Id == providerId).Select(i => i.CountryCode).SingleOrDefaultAsync(ct),
        recordedById is not null && recordedById == readerId);

    public static async Task<FieldErrors> ValidateAsync(MovilidadDb db, CourseInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (CourseVocabulary.Parse<CourseKind>(input.Kind) is null)
        {
            errors.Add("kind", "kind is one of " + string.Join(", ", Enum.GetValues<CourseKind>().Select(CourseVocabulary.Kebab)) + ".");
        }

        if (input.Modality is not null && CourseVocabulary.Parse<CourseModality>(input.Modality) is null)
        {
            errors.Add("modality", "modality is virtual, in-person or hybrid (or left out when not known).");
        }

        errors.Text("title.es", input.Title?.Es, CourseLimits.Title, required: false);
        errors.Text("title.en", input.Title?.En, CourseLimits.Title, required: false);
        if (string.IsNullOrWhiteSpace(input.Title?.Es) && string.IsNullOrWhiteSpace(input.Title?.En))
        {
            errors.Add("title.es", "Give the title in Spanish, in English or both.");
        }

        errors.Text("summary.es", input.Summary?.Es, CourseLimits.Summary, required: false);
        errors.Text("summary.en", input.Summary?.En, CourseLimits.Summary, required: false);
        errors.Text("providerName.es", input.ProviderName?.Es, CourseLimits.Name, required: false);
        errors.Text("providerName.en", input.ProviderName?.En, CourseLimits.Name, required: false);
        errors.Text("certification.es", input.Certification?.Es, CourseLimits.Text, required: false);
        errors.Text("certification.en", input.Certification?.En, CourseLimits.Text, required: false);
        errors.Text("notes.es", input.Notes?.Es, CourseLimits.Text, required: false);
        errors.Text("notes.en", input.Notes?.En, CourseLimits.Text, required: false);
        if (input.ProviderId is { } provider && !await db.Institutions.AnyAsync(i => i.Id == provider, ct))
        {
            errors.Add("providerId", $"No institution has the id {provider.ToString(CultureInfo.InvariantCulture)}.");
        }
        else if (input.ProviderId is null && string.IsNullOrWhiteSpace(input.ProviderName?.Es) && string.IsNullOrWhiteSpace(input.ProviderName?.En))
        {
            errors.Add("providerId", "Name the provider: an institution (providerId), its name (providerName) or both.");
        }

        foreach (var (language, i) in (input.Languages ?? []).Select((l, i) => (l, i)).Where(x => x.l.Length != 2 || !x.l.All(char.IsAsciiLetterLower)))
        {
            errors.Add($"languages[{i}]", $"{language} is not an ISO 639-1 code: es, en, fr...");
        }

        foreach (var (audience, i) in (input.Audiences ?? []).Select((a, i) => (a, i)).Where(x => !CourseVocabulary.Audiences.Contains(x.a)))
        {
            errors.Add($"audiences[{i}]", $"{audience} is not an audience: " + string.Join(", ", CourseVocabulary.Audiences) + ".");
        }

        foreach (var (topic, i) in (input.Topics ?? []).Select((t, i) => (t, i)).Where(x => !CourseVocabulary.Topics.Contains(x.t)))
        {
            errors.Add($"topics[{i}]", $"{topic} is not a topic: " + string.Join(", ", CourseVocabulary.Topics) + ".");
        }

        var countries = input.Countries ?? [];
        var lines = input.Lines ?? [];
        var occupations = input.Occupations ?? [];
        await errors.ReferenceCodesAsync(db, countries, lines, occupations, ct);

        if ((input.Languages?.Count ?? 0) + (input.Audiences?.Count ?? 0) + (input.Topics?.Count ?? 0) + countries.Count + lines.Count + occupations.Count > 300)
        {
            errors.Add("countries", "A course names at most 300 codes in all.");
        }

        if (input.StartDate is { } start && input.EndDate is { } end && end < start)
        {
            errors.Add("endDate", "endDate is on or after startDate.");
        }

        if (input.Hours is { } hours && (hours <= 0 || hours > 10000))
        {
            errors.Add("hours", "hours is more than 0 and at most 10,000.");
        }

        if (input.Cost is { } cost && (cost < 0 || cost > 1_000_000_000))
        {
            errors.Add("cost", "cost is 0 (free) or a positive amount up to 1,000,000,000.");
        }
        else if (input.Cost > 0 && (input.Currency is null || !await db.Currencies.AnyAsync(c => c.Code == input.Currency, ct)))
        {
            errors.Add("currency", "currency is the ISO 4217 code of the cost (USD, MXN, GTQ...).");
        }
        else if (input.Currency is { } currency && !await db.Currencies.AnyAsync(c => c.Code == currency, ct))
        {
            errors.Add("currency", "currency is an ISO 4217 code (USD, MXN, GTQ...).");
        }

        if (input.Url is { } url && (url.Length > CourseLimits.Url || !Uri.TryCreate(url, UriKind.Absolute, out var link) || link.Scheme is not ("https" or "http")))
        {
            errors.Add("url", "url is the http(s) address where people enrol or read more.");
        }

        return errors;
    }

    public static void Apply(Course course, CourseInput input)
    {
        course.Kind = CourseVocabulary.Parse<CourseKind>(input.Kind)!.Value;
        course.Modality = CourseVocabulary.Parse<CourseModality>(input.Modality);
        course.Title = Trim(input.Title);
        course.Summary = Trim(input.Summary);
        course.ProviderId = input.ProviderId;
        course.ProviderName = Trim(input.ProviderName);
        course.Languages = CodeList.Join(input.Languages);
        course.Audiences = CodeList.Join(input.Audiences);
        course.Topics = CodeList.Join(input.Topics);
        course.Occupations = CodeList.Join(input.Occupations);
        course.Countries = CodeList.Join(input.Countries);
        course.Lines = CodeList.Join(input.Lines);
        course.StartDate = input.StartDate;
        course.EndDate = input.EndDate;
        course.Hours = input.Hours;
        course.Cost = input.Cost;
        course.Currency = string.IsNullOrWhiteSpace(input.Currency) ? null : input.Currency;
        course.Certification = Trim(input.Certification);
        course.Url = string.IsNullOrWhiteSpace(input.Url) ? null : input.Url.Trim();
        course.Notes = Trim(input.Notes);
    }

    private static Bilingual Trim(Bilingual? text) => new(text?.Es?.Trim() ?? string.Empty, text?.En?.Trim() ?? string.Empty);

    /// <summary>Records a course when <paramref name="may"/> allows recording with its scope (the provider's country).</summary>
    public static async Task<WriteOutcome<CourseView>> CreateAsync(MovilidadDb db, CourseInput input, Func<Operation, CourseScope, Task<bool>> may, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (!await may(CourseOperations.Record, await ScopeAsync(db, input.ProviderId, null, null, ct)))
        {
            return new WriteOutcome<CourseView>.Forbidden();
        }

        var errors = await ValidateAsync(db, input, ct);
        if (errors.Count > 0)
        {
            return new WriteOutcome<CourseView>.Invalid(errors);
        }

        var course = new Course { RecordedById = actor.AccountId, RecordedAt = clock.GetUtcNow().UtcDateTime };
        Apply(course, input);
        return await db.CreateAsync(Courses, course, actor, clock, ct);
    }

    /// <summary>
    /// Changes a course when <paramref name="may"/> allows editing it as saved; a new provider must be one the reader may
    /// record courses of (a focal point cannot move a course to another country's institution).
    /// </summary>
    public static async Task<WriteOutcome<CourseView>> EditAsync(MovilidadDb db, int id, CourseInput input, Func<Operation, CourseScope, Task<bool>> may, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var saved = await db.Courses.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.ProviderId, c.RecordedById }).SingleOrDefaultAsync(ct);
        if (saved is null)
        {
            return new WriteOutcome<CourseView>.NotFound();
        }

        var scope = await ScopeAsync(db, saved.ProviderId, saved.RecordedById, actor.AccountId, ct);
        if (!await may(CourseOperations.Edit, scope))
        {
            return new WriteOutcome<CourseView>.Forbidden();
        }

        return await db.EditAsync(Courses, id, input.Version, AuditActions.Update, async course =>
        {
            var errors = await ValidateAsync(db, input, ct);
            if (!errors.ContainsKey("providerId") && input.ProviderId != course.ProviderId && !await may(CourseOperations.Record, await ScopeAsync(db, input.ProviderId, null, null, ct)))
            {
                errors.Add("providerId", "You record courses of your own country's institutions only.");
            }

            return (IDictionary<string, string[]>)errors;
        }, course =>
        {
            Apply(course, input);
            return Task.CompletedTask;
        }, actor, clock, ct);
    }
}
