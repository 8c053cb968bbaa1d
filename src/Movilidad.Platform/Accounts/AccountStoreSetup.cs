using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Platform.Auth;

namespace Movilidad.Platform.Accounts;

public static class AccountStoreSetup
{
    /// <summary>
    /// The accounts as every host needs them (the web app signs people in with them, the command line creates them):
    /// ASP.NET Core Identity's user manager over <see cref="AccountStore"/>, the password rules and lockout, and the
    /// data-protection key ring in the database, so a link the command line makes is valid on every web node, and the
    /// audit checkpoint's seal that signs with it.
    /// </summary>
    public static IdentityBuilder AddAccountStore(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseKeyRing>();
        services.AddDataProtection().SetApplicationName("Movilidad");
        services.AddSingleton<Audit.AuditSeal>();
        services.AddOptions<KeyManagementOptions>().Configure<DatabaseKeyRing>((options, ring) => options.XmlRepository = ring);
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromDays(3));
        return services.AddIdentityCore<Account>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddUserStore<AccountStore>()
            .AddTokenProvider<DataProtectorTokenProvider<Account>>(TokenOptions.DefaultProvider)
            .AddTokenProvider<AuthenticatorTokenProvider<Account>>(TokenOptions.DefaultAuthenticatorProvider);
    }
}
