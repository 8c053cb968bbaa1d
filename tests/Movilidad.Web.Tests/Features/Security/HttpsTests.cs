using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Security;

/// <summary>
/// Outside Development cookies are HTTPS-only. A page with a form asked over plain HTTP used to be a 500 (antiforgery
/// cannot issue its cookie): it is a 400 page saying what to do, in the reader's language. Behind a TLS proxy on the
/// loopback (or in Security:TrustedProxies) that sends X-Forwarded-Proto, the request is HTTPS again and forms work.
/// </summary>
public abstract partial class HttpsTests(MovilidadApp app)
{
    /// <summary>
    /// A client that speaks plain HTTP to the app, as a proxy does. Its cookies are passed by hand (<see cref="CookiesOf"/>),
    /// as the browser behind the proxy would over HTTPS: a cookie container keeps Secure cookies from an http address.
    /// </summary>
    private HttpClient PlainHttp(string language, bool forwardedFromTls)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://localhost") });
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        if (forwardedFromTls)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        }

        return client;
    }

    [Theory]
    [InlineData("es", "Esta página requiere una conexión segura (HTTPS)", "Abra la misma dirección empezando por https://")]
    [InlineData("en", "This page needs a secure connection (HTTPS)", "Open the same address starting with https://")]
    public async Task FormPage_OverPlainHttp_IsA400ThatSaysHttpsIsNeeded(string language, string title, string advice)
    {
        var response = await PlainHttp(language, forwardedFromTls: false).GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains(advice, html, StringComparison.Ordinal);
        Assert.Contains("X-Forwarded-Proto", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BehindATlsProxy_ForwardedProtoHttps_FormsAndSignInWork()
    {
        var person = await app.AddPersonAsync($"{Guid.NewGuid():N}@example.org", false, "observer");
        var client = PlainHttp("en", forwardedFromTls: true);
        var page = await client.GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        var token = AntiforgeryField().Match(await page.Content.ReadAsStringAsync());
        Assert.True(token.Success);

        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = person.Email, ["Password"] = person.Password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            }),
        };
        post.Headers.Add("Cookie", CookiesOf(page));
        var signIn = await client.SendAsync(post);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);

        using var security = new HttpRequestMessage(HttpMethod.Get, "/account/security");
        security.Headers.Add("Cookie", CookiesOf(signIn));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(security)).StatusCode);
    }

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed class HttpsTestsOnSqlite(SqliteApp app) : HttpsTests(app), IClassFixture<SqliteApp>;

public sealed class HttpsTestsOnPostgres(PostgresApp app) : HttpsTests(app), IClassFixture<PostgresApp>;
