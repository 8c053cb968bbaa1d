using System.Globalization;
using System.Text.Json;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Knowledge;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Knowledge;

/// <summary>
/// A change of a toolkit's planning guide: the item's version read, the whole guide (steps, audiences, channels, calendar
/// template, messages per audience, each in Spanish and English) and whether it is complete (no longer a draft to complete).
/// </summary>
public sealed record ToolkitGuideEdit(int Version, ToolkitGuide? Guide, bool Complete);

/// <summary>The Secretariat (or a curator) edits a toolkit's planning guide: validated by field, version-checked, audited.</summary>
public static class ToolkitGuides
{
    public const string EditAction = "edit-guide";

    /// <summary>The most rows of each list of a guide.</summary>
    public const int MaxItems = 60;

    /// <summary>The longest text of a row.</summary>
    public const int MaxText = 2000;

    /// <summary>The last week of a calendar template.</summary>
    public const int MaxWeek = 104;

    /// <summary>
    /// The errors of a guide by field (<c>guide.steps[0].en</c>, <c>guide.messages[1].audience</c>): every text within its
    /// length, in both languages once the guide is complete (a draft may lack one language, never both), audience keys
    /// unique, weeks 1 to 104, every message to an audience of the guide.
    /// </summary>
    public static FieldErrors Validate(ToolkitGuide? guide, bool complete)
    {
        var errors = new FieldErrors();
        if (guide is null)
        {
            errors.Add("guide", "guide is the planning guide: steps, audiences, channels, calendar and messages.");
            return errors;
        }

        void Text(string field, Bilingual? text)
        {
            var es = text?.Es ?? string.Empty;
            var en = text?.En ?? string.Empty;
            foreach (var (language, value) in new[] { ("es", es), ("en", en) })
            {
                if (value.Length > MaxText)
                {
                    errors.Add($"{field}.{language}", $"{field}.{language} is longer than {MaxText} characters.");
                }
                else if (string.IsNullOrWhiteSpace(value) && (complete || string.IsNullOrWhiteSpace(language == "es" ? en : es)))
                {
                    errors.Add($"{field}.{language}", complete ? $"{field}.{language} is required in a complete guide." : $"{field} needs its text in Spanish, English or both.");
                }
            }
        }

        void Count<T>(string list, IReadOnlyList<T>? rows)
        {
            if (rows?.Count > MaxItems)
            {
                errors.Add($"guide.{list}", $"guide.{list} has at most {MaxItems} rows.");
            }
        }

        Count("steps", guide.Steps);
        Count("audiences", guide.Audiences);
        Count("channels", guide.Channels);
        Count("calendar", guide.Calendar);
        Count("messages", guide.Messages);
        foreach (var (step, i) in (guide.Steps ?? []).Take(MaxItems).Select((s, i) => (s, i)))
        {
            Text($"guide.steps[{Index(i)}]", step);
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (audience, i) in (guide.Audiences ?? []).Take(MaxItems).Select((a, i) => (a, i)))
        {
            var key = audience?.Key ?? string.Empty;
            if (key.Length is 0 or > 60 || !key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                errors.Add($"guide.audiences[{Index(i)}].key", "An audience's key is up to 60 lower-case letters, digits and hyphens (migrant-workers).");
            }
            else if (!keys.Add(key))
            {
                errors.Add($"guide.audiences[{Index(i)}].key", $"The audience key {key} is used twice.");
            }

            Text($"guide.audiences[{Index(i)}].name", audience?.Name);
        }

        foreach (var (channel, i) in (guide.Channels ?? []).Take(MaxItems).Select((c, i) => (c, i)))
        {
            Text($"guide.channels[{Index(i)}]", channel);
        }

        foreach (var (week, i) in (guide.Calendar ?? []).Take(MaxItems).Select((w, i) => (w, i)))
        {
            if (week?.Week is not (>= 1 and <= MaxWeek))
            {
                errors.Add($"guide.calendar[{Index(i)}].week", $"A calendar row's week is 1 to {MaxWeek}.");
            }

            Text($"guide.calendar[{Index(i)}].activity", week?.Activity);
        }

        foreach (var (message, i) in (guide.Messages ?? []).Take(MaxItems).Select((m, i) => (m, i)))
        {
            if (message?.Audience is not { } audience || !keys.Contains(audience))
            {
                errors.Add($"guide.messages[{Index(i)}].audience", "A message is for one of the guide's audiences (its key).");
            }

            Text($"guide.messages[{Index(i)}].text", message?.Text);
        }

        return errors;
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    /// <summary>Replaces the guide of a toolkit the person read at <paramref name="edit"/>'s version; it stops being a draft when marked complete.</summary>
    public static Task<WriteOutcome<RepositoryItemView>> EditAsync(MovilidadDb db, int id, ToolkitGuideEdit edit, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.EditAsync(RepositoryEditing.Items, id, edit.Version, EditAction, item =>
        {
            var errors = Validate(edit.Guide, edit.Complete);
            if (item.Kind != ItemKind.Toolkit)
            {
                errors.Add("guide", "Only a toolkit has a planning guide.");
            }

            return Task.FromResult<IDictionary<string, string[]>>(errors);
        }, item =>
        {
            item.Guide = JsonSerializer.Serialize(Trimmed(edit.Guide!), ToolkitLoader.Json);
            item.IsDraft = !edit.Complete;
            return Task.CompletedTask;
        }, actor, clock, ct);

    private static ToolkitGuide Trimmed(ToolkitGuide guide)
    {
        static Bilingual T(Bilingual? text) => new(text?.Es?.Trim() ?? string.Empty, text?.En?.Trim() ?? string.Empty);
        return new ToolkitGuide(
            [.. (guide.Steps ?? []).Select(T)],
            [.. (guide.Audiences ?? []).Select(a => new ToolkitAudience(a.Key, T(a.Name)))],
            [.. (guide.Channels ?? []).Select(T)],
            [.. (guide.Calendar ?? []).Select(w => new ToolkitWeek(w.Week, T(w.Activity)))],
            [.. (guide.Messages ?? []).Select(m => new ToolkitMessage(m.Audience, T(m.Text)))]);
    }
}
