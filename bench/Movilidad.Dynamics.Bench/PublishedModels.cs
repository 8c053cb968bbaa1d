namespace Movilidad.Dynamics.Bench;

/// <summary>The published models of <c>bench/models</c> and the suite's SIR sample, timed as whole runs.</summary>
internal static class PublishedModels
{
    public static IReadOnlyList<(string Name, string Path)> All { get; } =
    [
        ("WORLD3-03", Path.Combine(BenchFolder.Models, "wrld3-03.mdl")),
        ("C-LEARN", Path.Combine(BenchFolder.Models, "C-LEARN v77 for Vensim.mdl")),
        ("SIR", Path.Combine(SuiteFolder.Root, "samples", "SIR", "SIR.mdl")),
    ];

    /// <summary>
    /// Processor time per 1,000 steps of whole runs into one reused buffer, after warm-up: every variable saved, or
    /// none (only the times), over at least <paramref name="budget"/> of processor time.
    /// </summary>
    public static (double PerThousandSteps, int Runs, long Steps, int Saved) Time(CompiledModel model, bool saveAll, TimeSpan budget)
    {
        var buffer = saveAll ? model.CreateBuffer() : model.CreateBuffer([]);
        var probe = model.Run();
        var dt = probe.Series("TIME STEP")[0];
        var steps = (long)Math.Round((probe.Times[^1] - probe.Times[0]) / dt);
        for (var warmup = 0; warmup < 5; warmup++)
        {
            model.Run(buffer);
        }

        var start = ThreadClock.Now();
        var runs = 0;
        do
        {
            model.Run(buffer);
            runs++;
        }
        while (ThreadClock.Now() - start < budget || runs < 5);

        return ((ThreadClock.Now() - start).TotalMilliseconds / runs / steps * 1000, runs, steps, buffer.Names.Count);
    }
}

/// <summary>
/// Processor time of the calling thread (CLOCK_THREAD_CPUTIME_ID), as the C driver measures its single thread: the
/// runtime's other threads (JIT, tiering) and the neighbours' load stay out of the figure.
/// </summary>
internal static partial class ThreadClock
{
    public static TimeSpan Now()
    {
        if (!OperatingSystem.IsLinux())
        {
            return System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        }

        _ = ClockGetTime(3, out var time);
        return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    private readonly struct TimeSpec
    {
        public readonly long Seconds;
        public readonly long Nanoseconds;
    }
}

/// <summary>The folder of the published models, found from the working directory or the binaries.</summary>
internal static class BenchFolder
{
    public static string Models { get; } = Find();

    private static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "bench", "models");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("bench/models not found; run from the repository");
    }
}
