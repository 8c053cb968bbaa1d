using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Writes;

namespace Movilidad.Platform.LabourMarket;

/// <summary>
/// A sector of footnote 8 of the Regional Plan (eco-technologies, electric mobility, care, agri-tech, sustainable
/// construction) mapped to ISCO-08 groups for the occupation outlook, with why. Shipped in <c>data/outlook/sectors.json</c>;
/// the Secretariat edits it in the platform (versioned, audited), and once edited the file no longer overwrites it.
/// </summary>
public sealed class OutlookSectorMapping : IVersioned
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public Bilingual Name { get; set; } = Bilingual.Empty;

    /// <summary>The ISCO-08 groups (any level), comma-separated in the order given.</summary>
    public required string Groups { get; set; }

    public Bilingual Reasoning { get; set; } = Bilingual.Empty;

    public int Version { get; set; } = 1;

    /// <summary>When it was last edited in the platform; null while it is as shipped.</summary>
    public DateTime? EditedAt { get; set; }

    public IReadOnlyList<string> GroupList => Groups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed class OutlookSectorMappingConfiguration : IEntityTypeConfiguration<OutlookSectorMapping>
{
    public void Configure(EntityTypeBuilder<OutlookSectorMapping> builder)
    {
        builder.ToTable("OutlookSectors");
        builder.Property(s => s.Slug).HasMaxLength(64);
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.Property(s => s.Groups).HasMaxLength(1000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.GroupList);
        builder.HasBilingual(s => s.Name, 200).HasBilingual(s => s.Reasoning, 4000);
    }
}

/// <summary>The shipped mapping, <c>data/outlook/sectors.json</c>: the sources it follows and each sector.</summary>
public static class OutlookSectorFile
{
    public const string RelativePath = "outlook/sectors.json";

    public static (string Source, IReadOnlyList<OutlookSectorMapping> Sectors) Read(string dataFolder)
    {
        var path = Path.Combine(dataFolder, RelativePath);
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var root = json.RootElement;
            static Bilingual Texts(JsonElement e) => new(e.GetProperty("es").GetString()!, e.GetProperty("en").GetString()!);
            return (root.GetProperty("source").GetString()!, [.. root.GetProperty("sectors").EnumerateArray().Select(s => new OutlookSectorMapping
            {
                Slug = s.GetProperty("slug").GetString()!,
                Name = Texts(s.GetProperty("name")),
                Groups = string.Join(',', s.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!)),
                Reasoning = Texts(s.GetProperty("reasoning")),
            })]);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            throw new DataFileException(path, e.Message, e);
        }
    }
}

/// <summary>Loads the shipped sector mapping: adds the sectors that are missing and brings up to date those not edited in the platform.</summary>
public sealed class OutlookSectorLoader(MovilidadDb db) : IContentLoader
{
    public int Order => 150;

    public async Task LoadAsync(string dataFolder, CancellationToken ct = default)
    {
        var (_, shipped) = OutlookSectorFile.Read(dataFolder);
        var existing = await db.OutlookSectors.ToDictionaryAsync(s => s.Slug, ct);
        foreach (var sector in shipped)
        {
            if (!existing.TryGetValue(sector.Slug, out var current))
            {
                db.OutlookSectors.Add(sector);
            }
            else if (current.EditedAt is null)
            {
                (current.Name, current.Groups, current.Reasoning) = (sector.Name, sector.Groups, sector.Reasoning);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
