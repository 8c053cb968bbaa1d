using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Movilidad.Web.Features.Accounts;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>Clients that act as a person holding the given grants, through an API token of a fresh account (as a machine client would).</summary>
public static partial class SignedInClients
{
    public static Task<HttpClient> ClientAsAsync(this MovilidadApp app, params Grant[] grants) => app.ClientAsAsync("es", grants);

    /// <summary>Over https, so the secure antiforgery cookie of a page form comes back with the post.</summary>
    public static async Task<HttpClient> ClientAsAsync(this MovilidadApp app, string language, params Grant[] grants)
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = app.CreateDb();
        var email = $"{Guid.NewGuid():N}@test.example";
        var account = new Account
        {
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = string.Join(" ", grants.Select(g => g.ToClaimValue())),
            SecurityStamp = Guid.NewGuid().ToString("N"),

            // The Secretariat's grant counts only with two-factor sign-in on.
            TwoFactorEnabled = true,
            CreatedAt = now,
        };
        account.Grants.AddRange(grants.Select(g => new RoleGrant { Role = g.Role, CountryCode = g.Country, WorkingGroupId = g.WorkingGroupId }));
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        var (token, row) = ApiTokens.Create(account.Id, "tests", now, TimeSpan.FromDays(1));
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return client;
    }

    /// <summary>Posts a page's form as a browser would: the antiforgery token of the form read first, then the fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(url);
        var token = AntiforgeryField().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"{url} has no form with an antiforgery token.");
        }

        return await client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", System.Net.WebUtility.HtmlDecode(token.Groups[1].Value)))));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
