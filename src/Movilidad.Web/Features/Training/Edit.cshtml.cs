using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Localization;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Training;

/// <summary>The form of a course: every field of <see cref="CourseInput"/>, codes typed separated by commas, dates and amounts as typed.</summary>
public sealed class CourseForm
{
    public int Version { get; set; }
    public string? Kind { get; set; } = "course";
    public string? Modality { get; set; }
    public string? TitleEs { get; set; }
    public string? TitleEn { get; set; }
    public string? SummaryEs { get; set; }
    public string? SummaryEn { get; set; }
    public int? ProviderId { get; set; }
    public string? ProviderEs { get; set; }
    public string? ProviderEn { get; set; }
    public string? Languages { get; set; }
    public List<string> Audiences { get; set; } = [];
    public List<string> Topics { get; set; } = [];
    public List<string> Countries { get; set; } = [];
    public string? Occupations { get; set; }
    public string? Lines { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public string? Hours { get; set; }
    public string? Cost { get; set; }
    public string? Currency { get; set; }
    public string? CertificationEs { get; set; }
    public string? CertificationEn { get; set; }
    public string? Url { get; set; }
    public string? NotesEs { get; set; }
    public string? NotesEn { get; set; }

    public static CourseForm From(CourseView c) => new()
    {
        Version = c.Version, Kind = c.Kind, Modality = c.Modality, TitleEs = c.Title.Es, TitleEn = c.Title.En, SummaryEs = c.Summary.Es, SummaryEn = c.Summary.En,
        ProviderId = c.ProviderId, ProviderEs = c.ProviderName.Es, ProviderEn = c.ProviderName.En, Languages = string.Join(", ", c.Languages),
        Audiences = [.. c.Audiences], Topics = [.. c.Topics], Countries = [.. c.Countries], Occupations = string.Join(", ", c.Occupations), Lines = string.Join(", ", c.Lines),
        StartDate = c.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), EndDate = c.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Hours = c.Hours?.ToString(CultureInfo.CurrentCulture), Cost = c.Cost?.ToString(CultureInfo.CurrentCulture), Currency = c.Currency,
        CertificationEs = c.Certification.Es, CertificationEn = c.Certification.En, Url = c.Url, NotesEs = c.Notes.Es, NotesEn = c.Notes.En,
    };

    /// <summary>The input the API takes, and the errors of what did not read as a date or an amount.</summary>
    public (CourseInput Input, FieldErrors Errors) ToInput()
    {
        var typed = new TypedFields(CultureInfo.CurrentCulture);
        var input = new CourseInput(
            Version, Kind, string.IsNullOrWhiteSpace(Modality) ? null : Modality, new Bilingual(TitleEs ?? string.Empty, TitleEn ?? string.Empty),
            new Bilingual(SummaryEs ?? string.Empty, SummaryEn ?? string.Empty), ProviderId is > 0 ? ProviderId : null, new Bilingual(ProviderEs ?? string.Empty, ProviderEn ?? string.Empty),
            Split(Languages), Audiences, Topics, Split(Occupations), Countries, Split(Lines),
            typed.Date("startDate", StartDate), typed.Date("endDate", EndDate), typed.Amount("hours", Hours), typed.Amount("cost", Cost),
            string.IsNullOrWhiteSpace(Currency) ? null : Currency.Trim().ToUpperInvariant(),
            new Bilingual(CertificationEs ?? string.Empty, CertificationEn ?? string.Empty), string.IsNullOrWhiteSpace(Url) ? null : Url.Trim(), new Bilingual(NotesEs ?? string.Empty, NotesEn ?? string.Empty));
        return (input, typed.Errors);
    }

    private static List<string> Split(string? text) => [.. (text ?? string.Empty).Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

/// <summary>Records a course (<c>/courses/edit</c>) or changes one (<c>/courses/edit/{id}</c>); who may is decided as in the API.</summary>
public class EditModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : TrainingPage
{
    [BindProperty]
    public CourseForm Form { get; set; } = new();

    public int? Id { get; private set; }
    public IReadOnlyList<Choice> Institutions { get; private set; } = [];
    public IReadOnlyList<Choice> CountryChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (!Records)
        {
            return Forbid();
        }

        if (id is { } existing)
        {
            if (await db.Courses.AsNoTracking().SingleOrDefaultAsync(c => c.Id == existing, ct) is not { } course)
            {
                return NotFound();
            }

            if (!await auth.CanAsync(User, CourseOperations.Edit, await CourseEditing.ScopeAsync(db, course.ProviderId, course.RecordedById, AuditActor.From(HttpContext).AccountId, ct)))
            {
                return Forbid();
            }

            Form = CourseForm.From(CourseEditing.View(course));
        }

        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (!Records)
        {
            return Forbid();
        }

        var (input, typed) = Form.ToInput();
        if (typed.Count > 0)
        {
            return await RefuseAsync(typed, () => ShowAsync(ct));
        }

        var actor = AuditActor.From(HttpContext);
        var outcome = id is { } existing
            ? await CourseEditing.EditAsync(db, existing, input, (operation, scope) => auth.CanAsync(User, operation, scope), actor, clock, ct)
            : await CourseEditing.CreateAsync(db, input, (operation, scope) => auth.CanAsync(User, operation, scope), actor, clock, ct);
        return await PageAfterWriteAsync(outcome, saved => Task.FromResult<IActionResult>(Redirect("/courses/" + Int(saved.Id))), () => ShowAsync(ct),
            current => Form.Version = current.Version);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await LoadCountriesAsync(db, ct);
        var institutions = await db.Institutions.AsNoTracking().Where(i => i.Kind != InstitutionKind.WorkingGroup).OrderBy(i => i.Kind).ThenBy(i => i.Code)
            .Select(i => new { i.Id, i.Acronym, i.Name }).ToListAsync(ct);
        Institutions = institutions.Select(i => new Choice(Int(i.Id), $"{i.Acronym.Current} · {PageFormats.Shorten(i.Name.Current)}")).ToList();
        CountryChoices = CountryNames.OrderBy(c => c.Value.Current, StringComparer.CurrentCulture).Select(c => new Choice(c.Key, c.Value.Current)).ToList();
        return Page();
    }

    /// <summary>An error of a field in the reader's language (<c>TrainingError.{field}</c>).</summary>
    public static string MessageKey(string field) => "Training" + ErrorKey(field);
}
