using Microsoft.AspNetCore.Authorization;
using Movilidad.Platform.Auth;

namespace Movilidad.Web.Infrastructure.Auth;

public static class AuthorizationSetup
{
    /// <summary>
    /// Deny by default: anything not marked anonymous needs a signed-in person; operations are decided by the rules of the
    /// feature that owns them (every <see cref="OperationRules"/> of the web assembly, found as EF configurations are).
    /// </summary>
    public static IServiceCollection AddMovilidadAuthorization(this IServiceCollection services)
    {
        foreach (var rules in typeof(OperationRules).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(OperationRules))))
        {
            services.AddSingleton(typeof(IAuthorizationHandler), rules);
        }

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                // A request that matches no endpoint is let through so that it gets its 404, not a sign-in prompt.
                .RequireAssertion(context => context.User.Identity?.IsAuthenticated == true
                    || (context.Resource is HttpContext http && http.GetEndpoint() is null))
                .Build());
        return services;
    }

    public static Task<bool> CanAsync(this IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user, Operation operation, object? scope = null) =>
        authorization.AuthorizeAsync(user, scope, operation).ContinueWith(t => t.Result.Succeeded, TaskScheduler.Default);
}
