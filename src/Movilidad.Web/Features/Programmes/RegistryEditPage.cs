using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Programmes;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Programmes;

/// <summary>What the edit form's view reads, for programmes and agreements alike.</summary>
public abstract partial class RegistryEditPage(IStringLocalizer text) : WritePage
{
    /// <summary>The entry being edited, or null for a new one.</summary>
    public RegistryEntryView? Entry { get; protected set; }

    public IReadOnlyList<RegistryField> Fields { get; protected set; } = [];

    public int Version { get; protected set; }

    /// <summary>What the form shows: the draft when there is one, else the published content.</summary>
    public bool ShowsDraft => Entry?.Draft is not null;

    public bool CanReview { get; protected set; }

    /// <summary>The fields where the version saved meanwhile differs from what this person sent.</summary>
    public IReadOnlyList<string> ConflictFields { get; protected set; } = [];

    /// <summary>The step just done (saved, submitted, published, returned), from the address after a write.</summary>
    public string? Done { get; protected set; }

    public string? Comment { get; set; }

    public abstract string ListPath { get; }

    /// <summary>The text key of a note under the title on who may change what, or null.</summary>
    public virtual string? RuleText => null;

    /// <summary>Where the breadcrumb's list is (the list path, unless the kind's list lives elsewhere).</summary>
    public virtual string ListHref => ListPath;

    /// <summary>The text key of the list's name, for the breadcrumb.</summary>
    public virtual string ListLabel => ListPath == "/programmes" ? "Programme.List" : "Agreement.List";

    public string EditPath => Entry is null ? $"{ListPath}/edit" : $"{ListPath}/edit/{Entry.Key}";

    public string Label(string path) => HistoryFields.Label(text, path);

    /// <summary>
    /// The form's sections, each folded under its name: one is open when a field in it has an error or differs from a
    /// version saved meanwhile; when nothing is wrong, the first (the entry's name and kind) is open.
    /// </summary>
    public IReadOnlyList<RegistrySection> Sections
    {
        get
        {
            var parts = Fields.GroupBy(f => f.Part).ToList();
            var wrong = Errors.Keys.Select(e => RegistryForm.Part(InputOf(e))).Concat(ConflictFields.Select(RegistryForm.Part)).ToList();
            var sections = RegistryForm.SectionOrder
                .Select(name => (Name: name, Parts: parts.Where(p => RegistryForm.SectionOf(p.Key) == name).ToList()))
                .Where(s => s.Parts.Count > 0)
                .Select(s => new RegistrySection(s.Name, s.Parts, wrong.Count(w => RegistryForm.SectionOf(w) == s.Name && s.Parts.Any(p => p.Key == w))))
                .ToList();
            return [.. sections.Select((s, i) => s with { IsOpen = s.Wrong > 0 || wrong.Count == 0 && i == 0 })];
        }
    }

    public string SectionLabel(string section) => text["RegistryEdit.Section." + section].Value;

    /// <summary>
    /// The codes a field takes, each with its label in the reader's language, for the fields whose value is one of a list
    /// (the kind, the status, the modality of cooperation, the subject); null for a field typed freely.
    /// </summary>
    public IReadOnlyList<(string Code, string Label)>? Choices(string path)
    {
        var (codes, prefix) = (ListPath, path) switch
        {
            ("/programmes", "kind") => (RegistryContent.ProgrammeKinds, "ProgrammeKind."),
            ("/programmes", "status.code") => (RegistryContent.ProgrammeStatuses, "Status."),
            ("/programmes", "modality.code") => (RegistryContent.Modalities, "Modality."),
            ("/agreements", "kind") => (RegistryContent.AgreementKinds, "AgreementKind."),
            ("/agreements", "subject") => (RegistryContent.AgreementSubjects, "Subject."),
            ("/qualifications/standards", "kind") => (Platform.Qualifications.StandardRules.Kinds, "Standards.Kind."),
            ("/qualifications/standards", "status.code") => (Platform.Qualifications.StandardRules.Statuses, "Standards.Status."),
            ("/social-security/instruments", _) when StateStatus().IsMatch(path) => (Platform.SocialSecurity.ConventionRules.StateStatuses, "SocialSecurity.Ilo."),
            _ => ((string[]?)null, string.Empty),
        };
        return codes?.Select(c => (c, text[prefix + c].Value)).ToList();
    }

