using Movilidad.Platform.Localization;

namespace Movilidad.Platform.Reference;

/// <summary>ISO 3166-1 country.</summary>
public class Country
{
    public required string Alpha2 { get; set; }
    public required string Alpha3 { get; set; }
    public required string Numeric { get; set; }
    public Bilingual Name { get; set; } = Bilingual.Empty;
    public string? Region { get; set; }
    public string? Subregion { get; set; }
    public string? CurrencyCode { get; set; }
}

/// <summary>ISO 4217 currency.</summary>
public class Currency
{
    public required string Code { get; set; }
    public string? Numeric { get; set; }
    public int? MinorUnit { get; set; }
    public Bilingual Name { get; set; } = Bilingual.Empty;
}

/// <summary>An ISCO-08 group: major (1 digit), sub-major (2), minor (3) or unit group (4).</summary>
public class Occupation
{
    public required string Code { get; set; }
    public int Level { get; set; }
    public string? ParentCode { get; set; }
    public Bilingual Name { get; set; } = Bilingual.Empty;
    public string? Description { get; set; }
    public string SearchText { get; set; } = string.Empty;
}
