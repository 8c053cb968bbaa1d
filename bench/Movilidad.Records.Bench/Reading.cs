using System.Diagnostics;

namespace Movilidad.Records.Bench;

internal static class Reading
{
    /// <summary>Reads a file to its end, keeping no row, and returns its report, the time and the highest managed heap seen (sampled every 1,000 rows).</summary>
    public static (RecordReport Report, TimeSpan Elapsed, double PeakMegabytes) Read(string path)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long peak = GC.GetTotalMemory(false);
        var clock = Stopwatch.StartNew();
        using var read = RecordFile.Open(path, new RecordReaderOptions
        {
            Progress = new SynchronousProgress(() => peak = Math.Max(peak, GC.GetTotalMemory(false))),
        });
        var observations = 0L;
        foreach (var row in read.Rows)
        {
            observations += row.Observations.Count;
        }
        peak = Math.Max(peak, GC.GetTotalMemory(false));
        return (read.Report, clock.Elapsed, peak / 1048576.0);
    }

    private sealed class SynchronousProgress(Action sample) : IProgress<RecordProgress>
    {
        public void Report(RecordProgress value) => sample();
    }
}

internal static class Repository
{
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Movilidad.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }
}
