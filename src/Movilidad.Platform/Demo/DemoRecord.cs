using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Movilidad.Platform.Demo;

/// <summary>
/// One row that <c>movilidad seed --demo</c> wrote, named by its table's entity type and id: the demonstration data is
/// exactly the rows listed here, so <c>seed --remove-demo</c> takes them out and nothing else, and pages show a banner
/// while any is listed.
/// </summary>
public class DemoRecord
{
    public int Id { get; set; }

    /// <summary>The kind of row: <see cref="DemoData"/> names them (activity, indicator-report, pledge...).</summary>
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
}

internal sealed class DemoRecordConfiguration : IEntityTypeConfiguration<DemoRecord>
{
    public void Configure(EntityTypeBuilder<DemoRecord> builder)
    {
        builder.Property(r => r.EntityType).HasMaxLength(64);
        builder.HasIndex(r => new { r.EntityType, r.EntityId }).IsUnique();
    }
}
