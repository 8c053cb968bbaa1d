using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Security;

/// <summary>
/// An app with small limits: 3 sign-in attempts, 5 API calls and 3 comment writes per window. The window is a day long
/// and the app's clock stands still at the moment the app starts, so no window ends in the middle of a test: a test
/// that counts up to a limit counts in one window whenever it runs.
/// </summary>
public abstract class RateLimitedApp(DatabaseProvider provider) : MovilidadApp(provider)
{
    private readonly FixedClock clock = new(DateTimeOffset.UtcNow);

    /// <summary>The moment the app's clock shows for as long as it runs.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
    }

    protected override int RateLimitWindowSeconds => 86_400;

    protected override int SignInPermitsPerMinute => 3;

    protected override int ApiPermitsPerMinute => 5;

    protected override int CommentPermitsPerMinute => 3;
}

public sealed class RateLimitedSqliteApp() : RateLimitedApp(DatabaseProvider.Sqlite);

public sealed class RateLimitedPostgresApp() : RateLimitedApp(DatabaseProvider.Postgres);

public abstract class RateLimitTests(RateLimitedApp app)
{
    [Fact]
    public async Task SignIn_OverTheLimit_Gets429WithRetryAfter()
    {
        var client = app.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "x@example.org" }))).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        var limited = await client.GetAsync("/account/forgot");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);

        // The count is kept until its window (the app's day, in this app) ends.
        var windowEnd = app.Now.UtcDateTime.Date.AddDays(1);
        Assert.Equal(TimeSpan.FromSeconds(Math.Ceiling((windowEnd - app.Now.UtcDateTime).TotalSeconds)), limited.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Api_OverThePerPersonLimit_Gets429WithRetryAfter()
    {
        var person = await app.AddPersonAsync($"limited-{Guid.NewGuid():N}@example.org", false, "observer");
        var client = await app.TokenClientAsync(person);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            var response = await client.GetAsync("/api/me");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // The window is the configured one (the app's day), not a fixed minute, and the same on every node.
                var windowEnd = app.Now.UtcDateTime.Date.AddDays(1);
                Assert.Equal(TimeSpan.FromSeconds(Math.Ceiling((windowEnd - app.Now.UtcDateTime).TotalSeconds)), response.Headers.RetryAfter?.Delta);
            }
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(1));
    }
}

/// <summary>
/// Sign-in attempts are counted in the database: two web nodes on one database share one limit, and attempts counted
/// at the same moment are all counted (the upsert is atomic on SQLite and PostgreSQL). API calls are counted on each
/// node and exchanged through the same rows, so two nodes share the API limit too. Comment writes are limited per
/// person. Apart from <see cref="RateLimitTests"/>, whose calls use up the same window's limits.
/// </summary>
public abstract class AttemptAndCommentLimitTests(MovilidadApp app)
{
    [Fact]
    public async Task Comments_OverThePerPersonLimit_Gets429AndNothingMoreIsSaved()
    {
        var person = await app.AddPersonAsync($"chatty-{Guid.NewGuid():N}@example.org", false, "observer");
        var client = await app.TokenClientAsync(person);
        int element;
        await using (var db = app.CreateDb())
        {
            element = await db.PlanElements.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostAsJsonAsync("/api/comments", new { entityType = "plan-element", entityId = element.ToString(CultureInfo.InvariantCulture), text = $"Comentario {i}" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        await using var check = app.CreateDb();
        Assert.Equal(3, await check.Comments.CountAsync(c => c.AccountId == person.Id));
    }

    [Fact]
    public async Task SignIn_AlternatingBetweenTwoNodes_SharesOneLimit()
    {
        // Both nodes read one fixed moment of their own, 30 s before its day-long window ends, so the count neither crosses
        // a window nor meets other tests' attempts.
        var clock = new FixedClock(new DateTimeOffset(2031, 3, 4, 23, 59, 30, TimeSpan.Zero));
        await using var first = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        await using var second = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var nodes = new[] { first, second }.Select(n => n.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") })).ToArray();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            responses.Add(await nodes[i % 2].GetAsync("/account/sign-in"));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], responses.Select(r => r.StatusCode));
        Assert.Equal(TimeSpan.FromSeconds(30), responses[3].Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Api_OnTwoNodes_CountsTogetherOnceTheyExchange()
    {
        // Their own fixed moment, 30 s before its day-long window ends, apart from the other tests' API calls.
        var clock = new FixedClock(new DateTimeOffset(2031, 3, 5, 23, 59, 30, TimeSpan.Zero));
        await using var first = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        await using var second = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var nodes = new[] { first, second };
        var clients = nodes.Select(n => n.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") })).ToArray();

        // Three calls on the first node and two on the second: each node alone is within the limit of 5.
        var admitted = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            admitted.Add((await clients[i % 2].GetAsync("/api/plans")).StatusCode);
        }

        Assert.All(admitted, status => Assert.Equal(HttpStatusCode.OK, status));
        foreach (var node in nodes.Append(first))
        {
            await node.Services.GetRequiredService<SharedRateCounts>().ExchangeAsync(default);
        }

        foreach (var client in clients)
        {
            var refused = await client.GetAsync("/api/plans");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
        }
    }

    [Fact]
    public async Task CountAttempt_ManyAtOnce_CountsEveryOne()
    {
        var partition = "test:" + Guid.NewGuid().ToString("N");
        // The current hour: a window another test's first attempt would clear (those that ended an hour before its own)
        // must not be this one, which a fixed past date was once other tests ran past.
        var now = DateTime.UtcNow;
        var window = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);

        var counts = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            await using var db = app.CreateDb();
            return await db.CountAttemptAsync(partition, window, default);
        }));

        Assert.Equal(Enumerable.Range(1, 12), counts.Order());
        await using var check = app.CreateDb();
        Assert.Equal(12, (await check.AttemptCounters.SingleAsync(c => c.Partition == partition)).Count);
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

public sealed class AttemptAndCommentLimitTestsOnSqlite(RateLimitedSqliteApp app) : AttemptAndCommentLimitTests(app), IClassFixture<RateLimitedSqliteApp>;

public sealed class AttemptAndCommentLimitTestsOnPostgres(RateLimitedPostgresApp app) : AttemptAndCommentLimitTests(app), IClassFixture<RateLimitedPostgresApp>;

public sealed class RateLimitTestsOnSqlite(RateLimitedSqliteApp app) : RateLimitTests(app), IClassFixture<RateLimitedSqliteApp>;

public sealed class RateLimitTestsOnPostgres(RateLimitedPostgresApp app) : RateLimitTests(app), IClassFixture<RateLimitedPostgresApp>;
