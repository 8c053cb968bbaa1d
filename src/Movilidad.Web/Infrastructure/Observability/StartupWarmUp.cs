using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Movilidad.Web.Infrastructure.Observability;

/// <summary>Work a feature does once at start so its first reader does not pay for the JIT and the first queries (the indicator dashboard).</summary>
public interface IWarmUp
{
    Task WarmUpAsync(CancellationToken ct);
}

/// <summary>
/// Once the server listens: every feature's <see cref="IWarmUp"/>, then one request to each heavy public page through
/// the server itself, so the Razor views, the routes and the queries behind them are compiled before people arrive.
/// Failures are logged and never stop the platform.
/// </summary>
public sealed class StartupWarmUp(IServiceProvider services, IServer server, IHostApplicationLifetime lifetime, ILogger<StartupWarmUp> logger) : BackgroundService
{
    /// <summary>The pages whose first rendering is slow: the plan tree, the roadmap, search and the lists.</summary>
    public static readonly IReadOnlyList<string> Pages = ["/", "/plans", "/roadmap", "/institutions", "/search?q=migraci%C3%B3n", "/pledges", "/pledges/dashboard", "/practices"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken))
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            foreach (var warmUp in WarmUps(scope.ServiceProvider))
            {
                await RunAsync(warmUp.GetType().Name, () => warmUp.WarmUpAsync(stoppingToken));
            }
        }

        if (server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } address)
        {
            using var client = new HttpClient { BaseAddress = Local(address) };
            await RequestPagesAsync(client, stoppingToken);
        }

        logger.LogInformation("Warm-up done in {ElapsedMilliseconds} ms", clock.ElapsedMilliseconds);
    }

    /// <summary>Requests each of <see cref="Pages"/>; answers each page's status (logged, never thrown).</summary>
    public async Task<IReadOnlyList<(string Page, int Status)>> RequestPagesAsync(HttpClient client, CancellationToken ct)
    {
        var statuses = new List<(string, int)>();
        foreach (var page in Pages)
        {
            await RunAsync(page, async () =>
            {
                using var response = await client.GetAsync(new Uri(page, UriKind.Relative), ct);
                statuses.Add((page, (int)response.StatusCode));
            });
        }

        return statuses;
    }

    /// <summary>The address the server listens on, as this machine reaches it (a wildcard host is this machine).</summary>
    private static Uri Local(string address)
    {
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        return uri.Uri;
    }

    private static IEnumerable<IWarmUp> WarmUps(IServiceProvider scoped) =>
        typeof(StartupWarmUp).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IWarmUp)))
            .Select(t => (IWarmUp)ActivatorUtilities.CreateInstance(scoped, t));

    private async Task RunAsync(string what, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Warm-up of {WarmUp} failed", what);
        }
    }

    private Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult(true));
        stoppingToken.Register(() => started.TrySetResult(false));
        return started.Task;
    }
}
