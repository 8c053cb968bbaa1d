using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Web.Tests.Features.LabourMarket;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>
/// The disk filling up during an upload and import: SQLite is held to the pages its file has (<c>PRAGMA max_page_count</c>
/// on every connection the app opens), so the import's writes fail as on a full disk (SQLITE_FULL). The answer is 507
/// with problem details that say so, in the reader's language; nothing of the import is kept, the audit trail is intact,
/// and the same upload succeeds once there is room again.
/// </summary>
public sealed class StorageFullTests : IAsyncLifetime
{
    private readonly FullDiskApp app = new();

    public Task InitializeAsync() => ((IAsyncLifetime)app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task UploadAndImport_OnAFullDisk_Answers507_KeepsNothing_ThenSucceedsWithRoom()
    {
        var secretariat = await app.ClientInAsync("es", "secretariat");
        async Task<(int Datasets, int Observations, int Audit)> CountAsync()
        {
            await using var db = app.CreateDb();
            db.ShowsUnpublished = true;
            return (await db.LabourDatasets.IgnoreQueryFilters().CountAsync(), await db.LabourObservations.IgnoreQueryFilters().CountAsync(), await db.AuditEntries.CountAsync());
        }

        MultipartFormDataContent Upload() => new() { { new ByteArrayContent(File.ReadAllBytes(RecordFiles.PathOf(RecordFiles.NegativeLmia))), "file", "negative.csv" } };
        var before = await CountAsync();

        app.Disk.Full = true;
        var refused = await secretariat.PostAsync("/api/labour-market/datasets", Upload());
        app.Disk.Full = false;
        var body = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.InsufficientStorage, $"{(int)refused.StatusCode} {body}");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("El disco del servidor está lleno", body, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
        await using (var db = app.CreateDb())
        {
            Assert.Null((await AuditChain.VerifyAsync(db, null, CancellationToken.None)).FirstBroken);
        }

        Assert.Equal(HttpStatusCode.Created, (await secretariat.PostAsync("/api/labour-market/datasets", Upload())).StatusCode);
        var after = await CountAsync();
        Assert.Equal(before.Datasets + 1, after.Datasets);
        Assert.True(after.Observations > before.Observations);
    }

    private sealed class FullDiskApp() : MovilidadApp(DatabaseProvider.Sqlite)
    {
        public FullDisk Disk { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);

            // Unpooled: the page limit set on a connection while the disk is full would stay on a pooled one after.
            builder.UseSetting("ConnectionStrings:Movilidad", new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Database.ConnectionString) { Pooling = false }.ToString());
            builder.ConfigureTestServices(services => services.ConfigureDbContext<MovilidadDb>(options => options.AddInterceptors(Disk)));
        }
    }

    /// <summary>While <see cref="Full"/>, each connection opened may not grow the database file by a single page.</summary>
    private sealed class FullDisk : DbConnectionInterceptor
    {
        public volatile bool Full;

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (Full)
            {
                await using var command = connection.CreateCommand();

                // The maximum cannot go below the file's current size: this holds it there.
                command.CommandText = "PRAGMA max_page_count = 1";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (Full)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA max_page_count = 1";
                command.ExecuteNonQuery();
            }
        }
    }
}
