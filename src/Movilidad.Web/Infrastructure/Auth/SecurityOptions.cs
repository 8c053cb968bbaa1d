using System.ComponentModel.DataAnnotations;

namespace Movilidad.Web.Infrastructure.Auth;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Sign-in, password-reset and invitation attempts per client address per minute.</summary>
    [Range(1, 10_000)]
    public int SignInPermitsPerMinute { get; set; } = 10;

    /// <summary>API requests per minute, counted per person (or token owner) and per client address (load tests raise it to 10^9).</summary>
    [Range(1, 1_000_000_000)]
    public int ApiPermitsPerMinute { get; set; } = 600;

    /// <summary>Comment writes (add, edit, delete) per person per minute, on the pages and the API together.</summary>
    [Range(1, 10_000)]
    public int CommentPermitsPerMinute { get; set; } = 10;

    /// <summary>
    /// Length in seconds of the fixed window the three limits above count in: a minute, as their names say. Only a test
    /// host lengthens it, so that a window cannot end in the middle of a test that counts up to a limit.
    /// </summary>
    [Range(1, 86_400)]
    public int RateLimitWindowSeconds { get; set; } = 60;

    [Range(1, 3650)]
    public int TokenLifetimeDays { get; set; } = 90;

    /// <summary>
    /// Cookies only over HTTPS (the default). Turn off only for a server reached over plain http that is not
    /// Development, such as the browser tests' local server; behind a TLS proxy, forward the scheme instead
    /// (<see cref="TrustedProxies"/>).
    /// </summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>
    /// Reverse proxies (addresses, or networks such as <c>10.0.0.0/8</c>) whose <c>X-Forwarded-Proto</c> and
    /// <c>X-Forwarded-For</c> are believed, besides the loopback addresses, which always are.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Largest request body accepted, in bytes.</summary>
    [Range(1024, 100_000_000)]
    public long MaxRequestBodyBytes { get; set; } = 1_000_000;
}
