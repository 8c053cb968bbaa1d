using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>
/// The load scripts' pattern against an output-cached page: a reader gives up on an answer that is not cached yet (wrk's
/// time-out) while another asks for the same address. The other must get its own answer, not the first reader's
/// cancellation as a 500, which is what the output cache's default locking does.
/// </summary>
public static class ReaderGoesAway
{
    public static async Task<HttpStatusCode> OtherReaderOfAsync(MovilidadApp app, string address)
    {
        var hold = new HoldFirstReader();
        await using var host = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.Configure<MvcOptions>(o => o.Filters.Add(hold))));

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
        return answer.StatusCode;
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
