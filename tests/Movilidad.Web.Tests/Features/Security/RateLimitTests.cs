using System.Net;
using Movilidad.Web.Infrastructure.Data;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Security;

/// <summary>An app with small limits: 3 sign-in attempts and 5 API calls per minute.</summary>
public abstract class RateLimitedApp(DatabaseProvider provider) : MovilidadApp(provider)
{
    protected override int SignInPermitsPerMinute => 3;

    protected override int ApiPermitsPerMinute => 5;
}

public sealed class RateLimitedSqliteApp() : RateLimitedApp(DatabaseProvider.Sqlite);

public sealed class RateLimitedPostgresApp() : RateLimitedApp(DatabaseProvider.Postgres);

public abstract class RateLimitTests(MovilidadApp app)
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
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
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
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            }
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(1));
    }
}

public sealed class RateLimitTestsOnSqlite(RateLimitedSqliteApp app) : RateLimitTests(app), IClassFixture<RateLimitedSqliteApp>;

public sealed class RateLimitTestsOnPostgres(RateLimitedPostgresApp app) : RateLimitTests(app), IClassFixture<RateLimitedPostgresApp>;
