using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Movilidad.Web.Infrastructure.Auth;

/// <summary>
/// The API per person and per address, and comment writes per person, counted on each web node (in memory). Sign-in
/// and password reset are counted in the database for all nodes together (<see cref="SharedAttemptLimitAttribute"/>).
/// Refusals are 429 with Retry-After.
/// </summary>
public static class RateLimits
{
    public const string Comment = "comment";

    public static IServiceCollection AddMovilidadRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SecurityOptions>>((options, security) =>
        {
            var limits = security.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(limits.RateLimitWindowSeconds);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(Comment, http => HttpMethods.IsGet(http.Request.Method) || http.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } person
                ? RateLimitPartition.GetNoLimiter(string.Empty)
                : RateLimitPartition.GetFixedWindowLimiter("comment:" + person, _ => Window(limits.CommentPermitsPerMinute, limits)));
            var perUser = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                !IsApi(http) || http.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } user
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : RateLimitPartition.GetFixedWindowLimiter("user:" + user, _ => Window(limits.ApiPermitsPerMinute, limits)));
            var perAddress = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                !IsApi(http)
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : RateLimitPartition.GetFixedWindowLimiter("address:" + Address(http), _ => Window(limits.ApiPermitsPerMinute, limits)));
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(perUser, perAddress);
        });
        services.AddRateLimiter(_ => { });
        return services;
    }

    private static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static FixedWindowRateLimiterOptions Window(int permits, SecurityOptions limits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromSeconds(limits.RateLimitWindowSeconds),
        QueueLimit = 0,
    };
}