    /// <summary>
    /// The field whose input shows an error: the path itself; else the first field inside it (<c>rights[2]</c> is shown at
    /// <c>rights[2].es</c>, <c>parties[1]</c> at <c>parties[1].country</c>); else the list it is an item of
    /// (<c>destination[1]</c> is shown at <c>destination</c>).
    /// </summary>
    public string InputOf(string error)
    {
        var path = error;
        while (true)
        {
            if (Fields.Any(f => f.Path == path))
            {
                return path;
            }

            if (Fields.FirstOrDefault(f => f.Path.StartsWith(path + ".", StringComparison.Ordinal)) is { } inside)
            {
                return inside.Path;
            }

            if (!path.EndsWith(']'))
            {
                return path;
            }

            path = path[..path.LastIndexOf('[')];
        }
    }

    /// <summary>The id of a field's input and of its error message.</summary>
    public static string InputId(string path) => "f-" + NotId().Replace(path, "-");

    public static string ErrorIdOf(string path) => "error-" + NotId().Replace(path, "-");

    public IEnumerable<string> ErrorsAt(string path) => Errors.Where(e => InputOf(e.Key) == path).Select(e => ErrorText(e.Key));

    /// <summary>The text key of an error that this kind of entry words itself (a procedure's duration or currency), or null for the registry's wording.</summary>
    protected virtual string? OwnErrorText(string message) => null;

    /// <summary>An error in the reader's language, by what the field is.</summary>
    public string ErrorText(string path)
    {
        var message = Errors.TryGetValue(path, out var m) ? m[0] : string.Empty;
        if (OwnErrorText(message) is { } own)
        {
            return text[own, Label(path)].Value;
        }

        var kind = path switch
        {
            "key" => "Key",
            "stage" => "Stage",
            "comment" => "Comment",
            "content" => "TooLong",
            _ when path.EndsWith("sources", StringComparison.Ordinal) => "Sources",
            _ when path.Contains(".sources[", StringComparison.Ordinal) => "SourceKey",
            _ when message.Contains("country code", StringComparison.Ordinal) => "Country",
            _ when message.Contains("is one of", StringComparison.Ordinal) => "OneOf",
            _ when message.Contains("is a number", StringComparison.Ordinal) => "Number",
            _ when message.Contains("is required", StringComparison.Ordinal) || message.Contains("needs its text", StringComparison.Ordinal) => "Required",
            _ when message.Contains("already used", StringComparison.Ordinal) => "KeyUsed",
            _ when message.Contains("cannot change", StringComparison.Ordinal) => "KeyFixed",
            _ => "TooLong",
        };
        return text["RegistryEdit.Error." + kind, Label(path)].Value;
    }

    [System.Text.RegularExpressions.GeneratedRegex("[^A-Za-z0-9-]")]
    private static partial System.Text.RegularExpressions.Regex NotId();

    [System.Text.RegularExpressions.GeneratedRegex(@"^states\[[0-9]+\]\.status$")]
    private static partial System.Text.RegularExpressions.Regex StateStatus();
}

/// <summary>A fold of the edit form: its name, the content's parts it holds and how many of their fields are wrong (an error or a conflict).</summary>
public sealed record RegistrySection(string Name, IReadOnlyList<IGrouping<string, RegistryField>> Parts, int Wrong)
{
    /// <summary>The id the section index links to (inside the fold, so that following the link opens it).</summary>
    public string Id => "section-" + Name;

    public bool IsOpen { get; init; }
}

