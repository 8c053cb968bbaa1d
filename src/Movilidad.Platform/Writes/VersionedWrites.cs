using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Writes;

/// <summary>
/// How a feature's editable item is written: how to load it with what its view needs, the view the API answers with and
/// the audit trail keeps before and after each write (all of it, or the part <paramref name="Audited"/> picks), its key
/// in the trail and the country the entry is filed under.
/// </summary>
public sealed record Editable<TEntity, TView>(
    string EntityType,
    Func<MovilidadDb, int, CancellationToken, Task<TEntity?>> Find,
    Func<TEntity, TView> View,
    Func<TEntity, string> Key,
    Func<TEntity, string?>? Country = null,
    Func<TView, object?>? Audited = null)
    where TEntity : class, IVersioned
{
    internal AuditRecord Record(string action, TEntity entity, TView? before) =>
        new(action, EntityType, Key(entity), before is null ? null : Part(before), Part(View(entity)), Country?.Invoke(entity));

    private object? Part(TView view) => Audited is null ? view : Audited(view);
}

/// <summary>
/// The one versioned, audited save every feature writes through: find the item, check the version the person read,
/// validate, apply, move the version on, save with its audit entry in one transaction, and answer a concurrent save
/// with the item as the other person left it.
/// </summary>
public static class VersionedWrites
{
    /// <summary>Adds a new item (already validated by the caller) with its audit entry, recorded as <paramref name="action"/> (create unless named).</summary>
    public static async Task<WriteOutcome<TView>> CreateAsync<TEntity, TView>(
        this MovilidadDb db, Editable<TEntity, TView> kind, TEntity entity, AuditActor actor, TimeProvider clock, CancellationToken ct, string action = AuditActions.Create)
        where TEntity : class, IVersioned
    {
        db.Add(entity);
        await db.SaveAuditedAsync(actor, () => kind.Record(action, entity, default), clock, ct);
        return new WriteOutcome<TView>.Saved(kind.View(entity));
    }

    /// <summary>
    /// Changes an item the person read at <paramref name="version"/>: <paramref name="validate"/> runs on the item as saved
    /// (errors stop the write), then <paramref name="apply"/> changes it and the write is saved as <paramref name="action"/>.
    /// </summary>
    public static async Task<WriteOutcome<TView>> EditAsync<TEntity, TView>(
        this MovilidadDb db, Editable<TEntity, TView> kind, int id, int version, string action,
        Func<TEntity, Task<IDictionary<string, string[]>>> validate, Func<TEntity, Task> apply, AuditActor actor, TimeProvider clock, CancellationToken ct)
        where TEntity : class, IVersioned
    {
        var entity = await kind.Find(db, id, ct);
        if (entity is null)
        {
            return new WriteOutcome<TView>.NotFound();
        }

        if (entity.Version != version)
        {
            return new WriteOutcome<TView>.Conflict(kind.View(entity));
        }

        if (await validate(entity) is { Count: > 0 } errors)
        {
            return new WriteOutcome<TView>.Invalid(errors);
        }

        var before = kind.View(entity);
        await apply(entity);
        entity.Version++;
        return await db.CommitAsync(kind, id, entity, action, before, actor, clock, ct);
    }

    /// <summary>The same, for a change whose only rule is the version the person read.</summary>
    public static Task<WriteOutcome<TView>> EditAsync<TEntity, TView>(
        this MovilidadDb db, Editable<TEntity, TView> kind, int id, int version, string action, Action<TEntity> apply, AuditActor actor, TimeProvider clock, CancellationToken ct)
        where TEntity : class, IVersioned =>
        db.EditAsync(kind, id, version, action, _ => Task.FromResult<IDictionary<string, string[]>>(new Dictionary<string, string[]>()), e =>
        {
            apply(e);
            return Task.CompletedTask;
        }, actor, clock, ct);

    /// <summary>
    /// Saves a changed item and its audit entry; a save that another person's beat (the version moved meanwhile) is answered
    /// with the item as they left it, or not found if they deleted it.
    /// </summary>
    public static async Task<WriteOutcome<TView>> CommitAsync<TEntity, TView>(
        this MovilidadDb db, Editable<TEntity, TView> kind, int id, TEntity entity, string action, TView before, AuditActor actor, TimeProvider clock, CancellationToken ct)
        where TEntity : class, IVersioned
    {
        try
        {
            // The version check reads; the concurrency token makes the UPDATE itself fail if someone saved in between.
            await db.SaveAuditedAsync(actor, () => kind.Record(action, entity, before), clock, ct);
            return new WriteOutcome<TView>.Saved(kind.View(entity));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await kind.Find(db, id, ct);
            return current is null ? new WriteOutcome<TView>.NotFound() : new WriteOutcome<TView>.Conflict(kind.View(current));
        }
    }
}
