namespace Movilidad.Platform.Search;

/// <summary>
/// One row of the search index: what <see cref="ISearchable.ToSearchEntry"/> gave for one entity, written in the
/// transaction that saved the entity (<see cref="SearchIndexer"/>). The full text is indexed by the database itself:
/// an FTS5 table over <see cref="FtsTitle"/> and <see cref="FtsBody"/> on SQLite, a <c>tsvector</c> column filled by a
/// trigger with the <c>movilidad_es</c> and <c>movilidad_en</c> configurations (stemming and unaccent) on PostgreSQL.
/// </summary>
public class IndexedEntry
{
    public long Id { get; set; }

    /// <summary>The entity it comes from, <c>EntityName:id</c>: how a save finds the row to replace.</summary>
    public required string Source { get; set; }

    public required string Kind { get; set; }
    public required string Key { get; set; }
    public required string Path { get; set; }
    public string TitleEs { get; set; } = string.Empty;
    public string TitleEn { get; set; } = string.Empty;
    public string TextEs { get; set; } = string.Empty;
    public string TextEn { get; set; } = string.Empty;
    public bool IsPublic { get; set; }
    public string? Language { get; set; }
    public int? Year { get; set; }

    /// <summary>The titles as the SQLite index reads them (Spanish stemmed, English folded; see <see cref="TextSearch"/>); empty on PostgreSQL.</summary>
    public string FtsTitle { get; set; } = string.Empty;

    /// <summary>The texts as the SQLite index reads them; empty on PostgreSQL.</summary>
    public string FtsBody { get; set; } = string.Empty;

    public List<IndexedFacet> Facets { get; set; } = [];
}

/// <summary>One facet value of an entry (<c>type</c>, <c>country</c>, <c>line</c>, <c>objective</c>, <c>topic</c>, <c>language</c>, <c>year</c>).</summary>
public class IndexedFacet
{
    public long EntryId { get; set; }
    public required string Name { get; set; }
    public required string Value { get; set; }
}
