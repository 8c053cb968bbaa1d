extern alias cli;

using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Demo;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Reference;
using Movilidad.Platform.Search;
using Movilidad.Web.Tests.Features.Indicators;
using Movilidad.Web.Tests.Infrastructure;
using AuditCommand = cli::Movilidad.Cli.Audit.AuditCommand;
using BackupCommand = cli::Movilidad.Cli.Backup.BackupCommand;
using SeedCommand = cli::Movilidad.Cli.Seed.SeedCommand;
using UsersCommand = cli::Movilidad.Cli.Users.UsersCommand;

namespace Movilidad.Web.Tests.Cli;

/// <summary>The <c>movilidad</c> commands on a database of each provider, as an operator runs them.</summary>
public abstract class CommandLineTests(DatabaseProvider provider)
{
    private static Task<int> RunAsync(params string[] args)
    {
        var root = new RootCommand { UsersCommand.Create(), AuditCommand.Create(), SeedCommand.Create(), BackupCommand.CreateBackup(), BackupCommand.CreateRestore() };
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
    public async Task AuditVerify_NewestEntryDeleted_Fails_AndCheckpointAnchorsATrailWithoutOne()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string[] At(params string[] args) => [.. args, "--database", database.ConnectionString, "--provider", provider.ToString()];
        Assert.Equal(0, await RunAsync(At("users", "add", "--email", "one@example.org", "--role", "observer")));
        Assert.Equal(0, await RunAsync(At("users", "add", "--email", "two@example.org", "--role", "observer")));
        Assert.Equal(0, await RunAsync(At("audit", "verify")));

        await using (var db = database.CreateContext())
        {
            var newest = await db.AuditEntries.MaxAsync(e => e.Id);
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {newest}");
        }

        Assert.Equal(1, await RunAsync(At("audit", "verify")));

        // A trail without its checkpoint (removed, or written before checkpoints) fails until one is written on purpose.
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditCheckpoints\"");
        }

        Assert.Equal(1, await RunAsync(At("audit", "verify")));
        Assert.Equal(0, await RunAsync(At("audit", "checkpoint")));
        Assert.Equal(0, await RunAsync(At("audit", "verify")));
    }

    [Fact]
    public async Task SearchSeed_PracticeWhoseTwoCountriesAreOne_IsSavedOnceWithThatCountry_AndEveryPracticeIndexed()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        await new ReferenceLoader(db).LoadAsync(ShippedData.Folder);
        db.Institutions.Add(new Institution { Code = "seed-gt", Kind = InstitutionKind.MemberState, Name = new("Ministerio", "Ministry"), Acronym = new("MT", "MT"), CountryCode = "GT" });
        await db.SaveChangesAsync();

        // One institution and eleven countries: a practice's second country is the institution's about one time in eleven.
        var indexed = await SyntheticSearchData.SeedPracticesAsync(db, 300, 1, _ => { }, CancellationToken.None);

        var countries = await db.Practices.Select(p => p.Countries.Count).ToListAsync();
        Assert.Equal(300, countries.Count);
        Assert.Contains(1, countries);
        Assert.Contains(2, countries);
        Assert.True(await db.Practices.AllAsync(p => p.Countries.Any(c => c.CountryCode == "GT")));
        Assert.True(indexed >= 300, $"the index holds {indexed} entries");
    }

    [Fact]
    public async Task BackupThenRestore_IntoAnEmptyDatabase_IsVerified_WithKeyRingFilesAndAudit_AndADamagedBackupIsRefused()
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        string[] On(TestDatabase database, params string[] args) => [.. args, "--database", database.ConnectionString, "--provider", provider.ToString()];
        Assert.Equal(0, await RunAsync(On(source, "users", "add", "--email", "backup@example.org", "--role", "observer")));
        var evidence = new byte[300_000];
        new Random(7).NextBytes(evidence);
        await using (var db = source.CreateContext())
        {
            var pledge = new Movilidad.Platform.Pledges.Pledge { Title = new("Compromiso", "Pledge"), CreatedAt = DateTime.UtcNow };
            pledge.Updates.Add(new() { Year = 2025, Quarter = 1, Narrative = "Avance", EvidenceFileName = "acta.pdf", EvidenceContentType = "application/pdf", EvidenceSize = evidence.Length, RecordedAt = DateTime.UtcNow });
            db.Pledges.Add(pledge);
            await db.SaveChangesAsync();
            db.PledgeEvidence.Add(new() { UpdateId = pledge.Updates[0].Id, Content = evidence });
            await db.SaveChangesAsync();
        }

        var folder = Directory.CreateTempSubdirectory("movilidad-backup-test-").FullName;
        try
        {
            var file = Path.Combine(folder, "backup.zip");
            Assert.Equal(0, await RunAsync(On(source, "backup", "--out", file)));

            await using var target = await TestDatabase.CreateAsync(provider);
            Assert.Equal(0, await RunAsync(On(target, "restore", file)));
            await using (var from = source.CreateContext())
            await using (var to = target.CreateContext())
            {
                Assert.Equal(await from.Accounts.Select(a => a.Email).ToListAsync(), await to.Accounts.Select(a => a.Email).ToListAsync());
                Assert.Equal(await from.DataProtectionKeys.Select(k => k.Xml).ToListAsync(), await to.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
                Assert.Equal(await from.AuditEntries.OrderBy(e => e.Id).Select(e => e.Hash).ToListAsync(), await to.AuditEntries.OrderBy(e => e.Id).Select(e => e.Hash).ToListAsync());
                Assert.Equal(evidence, await to.PledgeEvidence.Select(e => e.Content).SingleAsync());
            }

            Assert.Equal(0, await RunAsync(On(target, "audit", "verify")));
            Assert.Equal(1, await RunAsync(On(target, "restore", file)));

            // One byte changed in the database part: the hash in the manifest no longer matches, nothing is restored.
            using (var zip = System.IO.Compression.ZipFile.Open(file, System.IO.Compression.ZipArchiveMode.Update))
            {
                var entry = zip.Entries.Single(e => e.Name.StartsWith("database.", StringComparison.Ordinal));
                byte[] bytes;
                await using (var read = entry.Open())
                using (var copy = new MemoryStream())
                {
                    await read.CopyToAsync(copy);
                    bytes = copy.ToArray();
                }

                bytes[bytes.Length / 2] ^= 0xFF;
                var name = entry.FullName;
                entry.Delete();
                await using var write = zip.CreateEntry(name).Open();
                await write.WriteAsync(bytes);
            }

            await using var damaged = await TestDatabase.CreateAsync(provider);
            Assert.Equal(1, await RunAsync(On(damaged, "restore", file)));
            await using var empty = damaged.CreateContext();
            Assert.Empty(await empty.Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task SeedSynthetic_Realistic_WritesTheSizeAskedForAndTheSameDataForTheSameSeed()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var args = new[] { "seed", "--synthetic", "realistic", "--seed", "3", "--database", database.ConnectionString, "--provider", provider.ToString() };
        Assert.Equal(0, await RunAsync(args));
        async Task<(int Indicators, int Reports, int Values, int Activities, string Data)> CountAsync()
        {
            await using var db = database.CreateContext();
            db.ShowsUnpublished = true;
            var plan = await db.Plans.Where(p => p.Key == "sintetico-realistic").Select(p => p.Id).SingleAsync();
            return (await db.Indicators.CountAsync(i => i.PlanId == plan), await db.IndicatorReports.CountAsync(r => r.Period!.PlanId == plan),
                await db.IndicatorValues.CountAsync(v => v.Report!.Period!.PlanId == plan), await db.Activities.CountAsync(a => a.Action!.PlanId == plan),
                await SyntheticFingerprint.OfAsync(db, "sintetico-realistic"));
        }

        var first = await CountAsync();
        Assert.Equal((200, 11 * 16, 200 * 11 * 16, 2_000), (first.Indicators, first.Reports, first.Values, first.Activities));
        await using (var db = database.CreateContext())
        {
            await IndicatorBuilders.AssertTotalsMatchValuesAsync(db);
        }

        Assert.Equal(0, await RunAsync(args));
        Assert.Equal(first, await CountAsync());
        Assert.Equal(0, await RunAsync("audit", "verify", "--database", database.ConnectionString, "--provider", provider.ToString()));
        await using (var db = database.CreateContext())
        {
            Assert.Empty(await WorkflowChecks.ViolationsAsync(db, Today, CancellationToken.None));
            db.ShowsUnpublished = true;
            var activities = await db.Activities.Where(a => a.Action!.Plan!.Key == "sintetico-realistic").Select(a => new { a.Status, a.StartDate, a.EndDate }).ToListAsync();
            Assert.Contains(activities, a => a.Status == ActivityStatus.Done);
            Assert.Contains(activities, a => a.Status == ActivityStatus.Planned);
            Assert.All(activities.Where(a => a.EndDate >= Today), a => Assert.NotEqual(ActivityStatus.Done, a.Status));
            Assert.True(await db.IndicatorReports.Where(r => r.Period!.Plan!.Key == "sintetico-realistic").AllAsync(r => r.Period!.End < Today));
        }
    }

    [Fact]
    public async Task SeedDemo_OnTheRealPlans_ObeysEveryWorkflowRule_AndRemoveDemoTakesOutOnlyIt()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string[] On(params string[] args) => [.. args, "--database", database.ConnectionString, "--provider", provider.ToString()];

        // Real data first: an activity, a target and a comment that the demonstration must leave alone.
        Assert.Equal(0, await RunAsync(On("users", "add", "--email", "real@example.org", "--role", "secretariat")));

        // With no demonstration loaded, removing it changes nothing (and loads the shipped plans, as every seed does).
        Assert.Equal(0, await RunAsync(On("seed", "--remove-demo")));
        int realActivity, realTarget;
        await using (var db = database.CreateContext())
        {
            db.ShowsUnpublished = true;
            var action = await db.PlanElements.Where(e => e.Plan!.Key == DemoData.RegionalPlan && e.LevelKey == "action").OrderBy(e => e.Id).FirstAsync();
            var activity = new Activity { ActionId = action.Id, Code = "R-1", Title = new("Real", "Real"), Countries = [new() { CountryCode = "GT" }] };
            db.Activities.Add(activity);
            var indicator = await db.Indicators.Where(i => i.Plan!.Key == DemoData.StrategicPlan && i.Source == IndicatorSource.Reported).OrderBy(i => i.Id).FirstAsync();
            var target = new IndicatorTarget { IndicatorId = indicator.Id, CountryCode = "MX", PeriodCode = "2025-S1", Value = 42 };
            db.IndicatorTargets.Add(target);
            await db.SaveChangesAsync();
            db.Comments.Add(new() { EntityType = "activity", EntityId = activity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), AccountId = (await db.Accounts.SingleAsync()).Id, Text = "real", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            (realActivity, realTarget) = (activity.Id, target.Id);
        }

        Assert.Equal(0, await RunAsync(On("seed", "--demo")));
        Assert.Equal(1, await RunAsync(On("seed", "--demo")));
        await using (var db = database.CreateContext())
        {
            Assert.True(await DemoData.IsPresentAsync(db, CancellationToken.None));
            Assert.Empty(await WorkflowChecks.ViolationsAsync(db, Today, CancellationToken.None));
            db.ShowsUnpublished = true;
            var activities = await db.Activities.Include(a => a.ConceptNote).Include(a => a.Countries).Where(a => a.Code.StartsWith(DemoData.ActivityCodePrefix)).ToListAsync();
            Assert.Equal(52, activities.Count);

            // Every state a person meets: activities done, in progress, ahead, postponed and cancelled; notes complete, partial and missing.
            Assert.Equal(Enum.GetValues<ActivityStatus>().ToHashSet(), activities.Select(a => a.Status).ToHashSet());
            Assert.Contains(activities, a => a.ConceptNote is null);
            Assert.Contains(activities, a => a.ConceptNote is { } n && n.MissingFields().Count is > 0 and < 10);
            Assert.All(activities.Where(a => a.Status is ActivityStatus.Done), a => Assert.True(a.EndDate < Today));
            Assert.All(activities.Where(a => a.Status is ActivityStatus.Planned or ActivityStatus.Approved or ActivityStatus.ConceptNoteComplete), a => Assert.True(a.StartDate > Today));
            var reports = await db.IndicatorReports.Where(r => r.Period!.Plan!.Key == DemoData.StrategicPlan).Select(r => new { r.Status, r.Period!.End }).ToListAsync();
            Assert.Equal(Enum.GetValues<ReportStatus>().ToHashSet(), reports.Select(r => r.Status).ToHashSet());
            Assert.All(reports, r => Assert.True(r.End < Today));
            Assert.Equal(42, (await db.IndicatorTargets.SingleAsync(t => t.Id == realTarget)).Value);
            await IndicatorBuilders.AssertTotalsMatchValuesAsync(db);
            Assert.True(await db.PledgeUpdates.AnyAsync());
            Assert.True(await db.Practices.AnyAsync(p => p.Status == Movilidad.Platform.Practices.PracticeStatus.Published));
            Assert.True(await db.Reports.AnyAsync(r => r.Status == Movilidad.Platform.Reports.ReportStatus.Draft));
        }

        Assert.Equal(0, await RunAsync(On("seed", "--remove-demo")));
        await using (var db = database.CreateContext())
        {
            db.ShowsUnpublished = true;
            Assert.False(await DemoData.IsPresentAsync(db, CancellationToken.None));
            Assert.Equal([realActivity], await db.Activities.Select(a => a.Id).ToListAsync());
            Assert.Equal([realTarget], await db.IndicatorTargets.Select(t => t.Id).ToListAsync());
            Assert.Equal(1, await db.Comments.CountAsync());
            Assert.Equal(1, await db.Accounts.CountAsync());
            Assert.False(await db.IndicatorReports.AnyAsync());
            Assert.False(await db.IndicatorPeriodTotals.AnyAsync(t => t.Sum != 0));
            Assert.False(await db.Practices.AnyAsync());
            Assert.False(await db.Reports.AnyAsync());
            Assert.Equal(await db.Pledges.CountAsync(p => p.Key != null), await db.Pledges.CountAsync());
        }

        Assert.Equal(0, await RunAsync(On("audit", "verify")));
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    internal static Task<int> SeedAsync(TestDatabase database, int seed) =>
        RunAsync("seed", "--synthetic", "realistic", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--database", database.ConnectionString, "--provider", database.Provider.ToString());
}

/// <summary>The synthetic data written by the change tracker (SQLite) and by COPY (PostgreSQL) from one seed.</summary>
public sealed class SyntheticDataAcrossProvidersTests
{
    [Fact]
    public async Task SeedSynthetic_SameSeedOnSqliteAndPostgres_WritesTheSameData()
    {
        await using var sqlite = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var postgres = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        Assert.Equal(0, await CommandLineTests.SeedAsync(sqlite, 5));
        Assert.Equal(0, await CommandLineTests.SeedAsync(postgres, 5));
        await using var fromSqlite = sqlite.CreateContext();
        await using var fromPostgres = postgres.CreateContext();
        Assert.Equal(await SyntheticFingerprint.OfAsync(fromSqlite, "sintetico-realistic"), await SyntheticFingerprint.OfAsync(fromPostgres, "sintetico-realistic"));
        await IndicatorBuilders.AssertTotalsMatchValuesAsync(fromPostgres);
    }
}

/// <summary>A pilot's database moved from SQLite to PostgreSQL, and back, through `movilidad backup` and `movilidad restore`.</summary>
public sealed class BackupAcrossProvidersTests
{
    private static Task<int> RunAsync(params string[] args) =>
        new RootCommand { UsersCommand.Create(), AuditCommand.Create(), SeedCommand.Create(), BackupCommand.CreateBackup(), BackupCommand.CreateRestore() }.Parse(args).InvokeAsync();

    private static string[] On(TestDatabase database, params string[] args) => [.. args, "--database", database.ConnectionString, "--provider", database.Provider.ToString()];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Postgres, DatabaseProvider.Sqlite)]
    public async Task Backup_RestoredIntoTheOtherProvider_HasEveryRowTheKeyRingFilesAndAnIntactAuditTrail_AndTakesNewWrites(DatabaseProvider from, DatabaseProvider to)
    {
        await using var source = await TestDatabase.CreateAsync(from);
        Assert.Equal(0, await RunAsync(On(source, "seed", "--demo")));
        Assert.Equal(0, await RunAsync(On(source, "users", "add", "--email", "pilot@example.org", "--role", "secretariat", "--role", "focal-point:GT")));
        var evidence = new byte[200_000];
        new Random(11).NextBytes(evidence);
        await using (var db = source.CreateContext())
        {
            var pledge = new Movilidad.Platform.Pledges.Pledge { Title = new("Compromiso ñandú", "Pledge"), CreatedAt = DateTime.UtcNow };
            pledge.Updates.Add(new() { Year = 2025, Quarter = 2, Narrative = "Avance «parcial»", EvidenceFileName = "acta.pdf", EvidenceContentType = "application/pdf", EvidenceSize = evidence.Length, RecordedAt = DateTime.UtcNow });
            db.Pledges.Add(pledge);
            await db.SaveChangesAsync();
            db.PledgeEvidence.Add(new() { UpdateId = pledge.Updates[0].Id, Content = evidence });
            await db.SaveChangesAsync();
        }

        var folder = Directory.CreateTempSubdirectory("movilidad-backup-across-").FullName;
        try
        {
            var file = Path.Combine(folder, "pilot.zip");
            Assert.Equal(0, await RunAsync(On(source, "backup", "--out", file)));
            await using var target = await TestDatabase.CreateAsync(to);
            using (var host = cli::Movilidad.Cli.PlatformDatabase.Open(target.ConnectionString, to))
            {
                var problems = await BackupCommand.RestoreAsync(host.Services, file, CancellationToken.None);
                Assert.True(problems.Count == 0, string.Join('\n', problems));
            }

            Assert.Equal(0, await RunAsync(On(target, "audit", "verify")));

            await using (var before = source.CreateContext())
            await using (var after = target.CreateContext())
            {
                before.ShowsUnpublished = after.ShowsUnpublished = true;
                Assert.Equal(await TableRowsAsync(before), await TableRowsAsync(after));
                Assert.True(await before.IndicatorValues.AnyAsync() && await before.Activities.AnyAsync(), "the demonstration data fills the tables that matter");
                Assert.Equal(await before.Accounts.OrderBy(a => a.Id).Select(a => a.Email).ToListAsync(), await after.Accounts.OrderBy(a => a.Id).Select(a => a.Email).ToListAsync());
                Assert.Equal(await before.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml).ToListAsync(), await after.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml).ToListAsync());
                Assert.Equal(await before.AuditEntries.OrderBy(e => e.Id).Select(e => e.Hash).ToListAsync(), await after.AuditEntries.OrderBy(e => e.Id).Select(e => e.Hash).ToListAsync());
                Assert.Equal(await before.PledgeEvidence.OrderBy(e => e.UpdateId).Select(e => e.Content).ToListAsync(), await after.PledgeEvidence.OrderBy(e => e.UpdateId).Select(e => e.Content).ToListAsync());
                Assert.Contains(evidence, await after.PledgeEvidence.Select(e => e.Content).ToListAsync());
                Assert.Contains("Avance «parcial»", await after.PledgeUpdates.Select(u => u.Narrative).ToListAsync());
            }

            // The moved database takes new rows (PostgreSQL's identity sequences continue after the restored ids), audited.
            Assert.Equal(0, await RunAsync(On(target, "users", "add", "--email", "second@example.org", "--role", "observer")));
            Assert.Equal(0, await RunAsync(On(target, "audit", "verify")));

            // Its backup, written by the other provider, goes back into the first provider whole.
            var again = Path.Combine(folder, "moved.zip");
            Assert.Equal(0, await RunAsync(On(target, "backup", "--out", again)));
            await using var back = await TestDatabase.CreateAsync(from);
            Assert.Equal(0, await RunAsync(On(back, "restore", again)));
            await using (var moved = back.CreateContext())
            {
                Assert.Contains("second@example.org", await moved.Accounts.Select(a => a.Email).ToListAsync());
            }

            // A damaged portable copy is refused before anything is written.
            using (var zip = System.IO.Compression.ZipFile.Open(file, System.IO.Compression.ZipArchiveMode.Update))
            {
                var entry = zip.GetEntry("data.jsonl")!;
                string text;
                using (var read = new StreamReader(entry.Open()))
                {
                    text = await read.ReadToEndAsync();
                }

                entry.Delete();
                await using var write = new StreamWriter(zip.CreateEntry("data.jsonl").Open());
                await write.WriteAsync(text.Replace("pilot@example.org", "pirat@example.org", StringComparison.Ordinal));
            }

            await using var damaged = await TestDatabase.CreateAsync(to);
            Assert.Equal(1, await RunAsync(On(damaged, "restore", file)));
            await using var empty = damaged.CreateContext();
            Assert.Empty(await empty.Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Dictionary<string, long>> TableRowsAsync(MovilidadDb db)
    {
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table.Name}\"";
            rows[table.Name] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        await connection.CloseAsync();
        return rows;
    }
}

/// <summary>A digest of a synthetic plan's content without its database ids: activities and their countries, indicators and targets, values.</summary>
internal static class SyntheticFingerprint
{
    public static async Task<string> OfAsync(MovilidadDb db, string planKey)
    {
        db.ShowsUnpublished = true;
        var activities = await db.Activities.Where(a => a.Action!.Plan!.Key == planKey)
            .Select(a => new { a.Code, Action = a.Action!.Code, a.StartDate, a.EndDate, a.Status, Group = a.WorkingGroup!.Acronym.Es, Countries = a.Countries.OrderBy(c => c.CountryCode).Select(c => c.CountryCode + c.Status).ToList() })
            .ToListAsync();
        var targets = await db.IndicatorTargets.Where(t => db.Indicators.Any(i => i.Id == t.IndicatorId && i.Plan!.Key == planKey))
            .Select(t => new { Indicator = db.Indicators.Single(i => i.Id == t.IndicatorId).Key, t.CountryCode, t.PeriodCode, t.Value }).ToListAsync();
        var values = await db.IndicatorValues.Where(v => v.Report!.Period!.Plan!.Key == planKey)
            .Select(v => new { Indicator = db.Indicators.Single(i => i.Id == v.IndicatorId).Key, v.Report!.CountryCode, v.Report.Period!.Code, v.Total, v.Women, v.Men, v.Other, v.NotReported })
            .ToListAsync();
        var lines = activities.Select(a => $"{a.Code} {a.Action} {a.StartDate} {a.EndDate} {a.Status} {a.Group} {string.Join(',', a.Countries)}")
            .Concat(targets.Select(t => $"{t.Indicator} {t.CountryCode} {t.PeriodCode} {t.Value:0.##}"))
            .Concat(values.Select(v => $"{v.Indicator} {v.CountryCode} {v.Code} {v.Total:0.##} {v.Women:0.##} {v.Men:0.##} {v.Other:0.##} {v.NotReported:0.##}"))
            .Order(StringComparer.Ordinal);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines))));
    }
}

public sealed class CommandLineTestsOnSqlite() : CommandLineTests(DatabaseProvider.Sqlite);

public sealed class CommandLineTestsOnPostgres() : CommandLineTests(DatabaseProvider.Postgres);
