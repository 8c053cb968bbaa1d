using System.Net;
using System.Text.RegularExpressions;
using Movilidad.Platform.Accounts;
using Movilidad.Platform.Auth;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Accounts;

/// <summary>A new Secretariat account's first hour: told that its role waits for two-step verification, a QR code to set it up, and its first steps.</summary>
public abstract partial class AccountSecurityTests
{
    [Fact]
    public async Task NewSecretariat_IsToldItsRoleWaits_ScansAQrCode_AndSeesItsFirstStepsComputedFromTheData()
    {
        var person = await app.AddPersonAsync(Unique("sec-first"), twoFactor: false, "secretariat");
        await using (var db = app.CreateDb())
        {
            // A focal point invited for Panama who has not chosen a password yet.
            var email = Unique("invited-pa");
            db.Accounts.Add(new Account
            {
                Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = "PA", CreatedAt = DateTimeOffset.UtcNow,
                Grants = [new RoleGrant { Role = Role.FocalPoint, CountryCode = "PA" }],
            });
            await db.SaveChangesAsync();
        }

        var client = await app.SignInAsync(person);

        // Every page says the role waits, and leads to the set-up; the role's pages stay closed until then.
        var home = await client.GetStringAsync("/");
        Assert.Contains("data-testid=\"role-waiting\"", home, StringComparison.Ordinal);
        Assert.Contains("Your Secretariat role is not active yet", home, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/accounts/users")).StatusCode);

        var steps = await client.GetStringAsync("/first-run");
        Assert.Matches("<li class=\"first-step todo\" data-step=\"TwoFactor\">\\s*<h2><a href=\"/account/security\">", steps);
        Assert.Matches("data-testid=\"invited-FocalPoints\">[^<]*PA", steps);
        Assert.DoesNotMatch("data-testid=\"left-FocalPoints\">[^<]*PA", steps);
        Assert.Contains("href=\"/accounts/users\"", steps, StringComparison.Ordinal);
        Assert.Contains("data-step=\"Targets\"", steps, StringComparison.Ordinal);
        Assert.Contains("data-step=\"Publish\"", steps, StringComparison.Ordinal);

        // The security page draws the authenticator address as an SVG QR code, with the key beside it for typing.
        var security = await client.GetAsync("/account/security");
        var page = await security.Content.ReadAsStringAsync();
        var qr = Regex.Match(page, "<figure class=\"qr-figure\" data-testid=\"authenticator-qr\"><svg viewBox=\"0 0 (\\d+) \\1\"[^>]*><rect [^>]*/><path d=\"(M[0-9 Mhvz-]+)\" fill=\"#000\" /></svg>");
        Assert.True(qr.Success, "QR code drawn as inline SVG");
        Assert.InRange(int.Parse(qr.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 29, 69);
        Assert.DoesNotContain("style=", qr.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", string.Join(' ', security.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var key = Regex.Match(page, "data-testid=\"authenticator-key\">([a-z0-9 ]+)</code>").Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var on = await client.PostFormAsync("/account/security", "/account/security?handler=Enable", new() { ["Code"] = People.Totp(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);

        // Once on, the role counts: no more notice, the first step is done and the Secretariat's pages open.
        Assert.DoesNotContain("data-testid=\"role-waiting\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Matches("<li class=\"first-step done\" data-step=\"TwoFactor\">", await client.GetStringAsync("/first-run"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/accounts/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().GetAsync("/first-run")).StatusCode);
    }
}
