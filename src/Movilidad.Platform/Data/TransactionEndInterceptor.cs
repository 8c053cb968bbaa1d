using Microsoft.EntityFrameworkCore;

namespace Movilidad.Platform.Data;

/// <summary>
/// What waits for a transaction to commit (never one rolled back): the audit checkpoint appended to the checkpoint file, and
/// the data version moved for the content changes saved in it.
/// </summary>
internal sealed class TransactionEndInterceptor : Microsoft.EntityFrameworkCore.Diagnostics.DbTransactionInterceptor
{
    public static readonly TransactionEndInterceptor Instance = new();

    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData) =>
        Flush(eventData.Context, committed: true);

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData) =>
        Flush(eventData.Context, committed: false);

    public override Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context, committed: false);
        return Task.CompletedTask;
    }

    private static void Flush(DbContext? context, bool committed)
    {
        if (context is not MovilidadDb db)
        {
            return;
        }

        if (db.PendingCheckpoint is { } checkpoint)
        {
            db.PendingCheckpoint = null;
            if (committed)
            {
                db.Seal?.Append(checkpoint);
            }
        }

        if (db.PendingContentChange)
        {
            if (committed)
            {
                db.AnnounceContentChange();
            }
            else
            {
                db.PendingContentChange = false;
            }
        }
    }
}
