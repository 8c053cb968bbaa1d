using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Web.Features.Accounts;
using Movilidad.Platform.Accounts;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>A test account: what is needed to sign it in (password, authenticator key).</summary>
public sealed record Person(int Id, string Email, string Password, string? AuthenticatorKey);

/// <summary>Builders for accounts and for clients signed in as them: by cookie through the real sign-in page, or by API token.</summary>
public static partial class People
{
    public const string Password = "correct horse battery 42";

    /// <summary>Creates an account with the given grants (<c>secretariat</c>, <c>focal-point:GT</c>...) through Identity's UserManager.</summary>
    public static async Task<Person> AddPersonAsync(this MovilidadApp app, string email, bool twoFactor, params string[] grants)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var db = scope.ServiceProvider.GetRequiredService<MovilidadDb>();
        var roles = new List<RoleGrant>();
        foreach (var g in grants)
        {
            Assert.True(GrantRequest.TryParse(g, out var request), g);
            var (grant, error) = await db.ResolveAsync(request!, default);
            Assert.True(grant is not null, error);
            roles.Add(grant!);
        }

        var (account, errors) = await users.CreateAsync(db, email, email, roles, Platform.Audit.AuditActor.CommandLine(), TimeProvider.System, default);
        Assert.True(account is not null, string.Join(" ", errors));
        Assert.True((await users.AddPasswordAsync(account!, Password)).Succeeded);
        string? key = null;
        if (twoFactor)
        {
            await users.ResetAuthenticatorKeyAsync(account!);
            key = await users.GetAuthenticatorKeyAsync(account!);
            await users.SetTwoFactorEnabledAsync(account!, true);
        }

        return new Person(account!.Id, email, Password, key);
    }

    /// <summary>A browser-like client (cookies, https, no automatic redirects) that is not signed in.</summary>
    public static HttpClient Browser(this MovilidadApp app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        return client;
    }

    /// <summary>Signs in through the sign-in page (and the two-factor page when the account has it on).</summary>
    public static async Task<HttpClient> SignInAsync(this MovilidadApp app, Person person)
    {
        var client = app.Browser();
        var response = await client.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Email"] = person.Email, ["Password"] = person.Password });
        if (response.Headers.Location?.OriginalString.StartsWith("/account/two-factor", StringComparison.Ordinal) == true)
        {
            response = await client.PostFormAsync("/account/two-factor", "/account/two-factor", new() { ["Code"] = Totp(person.AuthenticatorKey!, DateTimeOffset.UtcNow) });
        }

        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/",
            $"Sign-in of {person.Email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    /// <summary>A machine client with a fresh personal API token of the person.</summary>
    public static async Task<HttpClient> TokenClientAsync(this MovilidadApp app, Person person)
    {
        await using var db = app.CreateDb();
        var (token, row) = ApiTokens.Create(person.Id, "test", DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync();
        var client = app.Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The antiforgery token of the first form on a page, as a browser would post it back.</summary>
    public static async Task<string?> FormTokenAsync(this HttpClient client, string page)
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        var match = AntiforgeryInput().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    /// <summary>Posts a form as a browser would: antiforgery token taken from <paramref name="formPage"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        var token = await client.FormTokenAsync(formPage);
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>RFC 6238: the six-digit code an authenticator app shows for a base32 key at a given time.</summary>
    public static string Totp(string base32Key, DateTimeOffset at)
    {
        var key = Base32(base32Key);
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 as authenticator apps implement it is HMAC-SHA1.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0xf;
        var code = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}
