using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Audit;

/// <summary>
/// One version of an item as the audit trail recorded it: who saved it, when, from where (shown only to those who
/// read the audit), which part of the item (an activity's history holds its country shares and concept note too),
/// and the values before and after.
/// </summary>
public sealed record HistoryEntry(long Id, DateTime At, string Actor, string? Address, string? Via, string Action, string EntityType, string EntityId, string? Before, string? After);

/// <summary>What the history tab shows: the versions newest first, and the comparison of two of them if asked for.</summary>
public sealed record HistoryView(IReadOnlyList<HistoryEntry> Entries, HistoryComparison? Comparison, long? From, long? To)
{
    /// <summary>True when the entries are parts of one item of different kinds (an activity, its country shares, its concept note).</summary>
    public bool HasParts => Entries.Select(e => (e.EntityType, e.EntityId)).Distinct().Skip(1).Any();
}

/// <summary>Two versions side by side: the fields whose values differ, or why they cannot be compared.</summary>
public sealed record HistoryComparison(HistoryEntry Older, HistoryEntry Newer, IReadOnlyList<FieldChange> Changes, string? Problem);

public static class ItemHistory
{
    public const string DifferentItems = "History.DifferentItems";

    /// <summary>Every audited version of the entries the filter picks (an item, or an item and its parts), newest first.</summary>
    public static Task<List<HistoryEntry>> HistoryAsync(this MovilidadDb db, Expression<Func<AuditEntry, bool>> of, CancellationToken ct) =>
        db.AuditEntries.AsNoTracking().Where(of).OrderByDescending(e => e.Id)
            .Select(e => new HistoryEntry(e.Id, e.At, e.Actor, e.Address, e.Via, e.Action, e.EntityType, e.EntityId, e.Before, e.After))
            .ToListAsync(ct);

    public static Task<List<HistoryEntry>> HistoryAsync(this MovilidadDb db, string entityType, string entityId, CancellationToken ct) =>
        db.HistoryAsync(e => e.EntityType == entityType && e.EntityId == entityId, ct);

    /// <summary>
    /// The view of a history, comparing the versions <paramref name="from"/> and <paramref name="to"/> (audit entry ids)
    /// when both are given: what changed from the state after the older write to the state after the newer one.
    /// </summary>
    public static HistoryView View(IReadOnlyList<HistoryEntry> entries, long? from, long? to, bool showsAddress)
    {
        HistoryComparison? comparison = null;
        if (from is { } a && to is { } b && entries.FirstOrDefault(e => e.Id == Math.Min(a, b)) is { } older && entries.FirstOrDefault(e => e.Id == Math.Max(a, b)) is { } newer)
        {
            comparison = older.EntityType != newer.EntityType || older.EntityId != newer.EntityId
                ? new HistoryComparison(older, newer, [], DifferentItems)
                : new HistoryComparison(older, newer, AuditDiff.Between(older.After, newer.After), null);
        }

        return new HistoryView(ForReader(entries, showsAddress), comparison is null ? null : comparison with
        {
            Older = ForReader([comparison.Older], showsAddress)[0],
            Newer = ForReader([comparison.Newer], showsAddress)[0],
        }, from, to);
    }

    /// <summary>The client address of a write is personal data: only the people who read the whole audit trail see it.</summary>
    public static IReadOnlyList<HistoryEntry> ForReader(IReadOnlyList<HistoryEntry> entries, bool showsAddress) =>
        showsAddress ? entries : entries.Select(e => e with { Address = null }).ToList();
}
