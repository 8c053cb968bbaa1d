using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Movilidad.Platform.Data;
using Movilidad.Platform.Reports;

namespace Movilidad.Web.Features.Reports;

/// <summary>What a section collects its data for: the report, its plan and its semester.</summary>
public sealed record ReportScope(int ReportId, int PlanId, Semester Semester);

/// <summary>
/// One section of the semi-annual report. A section collects its data (frozen as JSON when the report is approved)
/// and renders it as neutral blocks in a language. New sections (indicators, pledges, good practices) are new
/// classes registered in <see cref="ReportsSetup.AddReports"/>; their <see cref="Order"/> places them.
/// </summary>
public interface IReportSection
{
    /// <summary>The key of the section's data in a frozen report; never renamed once reports are approved with it.</summary>
    string Key { get; }

    /// <summary>Where the section goes: 100 summary, 200 activities, 300 indicators, 400 pledges, 500 good practices, 900 country narratives.</summary>
    int Order { get; }

    Task<JsonElement> CollectAsync(MovilidadDb db, ReportScope scope, CancellationToken ct);

    IEnumerable<Block> Render(JsonElement data, ReportText text);
}

/// <summary>A section with typed data: collected from the database, serialised to freeze it, read back to render it.</summary>
public abstract class ReportSection<TData> : IReportSection
    where TData : class
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public abstract string Key { get; }

    public abstract int Order { get; }

    protected abstract Task<TData> CollectDataAsync(MovilidadDb db, ReportScope scope, CancellationToken ct);

    protected abstract IEnumerable<Block> Render(TData data, ReportText text);

    public async Task<JsonElement> CollectAsync(MovilidadDb db, ReportScope scope, CancellationToken ct) =>
        JsonSerializer.SerializeToElement(await CollectDataAsync(db, scope, ct), Json);

    public IEnumerable<Block> Render(JsonElement data, ReportText text) =>
        Render(data.Deserialize<TData>(Json) ?? throw new InvalidOperationException($"The data of the report section {Key} is empty."), text);

    /// <summary>A text split into paragraphs at blank lines.</summary>
    protected static IEnumerable<Paragraph> Paragraphs(string text, string? language) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => new Paragraph(p, language));

    /// <summary>The objectives of the Global Compact that a section's rows name by number, written out in a note; none when no row names one.</summary>
    protected static Paragraph? GcmLegend(IEnumerable<int> objectives, ReportText text)
    {
        var used = objectives.Distinct().Order().ToList();
        return used.Count == 0
            ? null
            : new Paragraph(text["Report.GcmLegend"] + " " + string.Join("; ", used.Select(o => text.Number(o) + ". " + text["Gcm." + o.ToString(CultureInfo.InvariantCulture)])) + ".", IsNote: true);
    }
}
