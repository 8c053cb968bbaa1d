using Microsoft.EntityFrameworkCore.ChangeTracking;
using Movilidad.Platform.Accounts;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Audit;

namespace Movilidad.Platform.Data;

/// <summary>
/// A number that grows whenever this process saves content through <see cref="MovilidadDb"/> (anything but accounts,
/// tokens, sign-in counters, keys and the audit trail): figures derived from the content may be kept while it stays the same.
/// Writes that bypass the change tracker (ExecuteUpdate/ExecuteDelete, raw SQL) or come from another process do not move it,
/// so whatever is kept under it also expires after <see cref="MaximumAge"/>.
/// </summary>
public static class DataVersion
{
    public static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(1);

    private static long current;

    public static long Current => Interlocked.Read(ref current);

    public static void Bump() => Interlocked.Increment(ref current);

    /// <summary>Whether a save may change content: any tracked content entity counts, whatever its state (erring towards a new version).</summary>
    internal static bool MayTouchContent(ChangeTracker tracker) =>
        tracker.Entries().Any(e => e.Entity is not (AuditEntry or AuditCheckpoint or AttemptCounter or DataProtectionKey or ApiToken or Account or RoleGrant));
}
