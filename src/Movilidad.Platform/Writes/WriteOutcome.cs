namespace Movilidad.Platform.Writes;

/// <summary>
/// What a write did, the same for every feature: saved (with the item as saved), not found, forbidden (a rule of the item
/// itself refused the person, beyond the operation's authorisation), invalid (errors by field, named as the API names
/// them) or in conflict (someone saved first: their version is kept and returned, nothing of either is lost).
/// The web maps it once to HTTP results (<c>WriteResults</c>) and once to pages (<c>WritePage</c>).
/// </summary>
public abstract record WriteOutcome<T>
{
    public sealed record Saved(T Value) : WriteOutcome<T>;

    public sealed record Conflict(T Current) : WriteOutcome<T>;

    public sealed record NotFound : WriteOutcome<T>;

    public sealed record Forbidden : WriteOutcome<T>;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : WriteOutcome<T>;

    /// <summary>The same outcome carrying another view of the item (an activity's share from the activity's write).</summary>
    public WriteOutcome<TOther> Select<TOther>(Func<T, TOther> view) => this switch
    {
        Saved saved => new WriteOutcome<TOther>.Saved(view(saved.Value)),
        Conflict conflict => new WriteOutcome<TOther>.Conflict(view(conflict.Current)),
        NotFound => new WriteOutcome<TOther>.NotFound(),
        Forbidden => new WriteOutcome<TOther>.Forbidden(),
        Invalid invalid => new WriteOutcome<TOther>.Invalid(invalid.Errors),
        _ => throw new InvalidOperationException($"Unknown outcome {this}."),
    };
}

/// <summary>An entity saved with optimistic concurrency: every write checks the version the person read and moves it on.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>Errors by field as the API names them (<c>title.es</c>, <c>budgetLines[0].amount</c>), each with its messages.</summary>
public sealed class FieldErrors : Dictionary<string, string[]>
{
    public void Add(string field, string message) => this[field] = TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    /// <summary>Required text and its length limit: the check every bilingual field makes.</summary>
    public void Text(string field, string? value, int max, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{field} is required.");
        }
        else if (value?.Length > max)
        {
            Add(field, $"{field} is longer than {max} characters.");
        }
    }
}
