extern alias cli;

using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Infrastructure.Audit;
using Movilidad.Web.Infrastructure.Data;
using Movilidad.Web.Tests.Infrastructure;
using AuditCommand = cli::Movilidad.Cli.Audit.AuditCommand;
using UsersCommand = cli::Movilidad.Cli.Users.UsersCommand;

namespace Movilidad.Web.Tests.Cli;

/// <summary>The <c>movilidad</c> commands on a database of each provider, as an operator runs them.</summary>
public abstract class CommandLineTests(DatabaseProvider provider)
{
    private static Task<int> RunAsync(params string[] args)
    {
        var root = new RootCommand { UsersCommand.Create(), AuditCommand.Create() };
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
}

public sealed class CommandLineTestsOnSqlite() : CommandLineTests(DatabaseProvider.Sqlite);

public sealed class CommandLineTestsOnPostgres() : CommandLineTests(DatabaseProvider.Postgres);
