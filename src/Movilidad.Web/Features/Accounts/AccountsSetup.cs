using Microsoft.AspNetCore.Identity;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Accounts;

namespace Movilidad.Web.Features.Accounts;

public static class AccountsSetup
{
    public const string Scheme = "Movilidad";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Mailer>();
        services.AddAccountStore()
            .AddClaimsPrincipalFactory<AccountClaims>()
            .AddSignInManager();

        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        var secure = environment.IsDevelopment() || !security.SecureCookies ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(Scheme, "Cookie for people, bearer token for machine clients", options =>
                options.ForwardDefaultSelector = http => http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokens.Scheme
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokens.Scheme, null)
            .AddIdentityCookies(cookies =>
            {
                cookies.ApplicationCookie?.Configure(options =>
                {
                    options.Cookie.Name = "movilidad.auth";
                    options.Cookie.HttpOnly = true;
                    options.Cookie.SameSite = SameSiteMode.Lax;
                    options.Cookie.SecurePolicy = secure;
                    options.LoginPath = "/account/sign-in";
                    options.LogoutPath = "/account/sign-out";
                    options.AccessDeniedPath = "/account/denied";
                    options.ExpireTimeSpan = TimeSpan.FromHours(8);
                    options.SlidingExpiration = true;
                    options.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
                    options.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
                });
                cookies.TwoFactorUserIdCookie?.Configure(options =>
                {
                    options.Cookie.HttpOnly = true;
                    options.Cookie.SameSite = SameSiteMode.Strict;
                    options.Cookie.SecurePolicy = secure;
                });
            });
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddMemoryCache();
        services.AddScoped<ISecurityStampValidator, KeptStampValidator>();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "movilidad.csrf";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secure;
            options.HeaderName = "X-CSRF-TOKEN";
        });
        return services;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
