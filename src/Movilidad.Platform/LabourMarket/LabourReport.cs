using System.Text.Json;
using Movilidad.Records;

namespace Movilidad.Platform.LabourMarket;

/// <summary>An occupation code of a dataset that does not reach ISCO-08: rows, values per measure and why.</summary>
public sealed record LabourUnmappedCode(string? Classification, string? Code, string? Title, int Rows, IReadOnlyDictionary<string, decimal> Values, string BecauseEs, string BecauseEn);

/// <summary>How many rows had one kind of issue for one reason (<c>skipped</c> / <c>not-a-number</c>).</summary>
public sealed record LabourIssueCount(string Kind, string Reason, int Rows);

/// <summary>A note about the file as a whole, in both languages.</summary>
public sealed record LabourNote(string Es, string En);

/// <summary>
/// The part of a file's <see cref="RecordReport"/> a dataset keeps as JSON: totals per measure with the share mapped to
/// ISCO-08, issues counted by kind and reason, the codes that do not map, the file-level notes.
/// </summary>
public sealed record LabourReport(
    IReadOnlyList<LabourMeasureTotal> Totals,
    IReadOnlyList<LabourIssueCount> Issues,
    int IssuesNotListed,
    IReadOnlyList<LabourUnmappedCode> UnmappedCodes,
    IReadOnlyList<LabourNote> Notes,
    bool HasOccupations,
    double ElapsedSeconds)
{
    public static LabourReport From(RecordReport report) => new(
        [.. report.Totals.Select(t => new LabourMeasureTotal(t.Measure.Code(), t.Total, t.Mapped, t.ShareMapped))],
        [.. report.IssuesByReason.OrderBy(i => i.Key.Kind).ThenBy(i => i.Key.Reason, StringComparer.Ordinal)
            .Select(i => new LabourIssueCount(Kind(i.Key.Kind), i.Key.Reason, i.Value))],
        report.IssuesNotListed,
        [.. report.UnmappedCodes.Select(u => new LabourUnmappedCode(u.Classification?.Code(), u.Code, u.Title, u.Rows,
            u.Values.ToDictionary(v => v.Key.Code(), v => v.Value, StringComparer.Ordinal), u.Because.Es, u.Because.En))],
        [.. report.Notes.Select(n => new LabourNote(n.Es, n.En))],
        report.HasOccupations,
        report.Elapsed.TotalSeconds);

    public static LabourReport Read(string json) =>
        JsonSerializer.Deserialize<LabourReport>(json, LabourImport.Json) ?? throw new InvalidOperationException("A dataset's report is empty.");

    public string ToJson() => JsonSerializer.Serialize(this, LabourImport.Json);

    public static string Kind(RowIssueKind kind) => kind switch
    {
        RowIssueKind.Skipped => "skipped",
        RowIssueKind.NotCounted => "not-counted",
        RowIssueKind.Note => "note",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
