using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Movilidad.Platform.Accounts;
using Movilidad.Web.Features.Accounts;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Accounts;

/// <summary>What a signed-in person does to their own account: change the password, manage two-step verification.</summary>
public abstract partial class AccountSecurityTests(MovilidadApp app)
{
    private const string NewPassword = "a brand new passphrase 77";

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}@example.org";

    [Fact]
    public async Task ChangePassword_WithTheCurrentOne_SignsOutOtherSessionsAuditsAndMails()
    {
        var person = await app.AddPersonAsync(Unique("pw"), twoFactor: false, "observer");

        // A second web node on the same database that checks the security stamp on every request.
        await using var node = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero)));
        var other = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var signIn = await other.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Email"] = person.Email, ["Password"] = person.Password });
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/account/security")).StatusCode);

        var mine = await app.SignInAsync(person);
        var changed = await mine.PostFormAsync("/account/password", "/account/password", new() { ["Current"] = person.Password, ["New"] = NewPassword, ["Confirm"] = NewPassword });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("data-testid=\"password-changed\"", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var afterwards = await other.GetAsync("/account/security");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Contains("/account/sign-in", afterwards.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync("/account/security")).StatusCode);
        await app.SignInAsync(person with { Password = NewPassword });
        var old = await app.Browser().PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Email"] = person.Email, ["Password"] = person.Password });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);

        await using var db = app.CreateDb();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "password" && e.EntityId == person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(Directory.GetFiles(app.MailFolder, "*.eml").Select(File.ReadAllText),
            m => m.Contains(person.Email, StringComparison.Ordinal) && Mails.Body(m).Contains("password of your Movilidad account was changed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangePassword_WithApiTokens_RevokesThemAll()
    {
        var person = await app.AddPersonAsync(Unique("pw-token"), twoFactor: false, "observer");
        var machine = await app.TokenClientAsync(person);
        var second = await app.TokenClientAsync(person);
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync("/api/me")).StatusCode);

        var mine = await app.SignInAsync(person);
        var changed = await mine.PostFormAsync("/account/password", "/account/password", new() { ["Current"] = person.Password, ["New"] = NewPassword, ["Confirm"] = NewPassword });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await machine.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/me")).StatusCode);
        await using var db = app.CreateDb();
        Assert.Equal(2, await db.ApiTokens.CountAsync(t => t.AccountId == person.Id && t.RevokedAt != null));
        Assert.Contains("\"revokedApiTokens\":2", await db.AuditEntries.Where(e => e.Action == "password" && e.EntityId == person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(e => e.After).SingleAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentOrMismatch_ShowsWhyAndKeepsThePassword()
    {
        var person = await app.AddPersonAsync(Unique("pw-wrong"), twoFactor: false, "observer");
        var client = await app.SignInAsync(person);

        var wrong = await client.PostFormAsync("/account/password", "/account/password", new() { ["Current"] = "not my password 1", ["New"] = NewPassword, ["Confirm"] = NewPassword });
        Assert.Contains("current password is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var mismatch = await client.PostFormAsync("/account/password", "/account/password", new() { ["Current"] = person.Password, ["New"] = NewPassword, ["Confirm"] = NewPassword + "x" });
        Assert.Contains("new password and its repetition differ", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var weak = await client.PostFormAsync("/account/password", "/account/password", new() { ["Current"] = person.Password, ["New"] = "short", ["Confirm"] = "short" });
        Assert.Contains("at least 12 characters", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await app.SignInAsync(person);
    }

    [Fact]
    public async Task ChangePassword_Public_IsSentToSignIn()
    {
        var response = await app.Browser().GetAsync("/account/password");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoFactor_Secretariat_CannotTurnItOff()
    {
        var person = await app.AddPersonAsync(Unique("sec-2fa"), twoFactor: true, "secretariat");
        var client = await app.SignInAsync(person);
        Assert.Contains("data-testid=\"two-factor-required\"", await client.GetStringAsync("/account/security"), StringComparison.Ordinal);

        var response = await client.PostFormAsync("/account/security", "/account/security?handler=Disable", new() { ["Password"] = person.Password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = app.CreateDb();
        Assert.True((await db.Accounts.SingleAsync(a => a.Id == person.Id)).TwoFactorEnabled);
    }

    [Fact]
    public async Task TwoFactor_TurnedOffWithThePassword_SignInNeedsNoCodeAndItIsAuditedAndMailed()
    {
        var person = await app.AddPersonAsync(Unique("obs-2fa"), twoFactor: true, "observer");
        var client = await app.SignInAsync(person);

        var wrong = await client.PostFormAsync("/account/security", "/account/security?handler=Disable", new() { ["Password"] = "not my password 1" });
        Assert.Contains("current password is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var off = await client.PostFormAsync("/account/security", "/account/security?handler=Disable", new() { ["Password"] = person.Password });

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        await using var db = app.CreateDb();
        var account = await db.Accounts.SingleAsync(a => a.Id == person.Id);
        Assert.False(account.TwoFactorEnabled);
        Assert.NotEqual(person.AuthenticatorKey, account.AuthenticatorKey);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "two-factor" && e.EntityId == person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.After!.Contains("false")));
        var signIn = await app.Browser().PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Email"] = person.Email, ["Password"] = person.Password });
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        Assert.Contains(Directory.GetFiles(app.MailFolder, "*.eml").Select(File.ReadAllText),
            m => m.Contains(person.Email, StringComparison.Ordinal) && Mails.Body(m).Contains("Two-step verification of your Movilidad account was turned off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecoveryCodes_Regenerated_AreShownOnceOldOnesFailAndANewOneSignsIn()
    {
        var person = await app.AddPersonAsync(Unique("codes"), twoFactor: true, "observer");
        var client = await app.SignInAsync(person);
        var first = Codes(await (await client.PostFormAsync("/account/security", "/account/security?handler=RecoveryCodes", new())).Content.ReadAsStringAsync());
        var second = Codes(await (await client.PostFormAsync("/account/security", "/account/security?handler=RecoveryCodes", new())).Content.ReadAsStringAsync());

        Assert.Equal(10, first.Count);
        Assert.Equal(10, second.Count);
        Assert.Empty(first.Intersect(second));
        Assert.Empty(Codes(await client.GetStringAsync("/account/security")));

        Assert.False(await SignInWithRecoveryCodeAsync(person, first[0]));
        Assert.True(await SignInWithRecoveryCodeAsync(person, second[0]));
        Assert.False(await SignInWithRecoveryCodeAsync(person, second[0]));
    }

    [Fact]
    public async Task StampCheck_KeptPerAccountAndStampForOneInterval_AChangedStampStillEndsTheSessionAfterIt()
    {
        var person = await app.AddPersonAsync(Unique("stamp"), twoFactor: false, "observer");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<Account>>();
        signIn.Context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var account = await users.FindByIdAsync(person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var session = await signIn.CreateUserPrincipalAsync(account!);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var interval = TimeSpan.FromMinutes(1);
        var validator = new KeptStampValidator(
            Options.Create(new SecurityStampValidatorOptions { ValidationInterval = interval, TimeProvider = clock }),
            signIn,
            NullLoggerFactory.Instance,
            new MemoryCache(new MemoryCacheOptions()));

        // A cookie issued two intervals ago, as a client that never took the renewed one keeps sending.
        async Task<CookieValidatePrincipalContext> CheckAsync()
        {
            var ticket = new AuthenticationTicket(session, new AuthenticationProperties { IssuedUtc = clock.GetUtcNow() - (2 * interval) }, IdentityConstants.ApplicationScheme);
            var context = new CookieValidatePrincipalContext(signIn.Context, new AuthenticationScheme(IdentityConstants.ApplicationScheme, null, typeof(CookieAuthenticationHandler)), new CookieAuthenticationOptions(), ticket);
            await validator.ValidateAsync(context);
            return context;
        }

        var first = await CheckAsync();
        Assert.NotNull(first.Principal);
        Assert.True(first.ShouldRenew);

        // Within the interval the person checked last is reused without reading the account: the new stamp is not seen yet.
        Assert.True((await users.UpdateSecurityStampAsync(account!)).Succeeded);
        var kept = await CheckAsync();
        Assert.NotNull(kept.Principal);
        Assert.True(kept.ShouldRenew);

        // After it the account is read again and the session with the old stamp ends.
        clock.Advance(interval + TimeSpan.FromSeconds(1));
        Assert.Null((await CheckAsync()).Principal);
    }

    private async Task<bool> SignInWithRecoveryCodeAsync(Person person, string code)
    {
        var client = app.Browser();
        var first = await client.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Email"] = person.Email, ["Password"] = person.Password });
        Assert.StartsWith("/account/two-factor", first.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var second = await client.PostFormAsync("/account/two-factor", "/account/two-factor", new() { ["Code"] = code });
        return second.Headers.Location?.OriginalString == "/";
    }

    private static List<string> Codes(string html) => RecoveryCode().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();
}

public sealed class AccountSecurityTestsOnSqlite(SqliteApp app) : AccountSecurityTests(app), IClassFixture<SqliteApp>;

public sealed class AccountSecurityTestsOnPostgres(PostgresApp app) : AccountSecurityTests(app), IClassFixture<PostgresApp>;
