using Movilidad.Platform.Indicators;

namespace Movilidad.Platform.Plans;

/// <summary>An element of any plan contributes to one of the Strategic Plan's expected results (R1 to R4 of its Table 2).</summary>
public class ResultContribution
{
    public int ElementId { get; set; }
    public int ResultId { get; set; }
    public PlanElement? Result { get; set; }
}

/// <summary>An element of any plan contributes to one of the Strategic Plan's indicators (<c>data/indicators/004-*.yaml</c>).</summary>
public class IndicatorContribution
{
    public int ElementId { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
}

/// <summary>
/// What an element may name as its contribution: the expected results of the Strategic Plan's Table 2 (the elements of
/// level <c>expected-result</c> under <c>tabla2</c>, named R1, R2... after their keys) and the Strategic Plan's indicators
/// (by their codes: R1, R3.GF, P1...).
/// </summary>
public static class StrategicPlanTargets
{
    public const string PlanKey = "pe-crm-2023-2026";
    public const string ResultsTable = "tabla2";
    public const string ResultLevel = "expected-result";

    /// <summary>A result's code as people name it (R1), from its key (r1).</summary>
    public static string ResultCode(string key) => key.ToUpperInvariant();
}
