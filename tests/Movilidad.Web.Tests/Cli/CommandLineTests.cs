extern alias cli;

using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Infrastructure.Audit;
using Movilidad.Web.Infrastructure.Data;
using Movilidad.Web.Tests.Infrastructure;
using AuditCommand = cli::Movilidad.Cli.Audit.AuditCommand;
using SeedCommand = cli::Movilidad.Cli.Seed.SeedCommand;
using UsersCommand = cli::Movilidad.Cli.Users.UsersCommand;

namespace Movilidad.Web.Tests.Cli;

/// <summary>The <c>movilidad</c> commands on a database of each provider, as an operator runs them.</summary>
public abstract class CommandLineTests(DatabaseProvider provider)
{
    private static Task<int> RunAsync(params string[] args)
    {
        var root = new RootCommand { UsersCommand.Create(), AuditCommand.Create(), SeedCommand.Create() };
        return root.Parse(args).InvokeAsync();
    }

    [Fact]
    public async Task UsersAddThenAuditVerify_FirstAccountIsAudited_AndAnEditedRowMakesVerifyFail()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var target = database.ConnectionString;
        var providerName = provider.ToString();
        Assert.Equal(0, await RunAsync("users", "add", "--email", "first@example.org", "--role", "secretariat", "--role", "focal-point:GT", "--database", target, "--provider", providerName));
        Assert.Equal(2, await RunAsync("users", "add", "--email", "second@example.org", "--role", "focal-point:FR", "--database", target, "--provider", providerName));
        Assert.Equal(1, await RunAsync("users", "add", "--email", "FIRST@example.org", "--role", "observer", "--database", target, "--provider", providerName));
        Assert.Equal(0, await RunAsync("audit", "verify", "--database", target, "--provider", providerName));

        await using var db = database.CreateContext();
        var account = await db.Accounts.Include(a => a.Grants).SingleAsync();
        Assert.Equal("first@example.org", account.Email);
        Assert.Null(account.PasswordHash);
        Assert.Equal(2, account.Grants.Count);
        var entry = await db.AuditEntries.SingleAsync();
        Assert.Equal(("create", "cli"), (entry.Action, entry.Via));

        await db.SaveAuditedAsync(AuditActor.CommandLine(), () => new AuditRecord("update", "thing", "1", null, new { Value = 1 }), TimeProvider.System);
        await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Actor\" = 'someone else' WHERE \"Id\" = {entry.Id}");
        Assert.Equal(1, await RunAsync("audit", "verify", "--database", target, "--provider", providerName));
    }

    [Fact]
    public async Task SeedSynthetic_Realistic_WritesTheSizeAskedForAndTheSameDataForTheSameSeed()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var args = new[] { "seed", "--synthetic", "realistic", "--seed", "3", "--database", database.ConnectionString, "--provider", provider.ToString() };
        Assert.Equal(0, await RunAsync(args));
        async Task<(int Indicators, int Reports, int Values, int Activities, decimal Total)> CountAsync()
        {
            await using var db = database.CreateContext();
            db.ShowsUnpublished = true;
            var plan = await db.Plans.Where(p => p.Key == "sintetico-realistic").Select(p => p.Id).SingleAsync();
            var totals = await db.IndicatorValues.Where(v => v.Report!.Period!.PlanId == plan).Select(v => v.Total!.Value).ToListAsync();
            return (await db.Indicators.CountAsync(i => i.PlanId == plan), await db.IndicatorReports.CountAsync(r => r.Period!.PlanId == plan),
                totals.Count, await db.Activities.CountAsync(a => a.Action!.PlanId == plan), totals.Sum());
        }

        var first = await CountAsync();
        Assert.Equal((200, 11 * 16, 200 * 11 * 16, 2_000), (first.Indicators, first.Reports, first.Values, first.Activities));
        Assert.Equal(0, await RunAsync(args));
        Assert.Equal(first, await CountAsync());
        Assert.Equal(0, await RunAsync("audit", "verify", "--database", database.ConnectionString, "--provider", provider.ToString()));
    }
}

public sealed class CommandLineTestsOnSqlite() : CommandLineTests(DatabaseProvider.Sqlite);

public sealed class CommandLineTestsOnPostgres() : CommandLineTests(DatabaseProvider.Postgres);
