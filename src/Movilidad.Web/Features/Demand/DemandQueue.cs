using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Movilidad.Dynamics;
using Movilidad.Dynamics.Analysis;
using Movilidad.Platform.Data;
using Movilidad.Platform.Demand;

namespace Movilidad.Web.Features.Demand;

/// <summary>
/// The background queue of long runs (Monte Carlo sets, calibrations): one run at a time, each on every core (the engine runs the set
/// in parallel). Progress and the result are written to the run's row, so a page reloaded reads them where they are; a
/// stop asked for is seen within a second; runs queued or running when the server stopped are taken up again at start.
/// </summary>
public sealed class DemandQueue(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DemandQueue> log) : BackgroundService
{
    private readonly Channel<int> runs = Channel.CreateUnbounded<int>();

    public void Enqueue(int runId) => runs.Writer.TryWrite(runId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MovilidadDb>();
                foreach (var id in await db.DemandRuns.Where(r => r.Status == "queued" || r.Status == "running").OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(stoppingToken))
                {
                    Enqueue(id);
                }
            }

            await foreach (var id in runs.Reader.ReadAllAsync(stoppingToken))
            {
                await RunAsync(id, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping: a run cut short stays "running" and is taken up again at the next start.
        }
    }

    private async Task RunAsync(int id, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovilidadDb>();
        var run = await db.DemandRuns.SingleOrDefaultAsync(r => r.Id == id, stoppingToken);
        if (run is null || run.Status is "done" or "failed" or "stopped")
        {
            return;
        }

        var version = await db.DemandModelVersions.Include(v => v.DataFiles).SingleAsync(v => v.Id == run.ModelVersionId, stoppingToken);
        run.Status = "running";
        run.Progress = 0;
        await db.SaveChangesAsync(stoppingToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var progress = 0.0;
        var watch = Task.Run(async () =>
        {
            // Writes the progress and looks for a stop once a second, from its own scope (the run's context is busy).
            await using var watchScope = scopes.CreateAsyncScope();
            var watchDb = watchScope.ServiceProvider.GetRequiredService<MovilidadDb>();
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                var shared = Volatile.Read(ref progress);
                await watchDb.DemandRuns.Where(r => r.Id == id && r.Status == "running").ExecuteUpdateAsync(s => s.SetProperty(r => r.Progress, shared), CancellationToken.None);
                if (await watchDb.DemandRuns.AnyAsync(r => r.Id == id && r.StopRequested, CancellationToken.None))
                {
                    await stop.CancelAsync();
                }
            }
        }, CancellationToken.None);
        var started = clock.GetTimestamp();
        try
        {
            var inputs = JsonSerializer.Deserialize<RunInputs>(run.Inputs, DemandRuns.Json)!;
            var model = DemandLibrary.Compile(version);
            if (run.Kind == "calibration")
            {
                // A calibration stopped keeps the best values it found: stopped, with its results.
                var fit = await Task.Run(() => DemandCalibration.Run(model, inputs, p => Volatile.Write(ref progress, p), stop.Token), CancellationToken.None);
                stoppingToken.ThrowIfCancellationRequested();
                run.Results = JsonSerializer.Serialize(fit, DemandRuns.Json);
                run.Status = fit.Cancelled ? "stopped" : "done";
                run.Progress = fit.Cancelled ? Volatile.Read(ref progress) : 1;
            }
            else
            {
                var result = await Task.Run(() => DemandRuns.Sensitivity(model, inputs, p => Volatile.Write(ref progress, p), stop.Token), stop.Token);
                run.Results = JsonSerializer.Serialize(result, DemandRuns.Json);
                run.Status = "done";
                run.Progress = 1;
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            run.Status = "stopped";
            run.Progress = Volatile.Read(ref progress);
        }
        catch (Exception e) when (e is ModelException or AnalysisException)
        {
            run.Status = "failed";
            run.Error = DemandMessages.Store(e);
        }
        finally
        {
            await stop.CancelAsync();
            await watch;
        }

        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);
        log.LogInformation("Demand run {RunId} ({Kind}) {Status} in {Elapsed} ms", run.Id, run.Kind, run.Status, (int)clock.GetElapsedTime(started).TotalMilliseconds);
    }
}
