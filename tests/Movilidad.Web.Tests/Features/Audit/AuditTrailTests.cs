using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Movilidad.Platform.Audit;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Audit;

public abstract class AuditTrailTests(MovilidadApp app)
{
    [Fact]
    public async Task Writes_EachGivesOneEntryWhoseBeforeIsThePreviousAfter_AndTheChainVerifies()
    {
        var person = await app.AddPersonAsync($"auditor-{Guid.NewGuid():N}@example.org", false, "presidency");
        var client = await app.TokenClientAsync(person);
        await using var db = app.CreateDb();
        var id = await db.PlanElements.Where(e => !e.Children.Any()).OrderBy(e => e.Id).Skip(7).Select(e => e.Id).FirstAsync();
        var version = (await client.GetFromJsonAsync<JsonElement>($"/api/elements/{id}")).GetProperty("version").GetInt32();
        foreach (var title in new[] { "uno", "dos", "tres" })
        {
            var response = await client.PutAsJsonAsync($"/api/elements/{id}", new { version = version++, title = new { es = title, en = title }, text = new { es = "", en = "" }, timeframeLabel = new { es = "", en = "" }, footnotes = Array.Empty<object>() });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/elements/{id}?version={version++}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/elements/{id}/restore?version={version}", null)).StatusCode);

        await using var read = app.CreateDb();
        var entries = await read.AuditEntries.AsNoTracking().Where(e => e.EntityType == "plan-element" && e.EntityId == id.ToString(CultureInfo.InvariantCulture)).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["update", "update", "update", "delete", "restore"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(person.Id, e.AccountId));
        Assert.Equal(["uno", "dos", "tres", "tres", "tres"], entries.Select(e => JsonDocument.Parse(e.After!).RootElement.GetProperty("title").GetProperty("es").GetString()));
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.Equal(entries[i - 1].After, entries[i].Before);
        }

        Assert.True(JsonDocument.Parse(entries[3].After!).RootElement.GetProperty("deleted").GetBoolean());
        Assert.False(JsonDocument.Parse(entries[4].After!).RootElement.GetProperty("deleted").GetBoolean());
        var check = await AuditChain.VerifyAsync(read);
        Assert.Null(check.FirstBroken);
        Assert.Equal(await read.AuditEntries.CountAsync(), check.Entries);
    }

    [Fact]
    public async Task Verify_RowEditedOrRemovedInTheDatabase_NamesTheFirstBrokenEntry()
    {
        await using var database = await TestDatabase.CreateAsync(app.Provider);
        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
            for (var i = 1; i <= 5; i++)
            {
                var n = i;
                await db.SaveAuditedAsync(AuditActor.CommandLine(), () => new AuditRecord("update", "thing", n.ToString(CultureInfo.InvariantCulture), new { Value = n - 1 }, new { Value = n }), TimeProvider.System);
            }

            Assert.Equal(new ChainCheck(5, null, null), await AuditChain.VerifyAsync(db));
        }

