using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Demo;
using Movilidad.Web.Infrastructure.Web;

namespace Movilidad.Web.Features.Shared;

/// <summary>
/// Whether the database holds the demonstration data set (<c>movilidad seed --demo</c>), so every page can say so. The
/// answer is kept per database in the <see cref="ContentCache"/> until the content changes (on any node or by the command line).
/// </summary>
public static class DemoNotice
{
    private sealed record Key(string? Database);

    private sealed record Known(bool Present);

    public static async Task<bool> IsShownAsync(MovilidadDb db, ContentCache cache, CancellationToken ct)
    {
        try
        {
            return (await cache.GetOrComputeAsync(new Key(db.Database.GetConnectionString()), async () => new Known(await DemoData.IsPresentAsync(db, ct)), ct))!.Present;
        }
        catch (Exception e) when (DatabaseUnavailable.Is(e))
        {
            // The error page that says the database is unavailable must not need it.
            return false;
        }
    }
}
