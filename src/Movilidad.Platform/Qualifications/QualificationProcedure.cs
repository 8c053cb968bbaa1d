using Movilidad.Platform.Programmes;
using Movilidad.Platform.Search;
using Movilidad.Platform.Writes;

namespace Movilidad.Platform.Qualifications;

/// <summary>
/// A procedure of a country for training, competency certification, recognition or evaluation of qualifications
/// (action 2.1 of the Regional Plan, issue 14; <c>data/qualifications/procedures.yaml</c>): an entry of the sourced
/// registry, so it is changed through the same review (draft, review by the Secretariat, publication) as programmes and
/// agreements. Its country's focal points propose changes to it; the public reads what is published.
/// </summary>
public sealed class QualificationProcedure : RegistryEntry, ISearchable
{
    /// <summary>training | competency-certification | recognition | evaluation.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The country whose procedure it is (ISO 3166-1 alpha-2).</summary>
    public string Country { get; set; } = string.Empty;

    /// <summary>The responsible body's code in <c>data/bodies.yaml</c>.</summary>
    public string? Institution { get; set; }

    /// <summary>ISCO-08 codes of the occupations its sources name, as <see cref="RegistryEntry.Countries"/>.</summary>
    public string Occupations { get; set; } = " ";

    /// <summary>The date its sources were last read (<c>YYYY-MM-DD</c>).</summary>
    public string? LastVerified { get; set; }

    /// <summary>Its published content, found by anyone; a new procedure never published is not found.</summary>
    public SearchEntry? ToSearchEntry() => RegistrySearch.Entry(this, "qualification", "/qualifications/", Kind, ["2.1"]);
}

/// <summary>
/// A rate to convert costs for the comparison of countries: one US dollar is worth <see cref="Rate"/> units of
/// <see cref="Currency"/> on <see cref="AsOf"/>, as the named source gave it. Entered by the Secretariat, versioned, audited.
/// </summary>
public sealed class ExchangeRate : IVersioned
{
    public const int SourceMaxLength = 600;

    public int Id { get; set; }

    /// <summary>ISO 4217 code (<c>MXN</c>).</summary>
    public string Currency { get; set; } = string.Empty;

    /// <summary>Units of the currency for one US dollar.</summary>
    public decimal Rate { get; set; }

    public DateOnly AsOf { get; set; }

    /// <summary>Who published the rate (a central bank, the IMF...).</summary>
    public string Source { get; set; } = string.Empty;

    public string? SourceUrl { get; set; }

    public int Version { get; set; }
}
