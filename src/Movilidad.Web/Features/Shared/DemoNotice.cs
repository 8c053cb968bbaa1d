using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Demo;

namespace Movilidad.Web.Features.Shared;

/// <summary>
/// Whether the database holds the demonstration data set (<c>movilidad seed --demo</c>), so every page can say so. The
/// answer is kept per database until the content changes (<see cref="DataVersion"/>) or, for changes made by the command
/// line in another process, for at most <see cref="DataVersion.MaximumAge"/>.
/// </summary>
public static class DemoNotice
{
    private static readonly ConcurrentDictionary<string, Known> KnownByDatabase = new(StringComparer.Ordinal);

    public static async Task<bool> IsShownAsync(MovilidadDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var database = db.Database.GetConnectionString() ?? string.Empty;
        if (KnownByDatabase.TryGetValue(database, out var k) && k.Version == DataVersion.Current && now - k.At < DataVersion.MaximumAge)
        {
            return k.Present;
        }

        var version = DataVersion.Current;
        bool present;
        try
        {
            present = await DemoData.IsPresentAsync(db, ct);
        }
        catch (Exception e) when (Movilidad.Web.Infrastructure.Web.DatabaseUnavailable.Is(e))
        {
            // The error page that says the database is unavailable must not need it: the last answer known, else none.
            return k?.Present ?? false;
        }

        KnownByDatabase[database] = new Known(version, now, present);
        return present;
    }

    private sealed record Known(long Version, DateTimeOffset At, bool Present);
}
