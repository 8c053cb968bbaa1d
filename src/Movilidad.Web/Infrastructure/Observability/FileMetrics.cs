using System.Diagnostics.Metrics;

namespace Movilidad.Web.Infrastructure.Observability;

/// <summary>The platform's own measures of what people take out and bring in: exports by format, imports by outcome and their duration.</summary>
public static class FileMetrics
{
    private static readonly Meter Meter = new(ObservabilitySetup.PlatformSource);
    private static readonly Counter<long> Exports = Meter.CreateCounter<long>("movilidad.exports", "{file}", "Files exported, by format.");
    private static readonly Counter<long> Imports = Meter.CreateCounter<long>("movilidad.imports", "{file}", "Files imported, by kind and outcome.");
    private static readonly Histogram<double> ImportDuration = Meter.CreateHistogram<double>("movilidad.import.duration", "s", "Time to read, check and apply an imported file.");

    public static void Exported(string format) => Exports.Add(1, new KeyValuePair<string, object?>("format", format));

    public static void Imported(string kind, string outcome, TimeSpan elapsed)
    {
        var tags = new[] { new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome) };
        Imports.Add(1, tags);
        ImportDuration.Record(elapsed.TotalSeconds, tags);
    }
}
