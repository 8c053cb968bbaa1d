using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Writes;
namespace Movilidad.Platform.Reports;

/// <summary>Where a report stands: the Secretariat prepares and submits it, the Pro-Tempore Presidency approves it or returns it to draft.</summary>
public enum ReportStatus
{
    Draft,
    Submitted,
    Approved,
}

/// <summary>
/// The semi-annual report to the GRCM on a plan, as the Strategic Plan's follow-up mechanism asks: assembled from the data of
/// one semester, with a narrative per country and a summary by the Secretariat. Once approved its data is frozen in
/// <see cref="Snapshot"/>, so the documents downloaded later are the ones that were approved.
/// </summary>
public class Report : IVersioned
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int Year { get; set; }

    /// <summary>1 for January to June, 2 for July to December.</summary>
    public int Half { get; set; }
    public ReportStatus Status { get; set; }

    /// <summary>The Secretariat's summary of the semester.</summary>
    public Bilingual Summary { get; set; } = Bilingual.Empty;

    /// <summary>Why the Presidency returned the report to draft, the last time it did.</summary>
    public string? ReturnComment { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }

    /// <summary>The data of every section as it was approved (JSON keyed by section); null until approval.</summary>
    public string? Snapshot { get; set; }

    /// <summary>Goes up by one on every save of the report or its summary, and on every move of its status.</summary>
    public int Version { get; set; }

    public List<ReportNarrative> Narratives { get; set; } = [];

    public Semester Semester => new(Year, Half);
}

/// <summary>A member country's account of the semester, written by its focal point, in Spanish, English or both.</summary>
public class ReportNarrative : IVersioned
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public required string CountryCode { get; set; }
    public Bilingual Text { get; set; } = Bilingual.Empty;
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public int Version { get; set; }
}

/// <summary>Half a calendar year, written 2025-S2.</summary>
public readonly partial record struct Semester(int Year, int Half)
{
    public DateOnly Start => new(Year, Half == 1 ? 1 : 7, 1);

    public DateOnly End => new(Year, Half == 1 ? 6 : 12, Half == 1 ? 30 : 31);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-S{Half}");

    public static bool TryParse(string? text, [NotNullWhen(true)] out Semester? semester)
    {
        semester = null;
        if (text is null || Pattern().Match(text.Trim()) is not { Success: true } m)
        {
            return false;
        }

        semester = new Semester(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value[0] - '0');
        return true;
    }

    [GeneratedRegex("^(20[0-9]{2})-S([12])$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
