using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Movilidad.Web.Infrastructure.Data;

namespace Movilidad.Web.Infrastructure.Auth;

/// <summary>How many requests one partition (a client address on the sign-in pages) made in one fixed minute, on every web node together.</summary>
public class AttemptCounter
{
    public required string Partition { get; set; }
    public DateTime WindowStart { get; set; }
    public int Count { get; set; }
}

internal sealed class AttemptCounterConfiguration : IEntityTypeConfiguration<AttemptCounter>
{
    public void Configure(EntityTypeBuilder<AttemptCounter> builder)
    {
        builder.HasKey(c => new { c.Partition, c.WindowStart });
        builder.Property(c => c.Partition).HasMaxLength(128);
        builder.HasIndex(c => c.WindowStart);
    }
}

public static class AttemptCounters
{
    /// <summary>
    /// Counts one attempt in the partition's window and returns the window's count so far. One statement inserts the
    /// window's first attempt or adds one to it (an upsert both SQLite and PostgreSQL run atomically), so two web
    /// nodes counting at once never lose an attempt.
    /// </summary>
    public static async Task<int> CountAttemptAsync(this MovilidadDb db, string partition, DateTime windowStart, CancellationToken ct)
    {
        var counts = await db.Database.SqlQuery<int>($"""
            INSERT INTO "AttemptCounters" ("Partition", "WindowStart", "Count") VALUES ({partition}, {windowStart}, 1)
            ON CONFLICT ("Partition", "WindowStart") DO UPDATE SET "Count" = "AttemptCounters"."Count" + 1
            RETURNING "Count" AS "Value"
            """).ToListAsync(ct);
        if (counts[0] == 1)
        {
            // A partition's first attempt of a window is rare enough to clear windows that ended an hour ago.
            var old = windowStart.AddHours(-1);
            await db.AttemptCounters.Where(c => c.WindowStart < old).ExecuteDeleteAsync(ct);
        }

        return counts[0];
    }

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
/// shares one count (<see cref="AttemptCounters.UseSharedAttemptLimit"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SharedAttemptLimitAttribute : Attribute;
