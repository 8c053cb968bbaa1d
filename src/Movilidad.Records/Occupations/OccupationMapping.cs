namespace Movilidad.Records;

/// <summary>One ISCO-08 group an occupation code reaches, with the share of the code's counts it receives.</summary>
public sealed record IscoLink(string Isco08, decimal Weight);

/// <summary>
/// How one occupation code reaches ISCO-08: its groups with weights that add up to exactly 1, and the path it took
/// through the crosswalks (<c>NOC 2021 → NOC 2016 → NOC 2011 → ISCO-08</c>); or, for a code that does not map, why.
/// </summary>
public sealed record OccupationMapping
{
    private OccupationMapping(IReadOnlyList<IscoLink> links, string? path, RecordMessage? unmappedBecause)
    {
        Links = links;
        Path = path;
        UnmappedBecause = unmappedBecause;
    }

    /// <summary>The ISCO-08 groups and their weights; empty when the code does not map.</summary>
    public IReadOnlyList<IscoLink> Links { get; }

    /// <summary>The crosswalks the code went through, or null when it does not map.</summary>
    public string? Path { get; }

    /// <summary>Why the code does not map, or null when it does.</summary>
    public RecordMessage? UnmappedBecause { get; }

    /// <summary>Whether the code reaches at least one ISCO-08 group.</summary>
    public bool IsMapped => Links.Count > 0;

    internal static OccupationMapping Mapped(IReadOnlyList<IscoLink> links, string path) => new(links, path, null);

    internal static OccupationMapping Unmapped(RecordMessage because) => new([], null, because);
}
