using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Auth;

/// <summary>How many requests one partition (a client address on the sign-in pages, a person or an address on the API, a person writing comments) made in one fixed window, on every web node together.</summary>
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
    public static Task<int> CountAttemptAsync(this MovilidadDb db, string partition, DateTime windowStart, CancellationToken ct) =>
        db.AddAttemptsAsync(partition, windowStart, 1, ct);

    /// <summary>
    /// Adds <paramref name="attempts"/> to the partition's window (the same atomic upsert) and returns the window's count
    /// on every node together; with none to add, only reads it (0 when the window has no row yet).
    /// </summary>
    public static async Task<int> AddAttemptsAsync(this MovilidadDb db, string partition, DateTime windowStart, int attempts, CancellationToken ct)
    {
        if (attempts == 0)
        {
            return await db.AttemptCounters.Where(c => c.Partition == partition && c.WindowStart == windowStart).Select(c => c.Count).FirstOrDefaultAsync(ct);
        }

        var counts = await db.Database.SqlQuery<int>($"""
            INSERT INTO "AttemptCounters" ("Partition", "WindowStart", "Count") VALUES ({partition}, {windowStart}, {attempts})
            ON CONFLICT ("Partition", "WindowStart") DO UPDATE SET "Count" = "AttemptCounters"."Count" + {attempts}
            RETURNING "Count" AS "Value"
            """).ToListAsync(ct);
        if (counts[0] == attempts)
        {
            // A partition's first attempts of a window are rare enough to clear windows that ended an hour ago.
            var old = windowStart.AddHours(-1);
            await db.AttemptCounters.Where(c => c.WindowStart < old).ExecuteDeleteAsync(ct);
        }

        return counts[0];
    }
}
