using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Movilidad.Web.Features.Accounts;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>Clients that act as a person holding the given grants, through an API token of a fresh account (as a machine client would).</summary>
public static class SignedInClients
{
    public static async Task<HttpClient> ClientAsAsync(this MovilidadApp app, params Grant[] grants)
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
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("es"));
        return client;
    }
}
