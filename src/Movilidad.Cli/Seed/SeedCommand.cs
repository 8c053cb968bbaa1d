using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Data;

namespace Movilidad.Cli.Seed;

/// <summary><c>movilidad seed --synthetic realistic|stress [--seed N]</c>: a reproducible synthetic plan with its indicator values, for benchmarks.</summary>
public static class SeedCommand
{
    public static Command Create()
    {
        var synthetic = new Option<string>("--synthetic") { Description = "realistic (200 indicators, 2,000 activities, about 140,000 values) or stress (100 times more).", Required = true };
        synthetic.AcceptOnlyFromAmong(SyntheticSize.Realistic.Name, SyntheticSize.Stress.Name);
        var seed = new Option<int>("--seed") { Description = "Seed of the random generator: the same seed gives the same data.", DefaultValueFactory = _ => 1 };
        var command = new Command("seed", "Fills the database with synthetic data.") { synthetic, seed, PlatformDatabase.DatabaseOption, PlatformDatabase.ProviderOption };
        command.SetAction(async (parse, ct) =>
        {
            using var host = PlatformDatabase.Open(parse);
            // The shipped content first: the synthetic plan uses its member countries and working groups.
            await host.Services.PrepareDatabaseAsync(ct);
            await using var scope = host.Services.CreateAsyncScope();
            var db = await scope.ServiceProvider.MigratedAsync(ct);
            var size = parse.GetValue(synthetic) == SyntheticSize.Stress.Name ? SyntheticSize.Stress : SyntheticSize.Realistic;
            var clock = Stopwatch.StartNew();
            var (indicators, values) = await SyntheticData.SeedAsync(db, size, parse.GetValue(seed), message => Console.WriteLine($"{clock.Elapsed:mm\\:ss} {message}"), ct);
            Console.WriteLine($"Synthetic plan sintetico-{size.Name}: {indicators} indicators, {values} values in {clock.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        });
        return command;
    }
}
