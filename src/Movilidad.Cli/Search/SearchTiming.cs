using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Search;

namespace Movilidad.Cli.Search;

/// <summary>
/// <c>movilidad search time</c>: runs queries of two words of the synthetic vocabulary (as <c>bench/load/search.sh</c>
/// asks them, pages 1 to 3) one after the other and prints, per stage of the search (<see cref="SearchEngine.Stages"/>),
/// the CPU time a query spends in this process and, on a PostgreSQL server on this machine, in the server's backend
/// process (read from <c>/proc</c>). CPU time per query means the same on a busy machine as on a quiet one; the wall-clock
/// figures it also prints do not. The counts come from the <see cref="SearchCounts"/> given, as on the web (the facet sets read by the
/// first query, outside the figures, and each query's count kept per data version), or, without it, from the grouped query.
/// </summary>
internal static class SearchTiming
{
    public static async Task<string> RunAsync(MovilidadDb db, SearchCounts? counts, int queries, int seed, bool anonymous, CancellationToken ct)
    {
        var random = new Random(seed);
        var postgres = db.Database.IsNpgsql();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var backend = postgres ? await BackendProcessAsync(db, ct) : null;
            var stages = SearchEngine.Stages.ToDictionary(s => s, _ => new Totals());
            var wall = new List<double>();
            var matches = 0L;
            var timer = new StageTimer(backend, stages);

            // A first query outside the figures: JIT compilation, the database's first reads and the facet sets.
            var first = Stopwatch.StartNew();
            await db.SearchAsync(Request(random, anonymous), counts, ct);
            var firstMs = first.Elapsed.TotalMilliseconds;
            for (var i = 0; i < queries; i++)
            {
                var clock = Stopwatch.StartNew();
                timer.Start();
                var answer = await db.SearchAsync(Request(random, anonymous), counts, ct, timer.Done);
                wall.Add(clock.Elapsed.TotalMilliseconds);
                matches += answer.Total;
            }

            var lines = new List<string>
            {
                $"{(postgres ? "PostgreSQL" : "SQLite")}, {await db.SearchEntries.CountAsync(ct):N0} entries, {queries} queries {(anonymous ? "not signed in" : "signed in")}, {matches / (double)queries:N0} matches a query on average",
                counts is null
                    ? "counts: a grouped query over each match's facet rows (--uncached)"
                    : string.Create(CultureInfo.InvariantCulture, $"counts: facet sets per data version, each query's count kept (the first query, which read the facet sets: {firstMs:0} ms wall clock)"),
                $"{"stage",-10} {"CPU here ms/query",18} {(backend is null ? string.Empty : "CPU in the server ms/query")}",
            };
            lines.AddRange(stages.Select(s => Line(s.Key, s.Value, queries, backend is not null)));
            lines.Add(Line("all", new Totals { Here = stages.Values.Sum(t => t.Here), Server = stages.Values.Sum(t => t.Server) }, queries, backend is not null));
            wall.Sort();
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"wall clock per query: mean {wall.Average():0.0} ms, p95 {wall[(int)(wall.Count * 0.95)]:0.0} ms; load average {File.ReadAllText("/proc/loadavg").Trim()}"));
            return string.Join(Environment.NewLine, lines);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Line(string stage, Totals totals, int queries, bool server) =>
        string.Create(CultureInfo.InvariantCulture, $"{stage,-10} {totals.Here / queries,18:0.00} {(server ? (totals.Server / queries).ToString("0.00", CultureInfo.InvariantCulture) : string.Empty),26}");

    private static SearchRequest Request(Random random, bool anonymous) =>
        new(SyntheticSearchData.Query(random), new Dictionary<string, string>(), random.Next(1, 4), !anonymous, English: false);

    /// <summary>The server process of this connection when it runs on this machine (its <c>/proc</c> entry is readable).</summary>
    private static async Task<int?> BackendProcessAsync(MovilidadDb db, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT pg_backend_pid()";
        var pid = Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        return File.Exists($"/proc/{pid}/stat") ? pid : null;
    }

    private sealed class Totals
    {
        public double Here { get; set; }
        public double Server { get; set; }
    }

    /// <summary>Adds the CPU time since the last stage ended to the stage that just ended.</summary>
    private sealed class StageTimer(int? backend, Dictionary<string, Totals> stages)
    {
        private static readonly double TickMs = 1000.0 / 100; // USER_HZ on Linux
        private double here;
        private double server;

        public void Start() => (here, server) = (Here(), Server());

        public void Done(string stage)
        {
            var (nowHere, nowServer) = (Here(), Server());
            stages[stage].Here += nowHere - here;
            stages[stage].Server += nowServer - server;
            (here, server) = (nowHere, nowServer);
        }

        private static double Here()
        {
            using var process = Process.GetCurrentProcess();
            return process.TotalProcessorTime.TotalMilliseconds;
        }

        /// <summary>utime + stime of the backend, fields 14 and 15 of <c>/proc/PID/stat</c> (after the parenthesised name).</summary>
        private double Server()
        {
            if (backend is not { } pid)
            {
                return 0;
            }

            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * TickMs;
        }
    }
}
