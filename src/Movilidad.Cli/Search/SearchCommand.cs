using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Platform.Search;

namespace Movilidad.Cli.Search;

/// <summary>
/// <c>movilidad search reindex</c>: rebuilds the search index from every searchable entity, in one transaction.
/// <c>movilidad search seed --practices N</c>: adds N synthetic published good practices (for a benchmark database).
/// <c>movilidad search time [--queries N] [--anonymous] [--uncached]</c>: the CPU time of a query, per stage (<see cref="SearchTiming"/>).
/// </summary>
public static class SearchCommand
{
    private static readonly Option<int> PracticesOption = new("--practices")
    {
        Description = "How many synthetic published good practices to add, with bilingual text (1 to 1,000,000).",
        Required = true,
    };

    private static readonly Option<int> QueriesOption = new("--queries") { Description = "How many queries to time (1 to 100,000).", DefaultValueFactory = _ => 200 };

    private static readonly Option<bool> AnonymousOption = new("--anonymous") { Description = "Search as a reader who is not signed in (public entries only)." };

    private static readonly Option<bool> UncachedOption = new("--uncached") { Description = "Count every query with a grouped query over its facet rows, as without the web's count cache." };

    private static readonly Option<int> SeedOption = new("--seed") { Description = "Seed of the generator (the same seed gives the same text).", DefaultValueFactory = _ => 1 };

    public static Command Create()
    {
        var search = new Command("search", "The platform-wide search index.");
        var reindex = new Command("reindex", "Rebuilds the search index from the plans, activities, indicators, pledges, practices, programmes, agreements and every other searchable entity.")
        {
            PlatformDatabase.DatabaseOption, PlatformDatabase.ProviderOption,
        };
        reindex.SetAction(async (parse, ct) =>
        {
            using var host = PlatformDatabase.Open(parse);
            await using var scope = host.Services.CreateAsyncScope();
            var db = await scope.ServiceProvider.MigratedAsync(ct);
            var written = await SearchIndexer.ReindexAsync(db, ct: ct);
            Console.WriteLine($"The search index holds {written:N0} entries.");
            return 0;
        });
        search.Add(reindex);

        var seed = new Command("seed", "Adds synthetic published good practices with bilingual text, indexed as they are saved: for a benchmark database, not a real one.")
        {
            PlatformDatabase.DatabaseOption, PlatformDatabase.ProviderOption, PracticesOption, SeedOption,
        };
        seed.SetAction(async (parse, ct) =>
        {
            var count = parse.GetValue(PracticesOption);
            if (count is < 1 or > 1_000_000)
            {
                await Console.Error.WriteLineAsync("--practices must be between 1 and 1,000,000.");
                return 2;
            }

            using var host = PlatformDatabase.Open(parse);
            await using var scope = host.Services.CreateAsyncScope();
            var db = await scope.ServiceProvider.MigratedAsync(ct);
            var entries = await SyntheticSearchData.SeedPracticesAsync(db, count, parse.GetValue(SeedOption), done => Console.Error.WriteLine($"{done:N0} of {count:N0} practices"), ct);
            Console.WriteLine($"Added {count:N0} practices; the search index holds {entries:N0} entries.");
            return 0;
        });
        search.Add(seed);

        var time = new Command("time", "Times queries of the synthetic vocabulary one after the other: CPU time per query and stage, here and in a PostgreSQL server on this machine.")
        {
            PlatformDatabase.DatabaseOption, PlatformDatabase.ProviderOption, QueriesOption, AnonymousOption, UncachedOption, SeedOption,
        };
        time.SetAction(async (parse, ct) =>
        {
            var queries = parse.GetValue(QueriesOption);
            if (queries is < 1 or > 100_000)
            {
                await Console.Error.WriteLineAsync("--queries must be between 1 and 100,000.");
                return 2;
            }

            using var host = PlatformDatabase.Open(parse);
            await using var scope = host.Services.CreateAsyncScope();
            var db = await scope.ServiceProvider.MigratedAsync(ct);
            var counts = parse.GetValue(UncachedOption) ? null : scope.ServiceProvider.GetRequiredService<SearchCounts>();
            Console.WriteLine(await SearchTiming.RunAsync(db, counts, queries, parse.GetValue(SeedOption), parse.GetValue(AnonymousOption), ct));
            return 0;
        });
        search.Add(time);
        return search;
    }
}
