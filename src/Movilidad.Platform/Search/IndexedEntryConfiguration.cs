using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Movilidad.Platform.Search;

internal sealed class IndexedEntryConfiguration : IEntityTypeConfiguration<IndexedEntry>, IEntityTypeConfiguration<IndexedFacet>
{
    public const int FacetValueMaxLength = 100;

    public void Configure(EntityTypeBuilder<IndexedEntry> builder)
    {
        builder.ToTable("SearchEntries");
        builder.Property(e => e.Source).HasMaxLength(200);
        builder.HasIndex(e => e.Source).IsUnique();
        builder.Property(e => e.Kind).HasMaxLength(40);
        builder.Property(e => e.Key).HasMaxLength(200);
        builder.HasIndex(e => new { e.Kind, e.Key });
        builder.Property(e => e.Path).HasMaxLength(400);
        builder.Property(e => e.Language).HasMaxLength(8);

        // The search reads the ids of the entries that are not public through this index alone (on SQLite it holds the
        // rowid), never the wide rows of the entries it matched.
        builder.HasIndex(e => e.IsPublic);
        builder.HasMany(e => e.Facets).WithOne().HasForeignKey(f => f.EntryId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<IndexedFacet> builder)
    {
        builder.ToTable("SearchFacets");
        builder.HasKey(f => new { f.EntryId, f.Name, f.Value });
        builder.Property(f => f.Name).HasMaxLength(16);
        builder.Property(f => f.Value).HasMaxLength(FacetValueMaxLength);
        builder.HasIndex(f => new { f.Name, f.Value, f.EntryId });
    }

    /// <summary>
    /// PostgreSQL only: the <c>tsvector</c> column (filled by the trigger of the migration) with its GIN index, and
    /// trigram indexes on the titles for the typo-tolerant fallback (pg_trgm).
    /// </summary>
    public static void ConfigurePostgres(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("unaccent").HasPostgresExtension("pg_trgm");
        modelBuilder.Entity<IndexedEntry>(builder =>
        {
            builder.Property<NpgsqlTypes.NpgsqlTsVector>(SearchSql.DocumentColumn).HasColumnType("tsvector");
            builder.HasIndex(SearchSql.DocumentColumn).HasMethod("GIN");
            builder.HasIndex(e => e.TitleEs).HasMethod("GIN").HasOperators("gin_trgm_ops").HasDatabaseName("IX_SearchEntries_TitleEs_trgm");
            builder.HasIndex(e => e.TitleEn).HasMethod("GIN").HasOperators("gin_trgm_ops").HasDatabaseName("IX_SearchEntries_TitleEn_trgm");
        });
    }
}
