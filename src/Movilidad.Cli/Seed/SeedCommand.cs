using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Platform.Demo;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Knowledge;
using Movilidad.Platform.Data;

namespace Movilidad.Cli.Seed;

/// <summary>
/// <c>movilidad seed --demo</c> and <c>--remove-demo</c>: the demonstration data set on the real plans, and its removal;
/// <c>movilidad seed --synthetic realistic|stress [--seed N]</c>: a reproducible synthetic plan with its indicator values, for benchmarks;
/// <c>movilidad seed --synthetic repository [--count N] [--seed N]</c>: N published repository items with bilingual text, for the search benchmark.
/// </summary>
public static class SeedCommand
{
    private const string Repository = "repository";

    public static Command Create()
    {
        var demo = new Option<bool>("--demo") { Description = "Loads demonstration data on the real plans (activities, indicator values, pledges, practices, a report), dated relative to today." };
        var removeDemo = new Option<bool>("--remove-demo") { Description = "Removes the demonstration data and nothing else." };
        var synthetic = new Option<string>("--synthetic") { Description = "realistic (200 indicators, 2,000 activities, about 140,000 values) or stress (100 times more); repository: --count published repository items with bilingual text, for the search benchmark." };
        synthetic.AcceptOnlyFromAmong(SyntheticSize.Realistic.Name, SyntheticSize.Stress.Name, Repository);
        var count = new Option<int>("--count") { Description = "With --synthetic repository: how many repository items to write.", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random generator: the same seed gives the same data.", DefaultValueFactory = _ => 1 };
        var command = new Command("seed", "Fills the database with demonstration or synthetic data.") { demo, removeDemo, synthetic, count, seed, PlatformDatabase.DatabaseOption, PlatformDatabase.ProviderOption };
        command.Validators.Add(result =>
        {
            var chosen = new[] { result.GetValue(demo), result.GetValue(removeDemo), result.GetValue(synthetic) is not null }.Count(c => c);
            if (chosen != 1)
            {
                result.AddError("Choose one of --demo, --remove-demo or --synthetic realistic|stress.");
            }
        });
        command.SetAction(async (parse, ct) =>
        {
            using var host = PlatformDatabase.Open(parse);

            // The shipped content first: demonstration and synthetic data use its plans, member countries and working groups.
            await host.Services.PrepareDatabaseAsync(ct);
            await using var scope = host.Services.CreateAsyncScope();
            var db = await scope.ServiceProvider.MigratedAsync(ct);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var clock = Stopwatch.StartNew();
            if (parse.GetValue(removeDemo))
            {
                Console.WriteLine($"Removed the demonstration data: {await DemoData.RemoveAsync(db, ct)}.");
                return 0;
            }

            if (parse.GetValue(demo))
            {
                if (await DemoData.IsPresentAsync(db, ct))
                {
                    await Console.Error.WriteLineAsync("Demonstration data is already loaded; remove it first with seed --remove-demo.");
                    return 1;
                }

                Console.WriteLine($"Demonstration data loaded, dated relative to {today:yyyy-MM-dd}: {await DemoData.SeedAsync(db, today, ct)}.");
                Console.WriteLine("Every page shows a banner while it is present; remove it with: movilidad seed --remove-demo");
                return 0;
            }

            void Progress(string message) => Console.WriteLine($"{clock.Elapsed:mm\\:ss} {message}");
            if (parse.GetValue(synthetic) == Repository)
            {
                var items = await RepositorySynthetic.SeedAsync(db, parse.GetValue(count), parse.GetValue(seed), DateTime.UtcNow, Progress, ct);
                Console.WriteLine($"Synthetic repository: {items} published items with their extracted text in {clock.Elapsed.TotalSeconds:0.0} s.");
                return 0;
            }

            var size = parse.GetValue(synthetic) == SyntheticSize.Stress.Name ? SyntheticSize.Stress : SyntheticSize.Realistic;
            var (indicators, values) = await SyntheticData.SeedAsync(db, size, parse.GetValue(seed), today, Progress, ct);
            Console.WriteLine($"Synthetic plan sintetico-{size.Name}: {indicators} indicators, {values} values in {clock.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        });
        return command;
    }
}
