namespace Movilidad.Records;

/// <summary>The occupation classifications the files use.</summary>
public enum OccupationClassification
{
    /// <summary>ILO International Standard Classification of Occupations 2008, the platform's common classification.</summary>
    Isco08 = 1,

    /// <summary>US Standard Occupational Classification 2010.</summary>
    Soc2010,

    /// <summary>US Standard Occupational Classification 2018.</summary>
    Soc2018,

    /// <summary>Canada's National Occupational Classification 2011 (4 digits).</summary>
    Noc2011,

    /// <summary>Canada's National Occupational Classification 2016 (4 digits, the 2011 unit groups).</summary>
    Noc2016,

    /// <summary>Canada's National Occupational Classification 2021 (5 digits, TEER).</summary>
    Noc2021,

    /// <summary>US Dictionary of Occupational Titles (older H-2B files); no crosswalk to ISCO-08.</summary>
    Dot,
}

/// <summary>Codes and names of <see cref="OccupationClassification"/>.</summary>
public static class OccupationClassifications
{
    /// <summary>Every classification, in a stable order.</summary>
    public static IReadOnlyList<OccupationClassification> All { get; } =
    [
        OccupationClassification.Isco08, OccupationClassification.Soc2010, OccupationClassification.Soc2018,
        OccupationClassification.Noc2011, OccupationClassification.Noc2016, OccupationClassification.Noc2021, OccupationClassification.Dot,
    ];

    /// <summary>The code: <c>isco08</c>, <c>soc2010</c>, <c>soc2018</c>, <c>noc2011</c>, <c>noc2016</c>, <c>noc2021</c>, <c>dot</c>.</summary>
    public static string Code(this OccupationClassification classification) => classification switch
    {
        OccupationClassification.Isco08 => "isco08",
        OccupationClassification.Soc2010 => "soc2010",
        OccupationClassification.Soc2018 => "soc2018",
        OccupationClassification.Noc2011 => "noc2011",
        OccupationClassification.Noc2016 => "noc2016",
        OccupationClassification.Noc2021 => "noc2021",
        OccupationClassification.Dot => "dot",
        _ => throw new ArgumentOutOfRangeException(nameof(classification), classification, null),
    };

    /// <summary>The name as people write it: <c>ISCO-08</c>, <c>SOC 2010</c>, <c>NOC 2021</c>...</summary>
    public static string Name(this OccupationClassification classification) => classification switch
    {
        OccupationClassification.Isco08 => "ISCO-08",
        OccupationClassification.Soc2010 => "SOC 2010",
        OccupationClassification.Soc2018 => "SOC 2018",
        OccupationClassification.Noc2011 => "NOC 2011",
        OccupationClassification.Noc2016 => "NOC 2016",
        OccupationClassification.Noc2021 => "NOC 2021",
        OccupationClassification.Dot => "DOT",
        _ => throw new ArgumentOutOfRangeException(nameof(classification), classification, null),
    };

    /// <summary>The classification for a code or a name (<c>soc2018</c>, <c>SOC 2018</c>, <c>ISCO-08</c>, <c>isco_08</c>; case and separators ignored).</summary>
    public static bool TryParse(string? text, out OccupationClassification classification)
    {
        var wanted = Squeeze(text);
        return RecordSources.TryFind(All, c => wanted == Squeeze(c.Code()) || wanted == Squeeze(c.Name()), out classification);
    }

    private static string Squeeze(string? text) =>
        new((text ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
