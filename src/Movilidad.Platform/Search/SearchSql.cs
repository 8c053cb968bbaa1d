namespace Movilidad.Platform.Search;

/// <summary>The names the migrations give to what the databases index outside the entity model.</summary>
public static class SearchSql
{
    /// <summary>PostgreSQL: the <c>tsvector</c> column of <c>SearchEntries</c>, filled by the trigger <c>SearchEntries_document</c>.</summary>
    public const string DocumentColumn = "Document";

    /// <summary>SQLite: the FTS5 table over <c>SearchEntries</c> (external content, kept by triggers).</summary>
    public const string Fts5Table = "SearchIndex";
}
