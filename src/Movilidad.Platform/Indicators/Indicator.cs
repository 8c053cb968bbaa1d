using Movilidad.Platform.Institutions;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Writes;
namespace Movilidad.Platform.Indicators;

public enum PeriodType
{
    Quarter,
    Semester,
    Year,
}

/// <summary>How period values add up over time: incremental ones add, a cumulative one is read at its latest period.</summary>
public enum TargetType
{
    Incremental,
    Cumulative,
}

/// <summary>How the countries' values of one period make the regional figure.</summary>
public enum AggregationRule
{
    Sum,
    Average,

    /// <summary>The number of countries that report a value above zero.</summary>
    CountOfCountries,
}

/// <summary>Where the values come from: typed by focal points, or counted by the platform from its own records.</summary>
public enum IndicatorSource
{
    Reported,

    /// <summary>Country shares of operational-plan activities done whose end falls in the period (of the indicator's working group, if it names one).</summary>
    ActivitiesDone,

    /// <summary>Countries whose report for the period is submitted or approved (1 per such country).</summary>
    CountriesReporting,

    /// <summary>
    /// Virtual mentoring sessions held (the Regional Plan's action 1.3): one per session logged, counted for the mentee's
    /// country in the period of the session's date.
    /// </summary>
    MentoringSessions,
}

/// <summary>Where one country's report for one period stands.</summary>
public enum ReportStatus
{
    Draft,
    Submitted,
    Approved,
    Returned,
}

/// <summary>
/// A result, process or impact indicator of a plan, attached to a plan element (and optionally to one
/// operational-plan activity), with its unit, baseline, targets and the rules that make regional figures.
/// </summary>
public partial class Indicator : IVersioned
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }

    /// <summary>Stable key within the plan, used by the shipped file to match rows.</summary>
    public required string Key { get; set; }
    public required string Code { get; set; }
    public int? ElementId { get; set; }
    public PlanElement? Element { get; set; }
    public int? ActivityId { get; set; }
    public Activity? Activity { get; set; }
    public int? WorkingGroupId { get; set; }
    public Institution? WorkingGroup { get; set; }
    public IndicatorType Type { get; set; }
    public Bilingual Name { get; set; } = Bilingual.Empty;
    public Bilingual Definition { get; set; } = Bilingual.Empty;
    public Bilingual Unit { get; set; } = Bilingual.Empty;

    /// <summary>The SDMX UNIT_MEASURE code: NUMBER and PERSONS are whole counts, PERCENT at most 100.</summary>
    public required string UnitCode { get; set; }
    public decimal? Baseline { get; set; }
    public int? BaselineYear { get; set; }
    public TargetType TargetType { get; set; }
    public AggregationRule Aggregation { get; set; }
    public IndicatorSource Source { get; set; }

    /// <summary>Extra disaggregations beyond sex, comma-separated keys of <see cref="Disaggregation"/> (age-group, migratory-status).</summary>
    public string Dimensions { get; set; } = string.Empty;

    /// <summary>Where in the source document the indicator is defined.</summary>
    public string SourceReference { get; set; } = string.Empty;
    public int SortOrder { get; set; }

    /// <summary>Hash of the shipped definition last applied; a row edited here (<see cref="EditedAt"/>) keeps its edits.</summary>
    public string SourceHash { get; set; } = string.Empty;
    public DateTime? EditedAt { get; set; }
    public int Version { get; set; }
    public List<IndicatorTarget> Targets { get; set; } = [];

    public bool IsAutomatic => Source != IndicatorSource.Reported;

    public IReadOnlyList<string> DimensionKeys => Dimensions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>The value an indicator should reach in one period, for one country or (no country) for the region.</summary>
public class IndicatorTarget
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public string? CountryCode { get; set; }
    public required string PeriodCode { get; set; }
    public decimal Value { get; set; }
}

/// <summary>How often a plan's indicators are reported (semi-annual for the CRM, quarterly for pledges) and how long after a period ends.</summary>
public class ReportingCalendar
{
    public int PlanId { get; set; }
    public PeriodType PeriodType { get; set; }
    public int DueDays { get; set; }
    public string SourceReference { get; set; } = string.Empty;
}

/// <summary>One period of a plan's reporting calendar; once the Secretariat locks it, its values change only after reopening.</summary>
public class ReportingPeriod : IVersioned
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }

    /// <summary>The SDMX time period: 2025-S1, 2025-Q3, 2025.</summary>
    public required string Code { get; set; }
    public PeriodType Type { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public DateOnly Due { get; set; }
    public DateTime? LockedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>One country's values for one period: the unit of the draft → submitted → approved / returned workflow.</summary>
public class IndicatorReport : IVersioned
{
    public int Id { get; set; }
    public int PeriodId { get; set; }
    public ReportingPeriod? Period { get; set; }
    public required string CountryCode { get; set; }
    public ReportStatus Status { get; set; }

    /// <summary>The Secretariat's comment when it returns the report.</summary>
    public string? Comment { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<IndicatorValue> Values { get; set; } = [];
}

/// <summary>
/// The value of one indicator in one report, for everyone (<see cref="Dimension"/> empty) or for one category of a
/// disaggregation (<c>age-group:Y18T29</c>), with its split by sex. Parts never exceed their total.
/// </summary>
public class IndicatorValue
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public IndicatorReport? Report { get; set; }
    public int IndicatorId { get; set; }
    public string Dimension { get; set; } = string.Empty;
    public decimal? Total { get; set; }
    public decimal? Women { get; set; }
    public decimal? Men { get; set; }
    public decimal? Other { get; set; }
    public decimal? NotReported { get; set; }
}
