namespace Movilidad.Records;

/// <summary>A place: ISO 3166-1 country and, when known, its ISO 3166-2 subdivision (US state, Canadian province...).</summary>
/// <param name="Country">ISO 3166-1 alpha-2 code (<c>US</c>).</param>
/// <param name="CountryAlpha3">ISO 3166-1 alpha-3 code (<c>USA</c>), as SDMX REF_AREA uses it.</param>
/// <param name="Subdivision">ISO 3166-2 code (<c>US-CA</c>, <c>CA-ON</c>), or null.</param>
/// <param name="SubdivisionName">The subdivision's name in ISO 3166-2, or null.</param>
public sealed record Place(string Country, string CountryAlpha3, string? Subdivision, string? SubdivisionName);

/// <summary>The role of an organisation named in a row.</summary>
public enum OrganisationRole
{
    /// <summary>The employer that asked for workers.</summary>
    Employer = 1,

    /// <summary>A recruiter (foreign labour recruiter, recruitment agency) declared for the case.</summary>
    Recruiter,
}

/// <summary>An employer or recruiter named in a row, with its country (ISO 3166-1 alpha-2) and subdivision when the file gives them.</summary>
public sealed record Organisation(OrganisationRole Role, string Name, string? Country, string? Subdivision, string? City);

/// <summary>The occupation as the file gives it.</summary>
/// <param name="Classification">The classification of the code, or null when the file has no code (a job title only).</param>
/// <param name="Code">The code normalised (<c>45-2092</c>, <c>3111</c>, <c>21234</c>), or null.</param>
/// <param name="Title">The title written in the file, or null.</param>
public sealed record SourceOccupation(OccupationClassification? Classification, string? Code, string? Title);

/// <summary>The decision on a case, read from wording that changes from year to year.</summary>
public enum DecisionStatus
{
    /// <summary>Any wording not recognised (kept as written in <see cref="RecordRow.Status"/>).</summary>
    Other = 0,

    /// <summary>Certified in full (including certifications since expired).</summary>
    Certified,

    /// <summary>Certified for fewer workers than requested.</summary>
    PartiallyCertified,

    /// <summary>Denied.</summary>
    Denied,

    /// <summary>Withdrawn by the employer.</summary>
    Withdrawn,

    /// <summary>Rejected before a decision (not accepted for processing).</summary>
    Rejected,
}

/// <summary>The part a row plays in an H-2A joint-employer application (see the library's README).</summary>
public enum ApplicationRole
{
    /// <summary>An application of its own (every row of files without joint applications).</summary>
    Single = 1,

    /// <summary>The master application of an association or joint employers: it carries the case's certified total.</summary>
    Master,

    /// <summary>A member employer's sub-application: it repeats part of its master's workers.</summary>
    SubApplication,
}

/// <summary>A value of a row for one measure.</summary>
/// <param name="Measure">What is counted.</param>
/// <param name="Value">The value as in the file (ILOSTAT's thousands multiplied out).</param>
/// <param name="Counted">Whether it enters the totals and the observations; false for a value counted elsewhere (see <paramref name="NotCountedBecause"/>).</param>
/// <param name="NotCountedBecause">Why it is not counted (a sub-application whose master carries the total, a duplicate row...).</param>
public sealed record MeasureValue(Measure Measure, decimal Value, bool Counted, RecordMessage? NotCountedBecause);

/// <summary>
/// One observation: a counted value of a row, or the share of it that one ISCO-08 group receives when the row's
/// occupation maps to several. For one row and measure, the values of its observations add up to the row's value.
/// </summary>
/// <param name="Measure">What is counted.</param>
/// <param name="Value">The share of the row's value (the whole value when the occupation maps to one group or none).</param>
/// <param name="Isco08">The ISCO-08 group (a unit group, or the minor group where the crosswalk stops there), or null when the occupation does not map.</param>
/// <param name="Weight">The share of the row's value this observation carries (the weights of a row and measure add up to 1).</param>
public sealed record Observation(Measure Measure, decimal Value, string? Isco08, decimal Weight);

/// <summary>One row of a file, normalised. Rows stream from <see cref="RecordRead.Rows"/>.</summary>
public sealed class RecordRow
{
    /// <summary>The publication the row comes from.</summary>
    public required RecordSource Source { get; init; }

    /// <summary>File, sheet and row it was read from.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>The case number (OFLC), or null.</summary>
    public string? CaseNumber { get; init; }

    /// <summary>The status as written in the file, or null.</summary>
    public string? Status { get; init; }

    /// <summary>The status normalised.</summary>
    public DecisionStatus DecisionStatus { get; init; }

    /// <summary>The row's part in a joint-employer application (H-2A); <see cref="ApplicationRole.Single"/> elsewhere.</summary>
    public ApplicationRole ApplicationRole { get; init; } = ApplicationRole.Single;

    /// <summary>The occupation in the source classification.</summary>
    public required SourceOccupation Occupation { get; init; }

    /// <summary>How the occupation reaches ISCO-08.</summary>
    public required OccupationMapping Mapping { get; init; }

    /// <summary>Where the workers are wanted (worksite state, province of the business) or counted (ILOSTAT's country).</summary>
    public required Place Place { get; init; }

    /// <summary>When: the calendar quarter of an OFLC decision (with its fiscal year), the quarter or half-year of an LMIA list, the year of an estimate.</summary>
    public required Period Period { get; init; }

    /// <summary>Programme and stream: <c>H-2A</c>, <c>H-2B</c>, <c>TFWP Low Wage</c>...; null when the file has none.</summary>
    public string? Programme { get; init; }

    /// <summary>The employer named in the row, or null.</summary>
    public Organisation? Employer { get; init; }

    /// <summary>The recruiter named in the row (H-2B Appendix C), or null.</summary>
    public Organisation? Recruiter { get; init; }

    /// <summary>Every value of the row, counted or not.</summary>
    public required IReadOnlyList<MeasureValue> Values { get; init; }

    /// <summary>The counted values split over ISCO-08 by the crosswalk's weights.</summary>
    public required IReadOnlyList<Observation> Observations { get; init; }
}
