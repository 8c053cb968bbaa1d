using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Infrastructure.Pages;

/// <summary>
/// A page that writes: the answer to every write made from a page, in one place, and the validation errors of the write,
/// keyed by the API's field names, shown next to their field in the reader's language (the API's own messages are in
/// English for machine clients).
/// </summary>
public abstract partial class WritePage : PageModel
{
    public IDictionary<string, string[]> Errors { get; protected set; } = new Dictionary<string, string[]>();

    /// <summary>Whether the last write met a newer version: the page then shows both versions.</summary>
    public bool IsConflict { get; protected set; }

    /// <summary>
    /// The answer to a write made from a page: to <paramref name="savedUrl"/> when saved; otherwise the page again (by
    /// <paramref name="show"/>, or as it stands), with the errors by field (400) or both versions (409); 403 when a rule of
    /// the item refused; 404 when it is gone.
    /// </summary>
    protected Task<IActionResult> PageAfterWriteAsync<T>(WriteOutcome<T> outcome, string savedUrl, Func<Task<IActionResult>>? show = null, Action<T>? conflict = null) =>
        PageAfterWriteAsync(outcome, _ => Task.FromResult<IActionResult>(Redirect(savedUrl)), show, conflict);

    /// <summary>
    /// The same, when what follows a saved write depends on the item as saved; <paramref name="conflict"/> sees the item as
    /// the other person saved it (a form keeps what this person typed and moves to that version, so saving again overwrites knowingly).
    /// </summary>
    protected async Task<IActionResult> PageAfterWriteAsync<T>(WriteOutcome<T> outcome, Func<T, Task<IActionResult>> saved, Func<Task<IActionResult>>? show = null, Action<T>? conflict = null)
    {
        switch (outcome)
        {
            case WriteOutcome<T>.Saved done:
                return await saved(done.Value);
            case WriteOutcome<T>.Invalid invalid:
                return await RefuseAsync(invalid.Errors, show);
            case WriteOutcome<T>.Conflict current:
                IsConflict = true;
                conflict?.Invoke(current.Current);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return show is null ? Page() : await show();
            case WriteOutcome<T>.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    /// <summary>A form refused before or by its write: the page again (by <paramref name="show"/>, or as it stands) with the errors by field, as 400.</summary>
    protected async Task<IActionResult> RefuseAsync(IDictionary<string, string[]> errors, Func<Task<IActionResult>>? show = null)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return show is null ? Page() : await show();
    }

    /// <summary>The text key that explains an error of a field: indices are dropped, so every budget line's amount shares one text.</summary>
    public static string ErrorKey(string field) => "Error." + Index().Replace(field, string.Empty);

    /// <summary>Where an error is shown: an item of a list of choices (countries[1]) is shown at its list.</summary>
    public static string Anchor(string field) => ListItem().Match(field) is { Success: true } item ? item.Groups[1].Value : field;

    /// <summary>The id of a field's error message, for the field's aria-describedby and the summary's links.</summary>
    public static string ErrorId(string field) => "error-" + NotIdCharacter().Replace(Anchor(field), "-");

    public bool HasError(string field) => Errors.Keys.Any(k => Anchor(k) == field);

    public string? DescribedBy(string field) => HasError(field) ? ErrorId(field) : null;

    /// <summary>One line per place an error is shown, in field order.</summary>
    public IEnumerable<string> ErrorFields => Errors.Keys.Select(Anchor).Distinct().Order(StringComparer.Ordinal);

    [GeneratedRegex("\\[[0-9]+\\]")]
    private static partial Regex Index();

    [GeneratedRegex("^([A-Za-z]+)\\[[0-9]+\\]$")]
    private static partial Regex ListItem();

    [GeneratedRegex("[^A-Za-z0-9-]")]
    private static partial Regex NotIdCharacter();
}
