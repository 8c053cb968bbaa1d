using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Plans;

public sealed class FootnoteInput
{
    public int Number { get; set; }
    public string? Es { get; set; }
    public string? En { get; set; }
}

public sealed class ElementInput
{
    public int Version { get; set; }
    public string? TitleEs { get; set; }
    public string? TitleEn { get; set; }
    public string? TextEs { get; set; }
    public string? TextEn { get; set; }
    public string? LabelEs { get; set; }
    public string? LabelEn { get; set; }
    public List<FootnoteInput> Footnotes { get; set; } = [];

    /// <summary>The Global Compact objectives the document states, and those inferred here, as numbers separated by commas.</summary>
    public string? GcmObjectives { get; set; }
    public string? GcmInferred { get; set; }

    /// <summary>The Strategic Plan's results and indicators ticked, by code.</summary>
    public List<string> Results { get; set; } = [];
    public List<string> Indicators { get; set; } = [];

    public static ElementInput From(ElementSnapshot s) => new()
    {
        Version = s.Version,
        TitleEs = s.Title.Es,
        TitleEn = s.Title.En,
        TextEs = s.Text.Es,
        TextEn = s.Text.En,
        LabelEs = s.TimeframeLabel.Es,
        LabelEn = s.TimeframeLabel.En,
        Footnotes = s.Footnotes.Select(f => new FootnoteInput { Number = f.Number, Es = f.Text.Es, En = f.Text.En }).ToList(),
        GcmObjectives = string.Join(", ", s.GcmObjectives),
        GcmInferred = string.Join(", ", s.GcmInferred),
        Results = [.. s.Results],
        Indicators = [.. s.Indicators],
    };

    /// <summary>Reads a list of objective numbers; a part that is not a whole number is named in <paramref name="errors"/>.</summary>
    public static IReadOnlyList<int> Objectives(string? value, string field, IDictionary<string, string[]> errors)
    {
        var parts = (value ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var numbers = new List<int>();
        foreach (var part in parts)
        {
            if (int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                numbers.Add(number);
            }
            else
            {
                errors[field] = [$"«{part}» is not an objective number (1 to 23)."];
            }
        }

        return numbers;
    }

    /// <summary>Blank footnote rows (the empty one the form offers for a new note) are dropped.</summary>
    public ElementEdit ToEdit(IDictionary<string, string[]> errors) => new(
        Version,
        new Bilingual(TitleEs ?? string.Empty, TitleEn ?? string.Empty),
        new Bilingual(TextEs ?? string.Empty, TextEn ?? string.Empty),
        new Bilingual(LabelEs ?? string.Empty, LabelEn ?? string.Empty),
        Footnotes.Where(f => !string.IsNullOrWhiteSpace(f.Es) || !string.IsNullOrWhiteSpace(f.En))
            .Select(f => new FootnoteView(f.Number, new Bilingual(f.Es ?? string.Empty, f.En ?? string.Empty))).ToList(),
        Objectives(GcmObjectives, "gcmObjectives", errors),
        Objectives(GcmInferred, "gcmInferred", errors),
        Results,
        Indicators);
}

/// <summary>
/// Editing a plan element in both languages. When someone else saved first, the page shows their version beside
/// this person's, keeps this person's text in the form and takes the new version: saving again is the merge.
/// </summary>
public class EditModel(MovilidadDb db, IAuthorizationService authorization, IOutputCacheStore cache, TimeProvider clock) : WritePage
{
    [BindProperty]
    public ElementInput Input { get; set; } = new();

    public int Id { get; private set; }
    public string? Code { get; private set; }
    public bool Deleted { get; private set; }

    /// <summary>The Strategic Plan's results and indicators the form offers.</summary>
    public ContributionChoices Choices { get; private set; } = new([], []);

    /// <summary>The version someone else saved while this person was editing.</summary>
    public ElementSnapshot? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        Input = ElementInput.From(ElementEditing.Snapshot((await db.FindForEditAsync(id, ct))!));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        var errors = new Dictionary<string, string[]>();
        var edit = Input.ToEdit(errors);
        if (errors.Count > 0)
        {
            return await RefuseAsync(errors);
        }

        return await PageAfterWriteAsync(await db.SaveAsync(id, edit, AuditActor.From(HttpContext), clock, ct), _ => SavedAsync($"/elements/{id}", ct), conflict: theirs =>
        {
            Theirs = theirs;
            Input.Version = theirs.Version;
        });
    }

    public Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) => SetDeletedAsync(id, deleted: true, ct);

    public Task<IActionResult> OnPostRestoreAsync(int id, CancellationToken ct) => SetDeletedAsync(id, deleted: false, ct);

    private async Task<IActionResult> SetDeletedAsync(int id, bool deleted, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }

        return await PageAfterWriteAsync(await db.SetDeletedAsync(id, deleted, Input.Version, AuditActor.From(HttpContext), clock, ct),
            _ => SavedAsync(deleted ? $"/elements/{id}/edit" : $"/elements/{id}", ct), conflict: theirs =>
            {
                Theirs = theirs;
                Input = ElementInput.From(theirs);
            });
    }

    /// <summary>A saved element changes the plan pages, whose cached copies go.</summary>
    private async Task<IActionResult> SavedAsync(string url, CancellationToken ct)
    {
        await cache.EvictByTagAsync(PlanCache.Tag, ct);
        return Redirect(url);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var element = await db.FindForEditAsync(id, ct);
        if (element is null)
        {
            return NotFound();
        }

        if (!await authorization.CanAsync(User, PlanOperations.Edit, await db.ScopeAsync(id, ct)))
        {
            return Forbid();
        }

        Id = id;
        Code = element.Code;
        Deleted = element.DeletedAt is not null;
        db.ChangeTracker.Clear();
        Choices = await db.ContributionChoicesAsync(ct);
        return null;
    }
}
