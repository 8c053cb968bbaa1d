using System.Security.Claims;
using Movilidad.Platform.Auth;

namespace Movilidad.Web.Features.Accounts;

public sealed record Me(string Email, IReadOnlyList<Grant> Grants, bool ViaToken);

public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", (ClaimsPrincipal user) =>
                TypedResults.Ok(new Me(user.Identity?.Name ?? string.Empty, Grants.Of(user), user.Identity?.AuthenticationType == ApiTokens.Scheme)))
            .WithTags("Accounts").RequireAuthorization()
            .WithSummary("Who the request is signed in as, and the roles (with countries and working groups) it acts with.");
        return app;
    }
}
