using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Movilidad.Web.Tests.Features.LabourMarket;

/// <summary>
/// The explorer's output cache under the load script's pattern: a reader who gives up on an answer that is not cached
/// yet (wrk's time-out) while others ask for the same address. They must get their answer, not the first reader's
/// cancellation as a 500.
/// </summary>
public abstract class LabourMarketCacheTests(LabourMarketApp app)
{
    [Fact]
    public async Task Explorer_FirstReaderGoesAway_OthersAskingTheSameAddressStillGet200()
    {
        await app.ImportedAsync();
        var hold = new HoldFirstReader();
        await using var host = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.Configure<MvcOptions>(o => o.Filters.Add(hold))));
        var address = $"/labour-market?occupation=6&level=3&cache={Guid.NewGuid():N}";

        using var leaving = new CancellationTokenSource();
        var first = host.CreateClient();
        first.DefaultRequestHeaders.Add(HoldFirstReader.Header, "1");
        var firstAnswer = first.GetAsync(address, leaving.Token);
        await hold.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var second = host.CreateClient().GetAsync(address);
        await Task.WhenAny(second, Task.Delay(TimeSpan.FromSeconds(2)));
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => firstAnswer);

        using var answer = await second.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    /// <summary>Holds the request marked with <see cref="Header"/> inside the page until its reader goes away, as a slow uncached query does.</summary>
    private sealed class HoldFirstReader : IAsyncPageFilter
    {
        public const string Header = "X-Test-Hold";

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            if (context.HttpContext.Request.Headers.ContainsKey(Header))
            {
                Entered.TrySetResult();
                await Task.Delay(Timeout.Infinite, context.HttpContext.RequestAborted);
            }

            await next();
        }
    }
}

[Collection(LabourMarketSqlite.Name)]
public sealed class LabourMarketCacheTestsOnSqlite(LabourMarketSqliteApp app) : LabourMarketCacheTests(app);

[Collection(LabourMarketPostgres.Name)]
public sealed class LabourMarketCacheTestsOnPostgres(LabourMarketPostgresApp app) : LabourMarketCacheTests(app);
