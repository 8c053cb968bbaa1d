using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Auth;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Accounts;

public abstract class SignInTests(MovilidadApp app)
{
    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}@example.org";

    [Fact]
    public async Task SignIn_RightPassword_SignsInAndIsAudited()
    {
        var person = await app.AddPersonAsync(Unique("ana"), twoFactor: false, "observer");
        var client = await app.SignInAsync(person);
        var me = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me");
        Assert.Equal(person.Email, me.GetProperty("email").GetString());
        await using var db = app.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "sign-in" && e.AccountId == person.Id));
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        var person = await app.AddPersonAsync(Unique("locked"), twoFactor: false, "observer");
        var client = app.Browser();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Email"] = person.Email, ["Password"] = "wrong password 123" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await client.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Email"] = person.Email, ["Password"] = person.Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        await using var db = app.CreateDb();
        Assert.NotNull((await db.Accounts.SingleAsync(a => a.Id == person.Id)).LockoutEnd);
    }

    [Fact]
    public async Task SignIn_TwoFactorAccount_NeedsTheAuthenticatorCode()
    {
        var person = await app.AddPersonAsync(Unique("sec"), twoFactor: true, "secretariat");
        var client = app.Browser();
        var first = await client.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Email"] = person.Email, ["Password"] = person.Password });
        Assert.StartsWith("/account/two-factor", first.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);

        // The server accepts the codes of two 30-second steps either side of now: the wrong code is none of those.
        var near = Enumerable.Range(-3, 7).Select(step => People.Totp(person.AuthenticatorKey!, DateTimeOffset.UtcNow.AddSeconds(30 * step))).ToHashSet();
        var wrongCode = Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !near.Contains(c));
        var wrong = await client.PostFormAsync("/account/two-factor", "/account/two-factor", new() { ["Code"] = wrongCode });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);

        var right = await client.PostFormAsync("/account/two-factor", "/account/two-factor", new() { ["Code"] = People.Totp(person.AuthenticatorKey!, DateTimeOffset.UtcNow) });
        Assert.Equal("/", right.Headers.Location?.OriginalString);
        var me = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me");
        Assert.Contains(me.GetProperty("grants").EnumerateArray(), g => g.GetProperty("role").GetString() == "secretariat");
    }

    [Fact]
    public async Task Secretariat_WithoutTwoFactor_DoesNotActAsSecretariat()
    {
        var person = await app.AddPersonAsync(Unique("new-sec"), twoFactor: false, "secretariat");
        var client = await app.SignInAsync(person);
        var me = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me");
        Assert.Empty(me.GetProperty("grants").EnumerateArray());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/accounts/users")).StatusCode);
    }

    [Fact]
    public async Task SignInPost_WithoutAntiforgeryToken_IsRejected()
    {
        var person = await app.AddPersonAsync(Unique("csrf"), twoFactor: false, "observer");
        var client = app.Browser();
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = person.Email, ["Password"] = person.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task ApiWrite_FromSignedInBrowserWithoutCsrfHeader_IsRejectedAndChangesNothing()
    {
        var person = await app.AddPersonAsync(Unique("csrf-api"), twoFactor: true, "secretariat");
        var client = await app.SignInAsync(person);
        await using var db = app.CreateDb();
        var element = await db.PlanElements.AsNoTracking().OrderBy(e => e.Id).FirstAsync();
        var response = await client.PutAsJsonAsync($"/api/elements/{element.Id}", new
        {
            version = element.Version,
            title = new { es = "Cambiado", en = "Changed" },
            text = element.Text,
            timeframeLabel = element.TimeframeLabel,
            footnotes = Array.Empty<object>(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var after = app.CreateDb();
        Assert.Equal(element.Title, (await after.PlanElements.AsNoTracking().SingleAsync(e => e.Id == element.Id)).Title);
    }

    [Fact]
    public async Task Token_RevokedOrExpired_GetsUnauthorized()
    {
        var person = await app.AddPersonAsync(Unique("token"), twoFactor: false, "presidency");
        var client = await app.TokenClientAsync(person);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        await using (var db = app.CreateDb())
        {
            var token = await db.ApiTokens.SingleAsync(t => t.AccountId == person.Id);
            token.RevokedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);

        var expired = await app.TokenClientAsync(person);
        await using (var db = app.CreateDb())
        {
            var token = await db.ApiTokens.SingleAsync(t => t.AccountId == person.Id && t.RevokedAt == null);
            token.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await expired.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task TokenPage_CreatesATokenShownOnceAndStoredOnlyAsItsHash()
    {
        var person = await app.AddPersonAsync(Unique("tokens"), twoFactor: false, "observer");
        var client = await app.SignInAsync(person);
        var response = await client.PostFormAsync("/account/tokens", "/account/tokens?handler=Create", new() { ["Name"] = "script" });
        var html = await response.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "mov_[0-9a-f]{64}").Value;
        Assert.NotEmpty(token);
        await using var db = app.CreateDb();
        var row = await db.ApiTokens.SingleAsync(t => t.AccountId == person.Id);
        Assert.NotEqual(token, row.Hash);
        Assert.DoesNotContain(token, row.Hash, StringComparison.Ordinal);
        Assert.DoesNotContain(token, await (await client.GetAsync("/account/tokens")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var machine = app.Browser();
        machine.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task SignInPage_ReachedFromAPageForStaff_SaysWhyAndWhatIsPublic_ButNotWhenOpenedDirectly()
    {
        var anonymous = app.Browser();
        var matrix = await anonymous.GetAsync("/monitoring/matrix");
        Assert.Equal(HttpStatusCode.Redirect, matrix.StatusCode);
        var page = await anonymous.GetStringAsync(matrix.Headers.Location);
        var why = Regex.Match(page, "<p class=\"public-note\" data-testid=\"sign-in-why\">(.*?)</p>", RegexOptions.Singleline);
        Assert.True(why.Success, page);
        Assert.Contains("for people who work on the plans", why.Value, StringComparison.Ordinal);
        foreach (var link in new[] { "/plans", "/monitoring/activities", "/indicators", "/reports" })
        {
            Assert.Contains($"href=\"{link}\"", why.Value, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("sign-in-why", await anonymous.GetStringAsync("/account/sign-in"), StringComparison.Ordinal);
        Assert.DoesNotContain("sign-in-why", await anonymous.GetStringAsync("/account/sign-in?ReturnUrl=https%3A%2F%2Fexample.org%2F"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitation_LinkSetsThePasswordOnce()
    {
        var secretariat = await app.AddPersonAsync(Unique("inviter"), twoFactor: true, "secretariat");
        var client = await app.SignInAsync(secretariat);
        var email = Unique("invited");
        var invite = await client.PostFormAsync("/accounts/users", "/accounts/users?handler=Invite", new() { ["Email"] = email, ["DisplayName"] = "Invited", ["Role"] = "focal-point", ["Country"] = "GT" });
        Assert.Equal(HttpStatusCode.OK, invite.StatusCode);
        var form = (await invite.Content.ReadAsStringAsync()).Split("handler=Invite")[1].Split("</form>")[0];
        Assert.DoesNotContain(email, form, StringComparison.Ordinal);
        Assert.DoesNotContain("selected", form, StringComparison.Ordinal);

        // The role was picked from lists and reads in the page's language; the invited person is not active until a password is chosen.
        var row = $"{Regex.Escape(email)}</a></td>\\s*<td>Invited</td>\\s*<td>Focal point · Guatemala</td>\\s*<td>";
        Assert.Matches(row + "Invited: has not chosen a password yet</td>", await invite.Content.ReadAsStringAsync());
        var twice = await client.PostFormAsync("/accounts/users", "/accounts/users?handler=Invite", new() { ["Email"] = email, ["DisplayName"] = "Invited", ["Role"] = "focal-point", ["Country"] = "GT" });
        Assert.Contains("role=\"alert\"", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var mail = Directory.GetFiles(app.MailFolder, "*.eml").Select(File.ReadAllText).Single(m => m.Contains(email, StringComparison.Ordinal));
        var link = Mails.Link(mail, "/account/reset");

        var invited = app.Browser();
        var set = await invited.PostFormAsync(link, link, new() { ["Password"] = People.Password });
        Assert.Contains("Password saved", await set.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var again = await invited.PostFormAsync(link, link, new() { ["Password"] = "another password 99" });
        Assert.Contains("not valid or was already used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var db = app.CreateDb();
        var id = await db.Accounts.Where(a => a.Email == email).Select(a => a.Id).SingleAsync();
        var signedIn = await app.SignInAsync(new Person(id, email, People.Password, null));
        Assert.Matches(row + "Active</td>", await client.GetStringAsync($"/accounts/users?q={Uri.EscapeDataString(email)}"));
        var me = await signedIn.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me");
        Assert.Contains(me.GetProperty("grants").EnumerateArray(), g => g.GetProperty("country").GetString() == "GT");
    }

    [Fact]
    public async Task NetworkAgencyRole_PickedFromTheNetworksAgencies_OnTheInvitationAndTheAccountPage()
    {
        var secretariat = await app.AddPersonAsync(Unique("agency-inviter"), twoFactor: true, "secretariat");
        var client = await app.SignInAsync(secretariat);

        // Offered: the role, and the agencies the network's work plan names (not the network itself, not a UN body it does not name).
        var page = await client.GetStringAsync("/accounts/users");
        Assert.Contains("<option value=\"network-agency\">", page, StringComparison.Ordinal);
        var offered = page.Split("id=\"grant-agency\"")[1].Split("</select>")[0];
        Assert.Contains("<option value=\"OIM\">", offered, StringComparison.Ordinal);
        Assert.Contains("<option value=\"OIT\">", offered, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"RED-ONU\"", offered, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"ONU-AG\"", offered, StringComparison.Ordinal);

        // Without its agency the role is refused, with what to do; with it, the account reads it by the agency's name.
        var email = Unique("agency");
        var refused = await client.PostFormAsync("/accounts/users", "/accounts/users?handler=Invite", new() { ["Email"] = email, ["DisplayName"] = "Agency", ["Role"] = "network-agency" });
        Assert.Contains("choose the agency from the list", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var invite = await client.PostFormAsync("/accounts/users", "/accounts/users?handler=Invite", new() { ["Email"] = email, ["DisplayName"] = "Agency", ["Role"] = "network-agency", ["Agency"] = "OIM" });
        Assert.Equal(HttpStatusCode.OK, invite.StatusCode);
        Assert.Matches($"{Regex.Escape(email)}</a></td>\\s*<td>Agency</td>\\s*<td>Agency of the UN Regional Network · IOM · International Organization for Migration</td>", await invite.Content.ReadAsStringAsync());

        // A second agency given on the account's page is a grant of its own.
        int id;
        await using (var db = app.CreateDb())
        {
            id = await db.Accounts.Where(a => a.Email == email).Select(a => a.Id).SingleAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/accounts/users/{id}", $"/accounts/users/{id}?handler=Grant", new() { ["Role"] = "network-agency", ["Agency"] = "CEPAL" })).StatusCode);
        await using (var db = app.CreateDb())
        {
            var agencies = await db.Accounts.Where(a => a.Id == id).SelectMany(a => a.Grants).Where(g => g.Role == Role.NetworkAgency)
                .Join(db.Institutions, g => g.InstitutionId, i => (int?)i.Id, (g, i) => i.Code).ToListAsync();
            Assert.Equal(["CEPAL", "OIM"], agencies.Order(StringComparer.Ordinal));
            var key = id.ToString(CultureInfo.InvariantCulture);
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "account" && e.EntityId == key && e.Action == "role-change"));
        }
    }
}

public sealed class SignInTestsOnSqlite(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class SignInTestsOnPostgres(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
