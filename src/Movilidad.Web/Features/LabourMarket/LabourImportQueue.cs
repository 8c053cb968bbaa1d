using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.LabourMarket;
using Movilidad.Platform.Writes;
using Movilidad.Records;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>
/// Where uploaded files wait between their inspection and their import: a folder <c>imports</c> in the database's data
/// folder (<c>Database:DataDirectory</c>), each file under a random name, deleted once imported or refused.
/// </summary>
public sealed class LabourImportStaging(IOptions<DatabaseOptions> options, IHostEnvironment environment)
{
    public string Folder { get; } = Path.Combine(
        Path.IsPathRooted(options.Value.DataDirectory) ? options.Value.DataDirectory : Path.Combine(environment.ContentRootPath, options.Value.DataDirectory), "imports");

    /// <summary>Copies an upload into the folder; answers its staged name and the open copy (positioned at the start).</summary>
    public async Task<(string Name, FileStream File)> StageAsync(Stream upload, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var name = Guid.NewGuid().ToString("N") + ".upload";
        var file = new FileStream(Path.Combine(Folder, name), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 81920, FileOptions.Asynchronous);
        await upload.CopyToAsync(file, ct);
        file.Position = 0;
        return (name, file);
    }

    /// <summary>The staged file, or null when it is gone.</summary>
    public FileStream? Open(string name)
    {
        var path = Path.Combine(Folder, Path.GetFileName(name));
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536) : null;
    }

    public void Delete(string name) => File.Delete(Path.Combine(Folder, Path.GetFileName(name)));
}

/// <summary>
/// The background queue of imports started from the import page: one at a time, each in its own transaction (whole or
/// nothing, audited as the person who confirmed it). The rows read and the share done are written to the job's row once
/// a second, so a page reloaded reads where the import is; imports queued or running when the server stopped start again
/// from the beginning at the next start (a transaction cut short left nothing).
/// </summary>
public sealed class LabourImportQueue(IServiceScopeFactory scopes, LabourImportStaging staging, IOutputCacheStore cache, TimeProvider clock, ILogger<LabourImportQueue> log)
    : BackgroundService
{
    private readonly Channel<int> jobs = Channel.CreateUnbounded<int>();

    public void Enqueue(int jobId) => jobs.Writer.TryWrite(jobId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MovilidadDb>();
                foreach (var id in await db.LabourImportJobs.Where(j => j.Status == "queued" || j.Status == "running").OrderBy(j => j.Id).Select(j => j.Id).ToListAsync(stoppingToken))
                {
                    Enqueue(id);
                }
            }

            await foreach (var id in jobs.Reader.ReadAllAsync(stoppingToken))
            {
                await RunAsync(id, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping: an import cut short stays "running" and starts again at the next start.
        }
    }

    private async Task RunAsync(int id, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovilidadDb>();
        if (await db.LabourImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, stoppingToken) is not { Status: "queued" or "running" } job)
        {
            return;
        }

        // Messages in the language of the person who started the import (the culture flows with this call only).
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(job.Language);
        var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer>();
        await db.LabourImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, "running").SetProperty(j => j.RowsRead, 0).SetProperty(j => j.Fraction, 0.0), stoppingToken);
        var started = clock.GetTimestamp();
        await using var file = staging.Open(job.StagedFile);
        if (file is null)
        {
            await FinishAsync(db, id, "failed", null, new Dictionary<string, string[]> { ["file"] = [text["LabourMarket.Import.Gone"]] });
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var read = new RecordProgress(0, null);
        var watch = Task.Run(async () =>
        {
            // Writes the progress once a second from its own scope (the import's context is busy).
            await using var watchScope = scopes.CreateAsyncScope();
            var watchDb = watchScope.ServiceProvider.GetRequiredService<MovilidadDb>();
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                var now = Volatile.Read(ref read);
                await watchDb.LabourImportJobs.Where(j => j.Id == id && j.Status == "running")
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.RowsRead, now.RowsRead).SetProperty(j => j.Fraction, now.Fraction ?? 0), CancellationToken.None);
            }
        }, CancellationToken.None);

        WriteOutcome<LabourDatasetSummary> outcome;
        try
        {
            var rights = (job.Rights ?? string.Empty).Split(',');
            var (source, mapping, columns) = LabourImports.Reading(job);
            var actor = new AuditActor(job.CreatedById, job.CreatedBy, job.CreatedFrom, job.Via);
            outcome = await LabourImport.ImportAsync(db, new LabourImportRequest(file, job.FileName, source, job.Restricted, job.Replaces, mapping, columns),
                country => rights.Contains(country ?? string.Empty, StringComparer.Ordinal), actor, clock, job.Language,
                // A CSV file declares no size in rows: its share done is the share of its bytes read (told on the import's own thread).
                new Progress(p => Volatile.Write(ref read, p with { Fraction = p.Fraction ?? Math.Min(0.99, file.Position / (double)Math.Max(1, file.Length)) })), stop.Token);
        }
        finally
        {
            await stop.CancelAsync();
            await watch;
        }

        (string Status, int? Dataset, IDictionary<string, string[]>? Errors) result = outcome switch
        {
            WriteOutcome<LabourDatasetSummary>.Saved saved => ("done", saved.Value.Id, null),
            WriteOutcome<LabourDatasetSummary>.Invalid invalid => ("failed", null, invalid.Errors),
            WriteOutcome<LabourDatasetSummary>.Conflict held => ("failed", null, new Dictionary<string, string[]>
            {
                ["file"] = [text["LabourMarket.Import.AlreadyImported", held.Current.Id, held.Current.FileName]],
            }),
            WriteOutcome<LabourDatasetSummary>.Forbidden => ("failed", null, new Dictionary<string, string[]> { ["source"] = [text["LabourMarket.Import.NotYours"]] }),
            _ => ("failed", null, new Dictionary<string, string[]> { ["replaces"] = [text["LabourMarket.Error.Dataset", job.Replaces ?? 0]] }),
        };
        await file.DisposeAsync();
        staging.Delete(job.StagedFile);
        await FinishAsync(db, id, result.Status, result.Dataset, result.Errors);
        await cache.EvictByTagAsync(LabourMarketCache.Tag, CancellationToken.None);
        log.LogInformation("Labour-market import {JobId} ({File}) {Status} in {Elapsed} ms", id, job.FileName, result.Status, (int)clock.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task FinishAsync(MovilidadDb db, int id, string status, int? dataset, IDictionary<string, string[]>? errors)
    {
        var errorsJson = errors is null ? null : JsonSerializer.Serialize(errors, LabourImports.Json);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.LabourImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, status).SetProperty(j => j.DatasetId, dataset).SetProperty(j => j.Errors, errorsJson)
            .SetProperty(j => j.Fraction, status == "done" ? 1.0 : (double?)null).SetProperty(j => j.FinishedAt, now), CancellationToken.None);
    }

    private sealed class Progress(Action<RecordProgress> report) : IProgress<RecordProgress>
    {
        public void Report(RecordProgress value) => report(value);
    }
}