        await using (var db = database.CreateContext())
        {
            var third = await db.AuditEntries.OrderBy(e => e.Id).Skip(2).Select(e => e.Id).FirstAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"After\" = '{{\"value\":300}}' WHERE \"Id\" = {third}");
            var check = await AuditChain.VerifyAsync(db);
            Assert.Equal(third, check.FirstBroken);
            Assert.Contains("edited", check.Reason, StringComparison.Ordinal);
        }

        await using var fresh = await TestDatabase.CreateAsync(app.Provider);
        await using (var db = fresh.CreateContext())
        {
            await db.Database.MigrateAsync();
            for (var i = 1; i <= 3; i++)
            {
                await db.SaveAuditedAsync(AuditActor.CommandLine(), () => new AuditRecord("update", "thing", "1", null, null), TimeProvider.System);
            }

            var ids = await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {ids[1]}");
            var check = await AuditChain.VerifyAsync(db);
            Assert.Equal(ids[2], check.FirstBroken);
            Assert.Contains("removed", check.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Checkpoint_NewestEntryRemoved_VerifyReportsTruncation_AndACheckpointMovedBackFailsItsSignature()
    {
        var folder = Directory.CreateTempSubdirectory("movilidad-checkpoint-").FullName;
        try
        {
            var file = Path.Combine(folder, "checkpoints.jsonl");
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AuditSeal.FileSetting] = file }).Build();
            var seal = new AuditSeal(new EphemeralDataProtectionProvider(), configuration);
            await using var database = await TestDatabase.CreateAsync(app.Provider);
            await using (var db = database.CreateContext(seal))
            {
                await db.Database.MigrateAsync();
                for (var i = 1; i <= 4; i++)
                {
                    var n = i;
                    await db.SaveAuditedAsync(AuditActor.CommandLine(), () => new AuditRecord("update", "thing", n.ToString(CultureInfo.InvariantCulture), null, new { Value = n }), TimeProvider.System);
                }

                // An import writes several entries in one transaction: one checkpoint for all of them.
                await db.SaveAuditedManyAsync(AuditActor.CommandLine(), () => [new AuditRecord("create", "thing", "5", null, null), new AuditRecord("create", "thing", "6", null, null)], TimeProvider.System);
            }

            await using (var db = database.CreateContext(seal))
            {
                var state = await CheckpointState.ReadAsync(db, seal, CancellationToken.None);
                var newest = await db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync();
                Assert.True(state.Signed);
                Assert.Equal((6L, newest.Id, newest.Hash), (state.Checkpoint!.Entries, state.Checkpoint.LastEntryId, state.Checkpoint.Hash));
                Assert.Equal(new ChainCheck(6, null, null), await AuditChain.VerifyAsync(db, state.Checkpoint));
                var (fromFile, problem) = AuditSeal.ReadFile(file, seal);
                Assert.Null(problem);
                Assert.Equal((6L, newest.Id), (fromFile!.Entries, fromFile.LastEntryId));
                Assert.Equal(5, File.ReadAllLines(file).Length);

                // Without the checkpoint the shorter chain is intact; with it, the removal is reported.
                await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {newest.Id}");
                Assert.Null((await AuditChain.VerifyAsync(db)).FirstBroken);
                var check = await AuditChain.VerifyAsync(db, state.Checkpoint);
                Assert.Equal(newest.Id, check.FirstBroken);
                Assert.Contains("truncated", check.Reason, StringComparison.Ordinal);
                Assert.Contains("records 6 entries", check.Reason, StringComparison.Ordinal);
                Assert.Contains("truncated", (await AuditChain.VerifyAsync(db, fromFile)).Reason, StringComparison.Ordinal);

                // Moving the checkpoint back to the shorter chain by hand breaks its signature.
                var previous = await db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync();
                await db.Database.ExecuteSqlAsync($"UPDATE \"AuditCheckpoints\" SET \"Entries\" = 5, \"LastEntryId\" = {previous.Id}, \"Hash\" = {previous.Hash}");
                Assert.False((await CheckpointState.ReadAsync(db, seal, CancellationToken.None)).Signed);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task RoleChangeAndClose_AreAuditedWithBeforeAndAfter_AndAClosedAccountCannotSignIn()
    {
        var secretariat = await app.SignInAsync(await app.AddPersonAsync($"sec-{Guid.NewGuid():N}@example.org", true, "secretariat"));
        var target = await app.AddPersonAsync($"target-{Guid.NewGuid():N}@example.org", false, "observer");
        var page = $"/accounts/users/{target.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostFormAsync(page, page + "?handler=Grant", new() { ["Role"] = "focal-point", ["Country"] = "NI" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostFormAsync(page, page + "?handler=Close", [])).StatusCode);

        var refused = app.Browser();
        var attempt = await refused.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Email"] = target.Email, ["Password"] = target.Password });
        Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostFormAsync(page, page + "?handler=Reopen", [])).StatusCode);
        await app.SignInAsync(target);

        await using var db = app.CreateDb();
        Assert.NotNull(await db.Accounts.SingleAsync(a => a.Id == target.Id));
        var entries = await db.AuditEntries.Where(e => e.EntityType == "account" && e.EntityId == target.Id.ToString(CultureInfo.InvariantCulture) && e.Action != "sign-in" && e.Action != "sign-in-failed")
            .OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["create", "role-change", "delete", "restore"], entries.Select(e => e.Action));
        Assert.DoesNotContain("FocalPoint:NI", entries[1].Before, StringComparison.Ordinal);
        Assert.Contains("FocalPoint:NI", entries[1].After, StringComparison.Ordinal);
        Assert.Contains("\"deleted\":true", entries[2].After, StringComparison.Ordinal);
        Assert.Contains("\"deleted\":false", entries[3].After, StringComparison.Ordinal);
    }
}

public sealed class AuditTrailTestsOnSqlite(SqliteApp app) : AuditTrailTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTrailTestsOnPostgres(PostgresApp app) : AuditTrailTests(app), IClassFixture<PostgresApp>;
