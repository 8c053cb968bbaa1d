using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Infrastructure.Web;

/// <summary>
/// Behind a reverse proxy that terminates TLS (nginx, Caddy, a cloud balancer), the app sees plain HTTP from the proxy's
/// address. The proxy's <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c> are believed from the loopback addresses
/// (a proxy on the same machine) and from those in <see cref="SecurityOptions.TrustedProxies"/> only, so the request is
/// HTTPS again (cookies and antiforgery tokens marked Secure work) and the audit trail and the per-address limits see
/// the client's address; from anyone else the headers are ignored.
/// </summary>
public static class Proxies
{
    public static IServiceCollection AddMovilidadForwardedHeaders(this IServiceCollection services, SecurityOptions security)
    {
        var proxies = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in security.TrustedProxies)
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                proxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException(
                    $"Security:TrustedProxies: '{entry}' is neither an IP address (10.0.0.5) nor a network (10.0.0.0/8). / " +
                    $"Security:TrustedProxies: «{entry}» no es una dirección IP (10.0.0.5) ni una red (10.0.0.0/8).");
            }
        }

        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
    }

    /// <summary>
    /// First in the pipeline. Once started, warns when every address is plain HTTP while cookies are HTTPS-only and no
    /// proxy is trusted besides the loopback: pages with forms would then answer "needs HTTPS" (the error page says so).
    /// </summary>
    public static WebApplication UseMovilidadForwardedHeaders(this WebApplication app, SecurityOptions security)
    {
        app.UseForwardedHeaders();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (!app.Environment.IsDevelopment() && security.SecureCookies && addresses.Count > 0
                && addresses.All(a => a.StartsWith("http:", StringComparison.OrdinalIgnoreCase)))
            {
                app.Logger.LogWarning(
                    "Every address is plain HTTP ({Addresses}) and cookies are HTTPS-only: pages with forms answer 400 'needs HTTPS'. Serve HTTPS, " +
                    "or put a TLS proxy in front that sends X-Forwarded-Proto (from the loopback or Security:TrustedProxies); see docs/production.md",
                    string.Join(", ", addresses));
            }
        });
        return app;
    }
}
