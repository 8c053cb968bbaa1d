using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Platform.Accounts;
using Movilidad.Platform.Data;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Accounts;

/// <summary>The user store through Identity's UserManager, as Identity's own store specification tests exercise a store.</summary>
public abstract class AccountStoreTests(MovilidadApp app)
{
    private static Account NewAccount() => new() { Email = $"store-{Guid.NewGuid():N}@example.org", NormalizedEmail = string.Empty, CreatedAt = DateTimeOffset.UtcNow };

    private async Task<T> WithUsers<T>(Func<UserManager<Account>, MovilidadDb, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<Account>>(), scope.ServiceProvider.GetRequiredService<MovilidadDb>());
    }

    [Fact]
    public async Task Create_ThenFindByIdNameAndEmail_FindsTheSameAccount()
    {
        var account = NewAccount();
        await WithUsers(async (users, _) =>
        {
            Assert.True((await users.CreateAsync(account, "a long password 123")).Succeeded);
            return 0;
        });
        await WithUsers(async (users, _) =>
        {
            Assert.Equal(account.Id, (await users.FindByIdAsync(account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))?.Id);
            Assert.Equal(account.Id, (await users.FindByNameAsync(account.Email.ToUpperInvariant()))?.Id);
            Assert.Equal(account.Id, (await users.FindByEmailAsync(account.Email))?.Id);
            Assert.Null(await users.FindByEmailAsync("nobody@example.org"));
            Assert.Null(await users.FindByIdAsync("not-a-number"));
            return 0;
        });
    }

    [Fact]
    public async Task Create_SameEmailTwice_FailsTheSecondTime()
    {
        var email = $"twice-{Guid.NewGuid():N}@example.org";
        await WithUsers(async (users, _) =>
        {
            Assert.True((await users.CreateAsync(new Account { Email = email, NormalizedEmail = string.Empty })).Succeeded);
            var second = await users.CreateAsync(new Account { Email = email.ToUpperInvariant(), NormalizedEmail = string.Empty });
            Assert.False(second.Succeeded);
            Assert.Contains(second.Errors, e => e.Code == "DuplicateEmail");
            return 0;
        });
    }

    [Fact]
    public async Task Password_IsStoredHashedAndChecked_AndChangingItChangesTheSecurityStamp()
    {
        var account = NewAccount();
        await WithUsers(async (users, _) =>
        {
            Assert.True((await users.CreateAsync(account, "first password 123")).Succeeded);
            Assert.DoesNotContain("first password", account.PasswordHash, StringComparison.Ordinal);
            Assert.True(await users.CheckPasswordAsync(account, "first password 123"));
            Assert.False(await users.CheckPasswordAsync(account, "first password 124"));
            var stamp = account.SecurityStamp;
            Assert.True((await users.ChangePasswordAsync(account, "first password 123", "second password 456")).Succeeded);
            Assert.NotEqual(stamp, account.SecurityStamp);
            Assert.False((await users.CreateAsync(NewAccount(), "short")).Succeeded);
            return 0;
        });
        await WithUsers(async (users, _) =>
        {
            Assert.True(await users.CheckPasswordAsync((await users.FindByIdAsync(account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!, "second password 456"));
            return 0;
        });
    }

    [Fact]
    public async Task Lockout_AfterFiveFailures_LocksUntilTheEndDate()
    {
        var account = NewAccount();
        await WithUsers(async (users, _) =>
        {
            Assert.True((await users.CreateAsync(account)).Succeeded);
            for (var i = 0; i < 4; i++)
            {
                await users.AccessFailedAsync(account);
            }

            Assert.False(await users.IsLockedOutAsync(account));
            Assert.Equal(4, await users.GetAccessFailedCountAsync(account));
            await users.AccessFailedAsync(account);
            Assert.True(await users.IsLockedOutAsync(account));
            Assert.Equal(0, await users.GetAccessFailedCountAsync(account));
            return 0;
        });
        await WithUsers(async (users, _) =>
        {
            var stored = (await users.FindByIdAsync(account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!;
            Assert.True(await users.IsLockedOutAsync(stored));
            Assert.True((await users.SetLockoutEndDateAsync(stored, null)).Succeeded);
            Assert.False(await users.IsLockedOutAsync(stored));
            return 0;
        });
    }

    [Fact]
    public async Task TwoFactor_AuthenticatorKeyAndRecoveryCodes_RoundTrip()
    {
        var account = NewAccount();
        await WithUsers(async (users, _) =>
        {
            Assert.True((await users.CreateAsync(account)).Succeeded);
            Assert.True((await users.ResetAuthenticatorKeyAsync(account)).Succeeded);
            var key = await users.GetAuthenticatorKeyAsync(account);
            Assert.False(string.IsNullOrEmpty(key));
            Assert.True(await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, People.Totp(key!, DateTimeOffset.UtcNow)));
            Assert.True((await users.SetTwoFactorEnabledAsync(account, true)).Succeeded);
            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 3))!.ToList();
            Assert.Equal(3, await users.CountRecoveryCodesAsync(account));
            Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(account, codes[0])).Succeeded);
            Assert.False((await users.RedeemTwoFactorRecoveryCodeAsync(account, codes[0])).Succeeded);
            Assert.Equal(2, await users.CountRecoveryCodesAsync(account));
            return 0;
        });
        await WithUsers(async (users, _) =>
        {
            var stored = (await users.FindByIdAsync(account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!;
            Assert.True(await users.GetTwoFactorEnabledAsync(stored));
            Assert.Equal(2, await users.CountRecoveryCodesAsync(stored));
            return 0;
        });
    }

    [Fact]
    public async Task Update_FromAStaleCopy_FailsWithConcurrencyFailure()
    {
        var account = NewAccount();
        await WithUsers(async (users, _) =>
        {
            Assert.True((await users.CreateAsync(account)).Succeeded);
            return 0;
        });
        var id = account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var a = first.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var b = second.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var copyA = (await a.FindByIdAsync(id))!;
        var copyB = (await b.FindByIdAsync(id))!;
        copyA.DisplayName = "A";
        Assert.True((await a.UpdateAsync(copyA)).Succeeded);
        copyB.DisplayName = "B";
        var stale = await b.UpdateAsync(copyB);
        Assert.False(stale.Succeeded);
        Assert.Contains(stale.Errors, e => e.Code == "ConcurrencyFailure");
    }

    [Fact]
    public async Task Delete_IsNotSupported_AndAClosedAccountIsNotFound()
    {
        var account = NewAccount();
        await WithUsers(async (users, db) =>
        {
            Assert.True((await users.CreateAsync(account)).Succeeded);
            await Assert.ThrowsAsync<NotSupportedException>(() => users.DeleteAsync(account));
            Assert.True(await db.SetClosedAsync(account.Id, closed: true, Platform.Audit.AuditActor.CommandLine(), TimeProvider.System, default));
            return 0;
        });
        await WithUsers(async (users, db) =>
        {
            Assert.Null(await users.FindByEmailAsync(account.Email));
            Assert.True(await db.Accounts.AnyAsync(a => a.Id == account.Id));
            return 0;
        });
    }
}

public sealed class AccountStoreTestsOnSqlite(SqliteApp app) : AccountStoreTests(app), IClassFixture<SqliteApp>;

public sealed class AccountStoreTestsOnPostgres(PostgresApp app) : AccountStoreTests(app), IClassFixture<PostgresApp>;