/// <summary>
/// The edit form of a programme or agreement and its review: every field of the content (bilingual texts side by side,
/// each statement with its sources), saved as a draft beside what is published; sent for review; published or returned
/// by the Secretariat. A focal point opens only the entries their country is party to. Errors name their field; a save
/// that met a newer version (409) names the fields where it differs and keeps what this person typed.
/// </summary>
[Authorize]
[RequestFormLimits(ValueCountLimit = MaxFields)]
public abstract class RegistryEditPage<T>(MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock) : RegistryEditPage(text)
    where T : RegistryEntry, new()
{
    public const int MaxFields = 10_000;

    /// <summary>The entry as stored when the page opened it, or null for a new one.</summary>
    private T? stored;

    /// <summary>The lists of statements of this kind: the form offers an empty statement in each.</summary>
    private static IReadOnlyList<string> StatementLists => RegistryEditing.KindOf<T>() switch
    {
        RegistryKind.Programme => RegistryContent.ProgrammeStatementLists,
        RegistryKind.Procedure => Platform.Qualifications.ProcedureRules.StatementLists,
        RegistryKind.Standard => Platform.Qualifications.StandardRules.StatementLists,
        _ => [],
    };

    /// <summary>The lists of codes of this kind the form always offers, even where the content leaves them out.</summary>
    private static IReadOnlyList<string> CodeLists => RegistryEditing.KindOf<T>() switch
    {
        RegistryKind.Procedure => Platform.Qualifications.ProcedureRules.CodeLists,
        RegistryKind.Standard => Platform.Qualifications.StandardRules.CodeLists,
        _ => [],
    };


    public async Task<IActionResult> OnGetAsync(string? key, string? done, CancellationToken ct)
    {
        if (await OpenAsync(key, ct) is { } refused)
        {
            return refused;
        }

        Done = done is "saved" or "submitted" or "published" or "returned" ? done : null;
        Fields = RegistryForm.Fields(Entry is null ? await BlankAsync(ct) : Entry.Draft ?? Entry.Content ?? [], StatementLists, CodeLists);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string? key, int version, CancellationToken ct)
    {
        if (await OpenAsync(key, ct) is { } refused)
        {
            return refused;
        }

        var errors = new FieldErrors();
        var content = RegistryForm.Read(Request.Form.Where(f => f.Key.Length > 2 && f.Key[1] == ':').Select(f => KeyValuePair.Create(f.Key, f.Value.ToString())), errors);
        Fields = RegistryForm.Fields(content, StatementLists, CodeLists);
        if (errors.Count > 0)
        {
            return await RefuseAsync(Named(errors));
        }

        // What is wrong with the content is said first: the countries it names decide who may propose it.
        if (await RegistryEditing.ValidateAsync<T>(db, content, ct) is { Count: > 0 } invalid)
        {
            return await RefuseAsync(Named(invalid));
        }

        var actor = AuditActor.From(HttpContext);
        WriteOutcome<RegistryEntryView> outcome;
        if (Entry is null)
        {
            if (!await RegistryEditing.MayProposeAsync<T>(auth, User, null, content))
            {
                return Forbid();
            }

            outcome = await db.CreateAsync<T>(content, actor, clock, ct);
        }
        else
        {
            var shown = RegistryForm.Read(RegistryForm.Fields(Entry.Draft ?? Entry.Content ?? [], StatementLists, CodeLists).Select(f => KeyValuePair.Create(f.Input, f.Value)), new FieldErrors());
            if (!await RegistryEditing.MayProposeAsync(auth, User, stored, content, shown))
            {
                return Forbid();
            }

            outcome = await db.ProposeAsync<T>(Entry.Id, new RegistryChange(version, content), actor, clock, ct);
        }

        return await AfterAsync(outcome, "saved", current => ConflictFields = RegistryForm.Differences(content, current.Draft ?? current.Content));
    }

    public Task<IActionResult> OnPostSubmitAsync(string key, int version, CancellationToken ct) =>
        StepAsync(key, "submitted", entry => db.SubmitAsync<T>(entry.Id, version, AuditActor.From(HttpContext), clock, ct), ct);

    public Task<IActionResult> OnPostPublishAsync(string key, int version, CancellationToken ct) =>
        StepAsync(key, "published", entry => db.PublishAsync<T>(entry.Id, version, AuditActor.From(HttpContext), clock, ct), ct, review: true);

    public Task<IActionResult> OnPostReturnAsync(string key, int version, string? comment, CancellationToken ct)
    {
        Comment = comment;
        return StepAsync(key, "returned", entry => db.ReturnAsync<T>(entry.Id, version, comment, AuditActor.From(HttpContext), clock, ct), ct, review: true);
    }

    private async Task<IActionResult> StepAsync(string key, string done, Func<RegistryEntryView, Task<WriteOutcome<RegistryEntryView>>> step, CancellationToken ct, bool review = false)
    {
        if (await OpenAsync(key, ct) is { } refused)
        {
            return refused;
        }

        if (review && !CanReview)
        {
            return Forbid();
        }

        Fields = RegistryForm.Fields(Entry!.Draft ?? Entry.Content ?? [], StatementLists, CodeLists);
        return await AfterAsync(await step(Entry), done, _ => { });
    }

    private async Task<IActionResult> AfterAsync(WriteOutcome<RegistryEntryView> outcome, string done, Action<RegistryEntryView> conflict)
    {
        if (outcome is WriteOutcome<RegistryEntryView>.Invalid invalid)
        {
            return await RefuseAsync(Named(invalid.Errors));
        }

        return await PageAfterWriteAsync(outcome, saved => Task.FromResult<IActionResult>(Redirect($"{ListPath}/edit/{Uri.EscapeDataString(saved.Key)}?done={done}")), conflict: current =>
        {
            conflict(current);
            Entry = current;
            Version = current.Version;
        });
    }

    /// <summary>Finds the entry (by key) and checks that the reader may propose changes to it; for a new one, that they may propose for some country.</summary>
    private async Task<IActionResult?> OpenAsync(string? key, CancellationToken ct)
    {
        if (key is null)
        {
            var countries = await db.Countries.AsNoTracking().Select(c => c.Alpha2).ToListAsync(ct);
            if (!await auth.CanAsync(User, RegistryOperations.Propose, new RegistryScope(countries)))
            {
                return Forbid();
            }

            CanReview = await auth.CanAsync(User, RegistryOperations.Review, new RegistryScope(countries));
            return null;
        }

        var entry = await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(e => e.Key == key, ct);
        if (entry is null)
        {
            return NotFound();
        }

        var scope = new RegistryScope(entry.CountryList);
        if (!await auth.CanAsync(User, RegistryOperations.Propose, scope))
        {
            return Forbid();
        }

        stored = entry;
        Entry = RegistryEntryView.Of(entry);
        Version = entry.Version;
        CanReview = await auth.CanAsync(User, RegistryOperations.Review, scope);
        return null;
    }

    /// <summary>An empty content of the shape of this kind's first entry, with one empty item in each list.</summary>
    private async Task<JsonObject> BlankAsync(CancellationToken ct)
    {
        var example = await db.Set<T>().AsNoTracking().Where(e => e.Content != null).OrderBy(e => e.Key).Select(e => e.Content).FirstOrDefaultAsync(ct);
        return example is null ? [] : RegistryForm.Empty(RegistryContent.Parse(example));
    }

    /// <summary>The kernel's errors (<c>content.rights[2].sources</c>) keyed by the form's paths (<c>rights[2].sources</c>).</summary>
    private static Dictionary<string, string[]> Named(IDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => e.Key.StartsWith("content.", StringComparison.Ordinal) ? e.Key["content.".Length..] : e.Key, e => e.Value, StringComparer.Ordinal);

}
