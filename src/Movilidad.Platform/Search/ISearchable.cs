namespace Movilidad.Platform.Search;

/// <summary>
/// An entity the platform-wide search finds. The search index is kept in step with every save of such an entity, in
/// the same transaction, by the search feature; a feature only says what the entity's entry is.
/// </summary>
public interface ISearchable
{
    /// <summary>
    /// The entry for this entity as it is now, or null when search must not find it (a draft, a withdrawn or deleted
    /// item). Called after the save has given the entity its keys.
    /// </summary>
    SearchEntry? ToSearchEntry();
}

/// <summary>What the search index keeps of one entity.</summary>
/// <param name="Kind">The kind of thing, one word: <c>element</c>, <c>activity</c>, <c>indicator</c>, <c>pledge</c>,
/// <c>practice</c>, <c>programme</c>, <c>repository</c>, <c>course</c>...</param>
/// <param name="Key">Unique within <paramref name="Kind"/>.</param>
/// <param name="Path">The page that shows it, from the site's root (<c>/programmes/us-h2a</c>).</param>
/// <param name="TitleEs">The title in Spanish; empty where the entity has none in that language.</param>
/// <param name="TitleEn">The title in English; empty where the entity has none in that language.</param>
/// <param name="TextEs">The searchable text in Spanish (summary, body, extracted file text).</param>
/// <param name="TextEn">The searchable text in English.</param>
/// <param name="Public">Readable by anyone; otherwise only by signed-in readers.</param>
/// <param name="Countries">ISO 3166-1 alpha-2 codes.</param>
/// <param name="Lines">Codes of the plan elements (lines of action, actions) it belongs to.</param>
/// <param name="Objectives">Global Compact for Migration objective numbers, as text.</param>
/// <param name="Topics">Topic keys, for the topic facet.</param>
/// <param name="Language">ISO 639-1 code of the thing itself (a document's file), when it has one.</param>
/// <param name="Year">The year it belongs to (publication, start), for the year facet.</param>
public sealed record SearchEntry(
    string Kind,
    string Key,
    string Path,
    string TitleEs,
    string TitleEn,
    string TextEs,
    string TextEn,
    bool Public,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Lines,
    IReadOnlyList<string> Objectives,
    IReadOnlyList<string> Topics,
    string? Language,
    int? Year);
