namespace Movilidad.Web.Infrastructure.Auth;

/// <summary>The names of the ways a request is signed in: a cookie for people, a personal token for machine clients.</summary>
public static class AuthenticationSchemes
{
    public const string Token = "Token";
}
