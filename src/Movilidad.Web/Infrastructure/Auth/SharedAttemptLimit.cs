using System.Globalization;
using Microsoft.Extensions.Options;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Infrastructure.Auth;

public static class SharedAttemptLimit
{
    /// <summary>
    /// Counts every request to an endpoint marked <see cref="SharedAttemptLimitAttribute"/>, before antiforgery or the
    /// page itself see it; over the limit: 429 with Retry-After until the window ends.
    /// </summary>
    public static IApplicationBuilder UseSharedAttemptLimit(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<SharedAttemptLimitAttribute>() is null)
            {
                await next(http);
                return;
            }

            var services = http.RequestServices;
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var limits = services.GetRequiredService<IOptions<SecurityOptions>>().Value;
            var length = TimeSpan.FromSeconds(limits.RateLimitWindowSeconds);
            var window = new DateTime(now.Ticks - (now.Ticks % length.Ticks), DateTimeKind.Utc);
            var partition = "sign-in:address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            var count = await services.GetRequiredService<MovilidadDb>().CountAttemptAsync(partition, window, http.RequestAborted);
            if (count > limits.SignInPermitsPerMinute)
            {
                var retry = Math.Max(1, (int)Math.Ceiling((window + length - now).TotalSeconds));
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
                return;
            }

            await next(http);
        });
}


/// <summary>
/// Marks the sign-in, two-factor, forgotten-password and reset pages: at most <see cref="SecurityOptions.SignInPermitsPerMinute"/>
/// requests per client address per window (a minute), counted in the database so that every web node behind a load balancer
/// shares one count (<see cref="SharedAttemptLimit.UseSharedAttemptLimit"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SharedAttemptLimitAttribute : Attribute;
