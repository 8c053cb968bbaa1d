using Movilidad.Platform.Programmes;
using Movilidad.Platform.Search;

namespace Movilidad.Platform.Qualifications;

/// <summary>
/// A competency standard or occupational profile a country's body publishes (a CONOCER <c>EC0xxx</c>, a Red Seal
/// occupational standard, an O*NET occupation...), for one or more ISCO-08 occupations (action 2.2 of the Regional Plan,
/// issue 14; <c>data/qualifications/standards.yaml</c>). An entry of the sourced registry: its country's focal points
/// propose changes, the Secretariat reviews them, the public reads what is published, exactly as for procedures.
/// </summary>
public sealed class CompetencyStandard : RegistryEntry, ISearchable
{
    /// <summary>competency-standard | occupational-profile.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The country whose body publishes it (ISO 3166-1 alpha-2); empty for a regional standard (its content's <c>region</c>).</summary>
    public string Country { get; set; } = string.Empty;

    /// <summary>The issuing body's code in <c>data/bodies.yaml</c>.</summary>
    public string? Institution { get; set; }

    /// <summary>Its code as the body publishes it (<c>EC0435</c>, <c>39-9011.00</c>), or null when the body publishes none.</summary>
    public string? Code { get; set; }

    /// <summary>ISCO-08 codes of its occupations, as <see cref="RegistryEntry.Countries"/>.</summary>
    public string Occupations { get; set; } = " ";

    /// <summary>Keys of the qualification procedures that certify against it, as <see cref="RegistryEntry.Countries"/>.</summary>
    public string Procedures { get; set; } = " ";

    /// <summary>When it was published (<c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>), when a source says.</summary>
    public string? Published { get; set; }

    /// <summary>The date its sources were last read (<c>YYYY-MM-DD</c>).</summary>
    public string? LastVerified { get; set; }

    /// <summary>Its published content, found by anyone; a new standard never published is not found.</summary>
    public SearchEntry? ToSearchEntry() => RegistrySearch.Entry(this, "standard", "/qualifications/standards/", Kind, ["2.2"]);
}
