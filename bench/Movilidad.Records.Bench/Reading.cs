using System.Diagnostics;

namespace Movilidad.Records.Bench;

internal static class Reading
{
    /// <summary>
    /// Reads a file to its end, keeping no row, and returns its report, the time, the highest managed heap seen
    /// (sampled every 1,000 rows, garbage included) and the highest live heap (after a full collection every 10,000
    /// rows: what reading really holds).
    /// </summary>
    public static (RecordReport Report, TimeSpan Elapsed, double PeakMegabytes, double LiveMegabytes) Read(string path, bool live = false)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long peak = GC.GetTotalMemory(false);
        long held = peak;
        var samples = 0;
        var clock = Stopwatch.StartNew();
        using var read = RecordFile.Open(path, new RecordReaderOptions
        {
            Progress = new SynchronousProgress(() =>
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                if (live && ++samples % 10 == 0)
                {
                    held = Math.Max(held, GC.GetTotalMemory(true));
                }
            }),
        });
        var observations = 0L;
        foreach (var row in read.Rows)
        {
            observations += row.Observations.Count;
        }
        var elapsed = clock.Elapsed;
        peak = Math.Max(peak, GC.GetTotalMemory(false));
        return (read.Report, elapsed, peak / 1048576.0, held / 1048576.0);
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
