using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Web.Tests.Features.Indicators;
using Movilidad.Web.Tests.Features.Matrix;
using Movilidad.Web.Tests.Features.Monitoring;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>One web node of two on the same database (on SQLite, the same file): its own process state, caches and data-version watch.</summary>
public sealed class WebNode(TestDatabase database) : MovilidadApp(database.Provider, database);

/// <summary>Two web nodes on one database, as behind a load balancer; the first prepares the database, the second finds it ready.</summary>
public abstract class TwoNodes(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? database;

    public WebNode A { get; private set; } = null!;
    public WebNode B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        A = new WebNode(database);
        await ((IAsyncLifetime)A).InitializeAsync();
        B = new WebNode(database);
        await ((IAsyncLifetime)B).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)B).DisposeAsync();
        await ((IAsyncLifetime)A).DisposeAsync();
        await database!.DisposeAsync();
    }
}

public sealed class TwoSqliteNodes() : TwoNodes(DatabaseProvider.Sqlite);

public sealed class TwoPostgresNodes() : TwoNodes(DatabaseProvider.Postgres);

/// <summary>
/// What a load balancer in front of several nodes needs: a write on one node is read on the other within a second,
/// cached pages and figures included; a sign-in cookie and an antiforgery token made by one node are valid on the other;
/// wrong passwords counted on one node count on the other.
/// </summary>
public abstract class TwoNodeTests(TwoNodes nodes)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(1);

    /// <summary>Reads on a node until the answer passes the check, failing after a second.</summary>
    private static async Task<string> SeenWithinASecondAsync(HttpClient client, string url, Func<string, bool> check)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var answer = await client.GetStringAsync(url);
            if (check(answer))
            {
                return answer;
            }

            Assert.True(watch.Elapsed < Within, $"{url} did not show the change within {Within.TotalSeconds} s on the other node.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task ElementEditedOnA_IsSeenOnBsCachedPlanPageAndApiWithinASecond()
    {
        int id;
        string plan;
        await using (var db = nodes.A.CreateDb())
        {
            var element = await db.PlanElements.Where(e => !e.Children.Any()).OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Plan!.Key }).FirstAsync();
            (id, plan) = (element.Id, element.Key);
        }

        var reader = nodes.B.Browser();
        var cached = await reader.GetStringAsync($"/plans/{plan}");
        Assert.Equal(cached, await reader.GetStringAsync($"/plans/{plan}"));

        var editor = await nodes.A.TokenClientAsync(await nodes.A.AddPersonAsync($"{Guid.NewGuid():N}@example.org", false, "presidency"));
        var current = await editor.GetFromJsonAsync<JsonElement>($"/api/elements/{id}");
        var title = $"Título {Guid.NewGuid():N}";
        var response = await editor.PutAsJsonAsync($"/api/elements/{id}", new
        {
            version = current.GetProperty("version").GetInt32(),
            title = new { es = title, en = "Title from node A" },
            text = new { es = "", en = "" },
            timeframeLabel = new { es = "", en = "" },
            footnotes = Array.Empty<object>(),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await SeenWithinASecondAsync(reader, $"/plans/{plan}", html => html.Contains("Title from node A", StringComparison.Ordinal));
        await SeenWithinASecondAsync(reader, $"/api/elements/{id}", json => json.Contains(title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TargetChangedOnA_IsSeenOnBsDashboardWithinASecond()
    {
        var id = await nodes.A.IndicatorIdAsync("ind-p1");
        var observer = await nodes.B.ClientAsAsync("observer");
        var url = $"/api/indicators/dashboard?plan={IndicatorBuilders.Plan}";
        double? Target(string json) => JsonDocument.Parse(json).RootElement.GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("id").GetInt32() == id).GetProperty("target") is { ValueKind: JsonValueKind.Number } t ? t.GetDouble() : null;
        var before = Target(await observer.GetStringAsync(url));
        var reader = await nodes.B.ClientInAsync("en", "observer");
        var page = $"/indicators?plan={IndicatorBuilders.Plan}&indicator={id}";
        Assert.DoesNotContain("Title from node A", await reader.GetStringAsync(page), StringComparison.Ordinal);

        var secretariat = await nodes.A.ClientAsAsync("secretariat");
        var current = await secretariat.GetFromJsonAsync<JsonElement>($"/api/indicators/{id}");
        var target = (before ?? 0) + 1234;
        Assert.Equal(HttpStatusCode.OK, (await secretariat.PutAsJsonAsync($"/api/indicators/{id}", new
        {
            version = current.GetProperty("version").GetInt32(), name = current.GetProperty("name"), definition = current.GetProperty("definition"), unit = current.GetProperty("unit"),
            targets = new object[] { new { country = (string?)null, period = "2026-S2", value = target } },
        })).StatusCode);

        await SeenWithinASecondAsync(observer, url, json => Target(json) == target);
        var shown = $"<td class=\"num\">{target.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en"))}</td>";
        await SeenWithinASecondAsync(reader, page, html => html.Contains(shown, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShareEditedOnA_IsInBsMatrixExportWithinASecond()
    {
        int id;
        await using (var db = nodes.A.CreateDb())
        {
            var activity = new Movilidad.Platform.Monitoring.Activity
            {
                ActionId = await nodes.A.ActionIdAsync(), WorkingGroupId = await nodes.A.WorkingGroupIdAsync(), Code = "N" + Guid.NewGuid().ToString("N")[..6],
                Title = new("Taller de dos nodos", "Two-node workshop"), CreatedAt = DateTime.UtcNow, Countries = [new() { CountryCode = "GT" }],
            };
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            id = activity.Id;
        }

        var reader = await nodes.B.ClientAsAsync("observer");
        var kept = await reader.GetAsync("/api/matrix?language=en");
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        var etag = kept.Headers.ETag!;

        var focal = await nodes.A.ClientAsAsync("focal-point:GT");
        var saved = await focal.PutAsJsonAsync($"/api/activities/{id}/countries/GT", new { version = 0, status = "planned", budgetAmount = 4321m, budgetCurrency = "USD" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var watch = Stopwatch.StartNew();
        while (true)
        {
            var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/matrix?language=en");
            conditional.Headers.IfNoneMatch.Add(etag);
            var answer = await reader.SendAsync(conditional);
            if (answer.StatusCode == HttpStatusCode.OK)
            {
                Assert.NotEqual(etag, answer.Headers.ETag);
                using var workbook = new MatrixWorkbook(await answer.Content.ReadAsByteArrayAsync());
                Assert.Equal("4321", workbook.Value(id, "GT", "Budget (country)"));
                return;
            }

            Assert.Equal(HttpStatusCode.NotModified, answer.StatusCode);
            Assert.True(watch.Elapsed < Within, $"The matrix export did not show the change within {Within.TotalSeconds} s on the other node.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task SignInOnA_IsValidOnB_AndAFormFromAIsAcceptedByB()
    {
        var person = await nodes.A.AddPersonAsync($"{Guid.NewGuid():N}@example.org", false, "observer");
        var cookies = new CookieContainer();
        var onA = Client(nodes.A, cookies);
        var onB = Client(nodes.B, cookies);
        var signIn = await onA.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Email"] = person.Email, ["Password"] = person.Password });
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);

        // A page only a signed-in person sees (else a redirect to the sign-in page).
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/account/security")).StatusCode);

        // The antiforgery token of the sign-out form served by A, posted to B: accepted (a token B cannot read is a 400).
        var token = await onA.FormTokenAsync("/account/security");
        Assert.NotNull(token);
        var signOut = await onB.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await onA.GetAsync("/account/security")).StatusCode);
    }

    [Fact]
    public async Task WrongPasswordsOnAAndB_CountTogether_TheAccountIsLockedOnBoth()
    {
        var person = await nodes.A.AddPersonAsync($"{Guid.NewGuid():N}@example.org", false, "observer");
        foreach (var node in new[] { nodes.A, nodes.A, nodes.A, nodes.B, nodes.B })
        {
            var wrong = await Client(node, new CookieContainer()).PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Email"] = person.Email, ["Password"] = "wrong password 1" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        foreach (var node in new[] { nodes.A, nodes.B })
        {
            var right = await Client(node, new CookieContainer()).PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Email"] = person.Email, ["Password"] = person.Password });
            Assert.NotEqual(HttpStatusCode.Redirect, right.StatusCode);
        }

        await using var db = nodes.B.CreateDb();
        Assert.NotNull(await db.Accounts.Where(a => a.Id == person.Id).Select(a => a.LockoutEnd).SingleAsync());
    }

    /// <summary>A browser on one node whose cookies are shared with a browser on another (the same site behind a balancer).</summary>
    private static HttpClient Client(WebNode node, CookieContainer cookies)
    {
        var client = node.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        return client;
    }
}

public sealed class TwoNodeTestsOnSqlite(TwoSqliteNodes nodes) : TwoNodeTests(nodes), IClassFixture<TwoSqliteNodes>;

public sealed class TwoNodeTestsOnPostgres(TwoPostgresNodes nodes) : TwoNodeTests(nodes), IClassFixture<TwoPostgresNodes>;
