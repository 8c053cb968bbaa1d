using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Comments;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Comments;

/// <summary>
/// A comment as one reader sees it. A hidden comment's text is shown only to its author and to the Secretariat;
/// everyone else sees that it was hidden and why.
/// </summary>
public sealed record CommentView(int Id, string EntityType, string EntityId, int AuthorId, string Author, string? Text, DateTime CreatedAt, DateTime? EditedAt,
    bool Hidden, string? HiddenReason, int Version, bool CanEdit, bool CanDelete);

public sealed record CommentNew(string EntityType, string EntityId, string Text);

public sealed record CommentEdit(int Version, string Text);

public sealed record CommentHide(int Version, string Reason);

/// <summary>Writing, editing, deleting and hiding comments: each write is one transaction with its audit entry.</summary>
public static class Commenting
{
    public const string EntityType = "comment";

    /// <summary>How long an author may still edit a comment: long enough to fix a slip, short enough that replies keep their meaning.</summary>
    public static readonly TimeSpan EditWindow = TimeSpan.FromHours(24);

    /// <summary>The comments on an item that are not deleted, oldest first, as <paramref name="reader"/> sees them.</summary>
    public static async Task<List<CommentView>> CommentsAsync(this MovilidadDb db, string entityType, string entityId, int? reader, bool moderator, DateTime now, CancellationToken ct)
    {
        var rows = await db.Comments.AsNoTracking()
            .Where(c => c.EntityType == entityType && c.EntityId == entityId && c.DeletedAt == null)
            .OrderBy(c => c.Id)
            .Select(c => new { Comment = c, Author = c.Account!.DisplayName != string.Empty ? c.Account.DisplayName : c.Account.Email })
            .ToListAsync(ct);
        return rows.Select(r => View(r.Comment, r.Author, reader, moderator, now)).ToList();
    }

    public static CommentView View(Comment c, string author, int? reader, bool moderator, DateTime now)
    {
        var own = reader == c.AccountId;
        var hidden = c.HiddenAt is not null;
        return new CommentView(c.Id, c.EntityType, c.EntityId, c.AccountId, author, !hidden || own || moderator ? c.Text : null, c.CreatedAt, c.EditedAt,
            hidden, c.HiddenReason, c.Version, own && !hidden && now - c.CreatedAt <= EditWindow, own);
    }

    public static async Task<WriteOutcome<CommentView>> AddAsync(this MovilidadDb db, CommentTarget target, int accountId, string? text, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (Validate(text) is { } invalid)
        {
            return invalid;
        }

        var now = Now(clock);
        var author = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.DisplayName != string.Empty ? a.DisplayName : a.Email).SingleAsync(ct);
        var comment = new Comment { EntityType = target.EntityType, EntityId = target.EntityId, AccountId = accountId, Text = text!.Trim(), CreatedAt = now };
        db.Comments.Add(comment);
        await db.SaveAuditedAsync(actor, () => new AuditRecord(AuditActions.Create, EntityType, Key(comment), null, Snapshot(comment)), clock, ct);
        return new WriteOutcome<CommentView>.Saved(View(comment, author, accountId, moderator: false, now));
    }

    public static Task<WriteOutcome<CommentView>> EditAsync(this MovilidadDb db, int id, int accountId, CommentEdit edit, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.ChangeAsync(id, edit.Version, actor, clock, AuditActions.Update, moderator: false, (comment, now) =>
        {
            if (comment.AccountId != accountId)
            {
                return new WriteOutcome<CommentView>.Forbidden();
            }

            if (comment.HiddenAt is not null || now - comment.CreatedAt > EditWindow)
            {
                return new WriteOutcome<CommentView>.Invalid(new Dictionary<string, string[]> { ["text"] = ["A comment can be edited for 24 hours after it is written, and not once it is hidden."] });
            }

            if (Validate(edit.Text) is { } invalid)
            {
                return invalid;
            }

            comment.Text = edit.Text.Trim();
            comment.EditedAt = now;
            return null;
        }, ct);

    public static Task<WriteOutcome<CommentView>> DeleteAsync(this MovilidadDb db, int id, int accountId, int version, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.ChangeAsync(id, version, actor, clock, AuditActions.Delete, moderator: false, (comment, now) =>
        {
            if (comment.AccountId != accountId)
            {
                return new WriteOutcome<CommentView>.Forbidden();
            }

            comment.DeletedAt = now;
            return null;
        }, ct);

    /// <summary>The Secretariat hides a comment: it stays (and its author still sees it), everyone else sees the reason instead.</summary>
    public static Task<WriteOutcome<CommentView>> HideAsync(this MovilidadDb db, int id, CommentHide hide, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.ChangeAsync(id, hide.Version, actor, clock, AuditActions.Hide, moderator: true, (comment, now) =>
        {
            if (string.IsNullOrWhiteSpace(hide.Reason) || hide.Reason.Length > Comment.MaxReasonLength)
            {
                return new WriteOutcome<CommentView>.Invalid(new Dictionary<string, string[]> { ["reason"] = [$"A reason of at most {Comment.MaxReasonLength} characters is required to hide a comment."] });
            }

            comment.HiddenAt = now;
            comment.HiddenReason = hide.Reason.Trim();
            return null;
        }, ct);

    /// <summary>Loads a live comment, checks its version, lets <paramref name="change"/> apply (or refuse) the change, and saves it audited.</summary>
    private static async Task<WriteOutcome<CommentView>> ChangeAsync(this MovilidadDb db, int id, int version, AuditActor actor, TimeProvider clock, string action, bool moderator,
        Func<Comment, DateTime, WriteOutcome<CommentView>?> change, CancellationToken ct)
    {
        var comment = await db.Comments.Include(c => c.Account).SingleOrDefaultAsync(c => c.Id == id && c.DeletedAt == null, ct);
        if (comment is null)
        {
            return new WriteOutcome<CommentView>.NotFound();
        }

        var now = Now(clock);
        var author = comment.Account!.DisplayName is { Length: > 0 } name ? name : comment.Account.Email;
        if (comment.Version != version)
        {
            return new WriteOutcome<CommentView>.Conflict(View(comment, author, actor.AccountId, moderator, now));
        }

        var before = Snapshot(comment);
        if (change(comment, now) is { } refused)
        {
            return refused;
        }

        comment.Version++;
        try
        {
            await db.SaveAuditedAsync(actor, () => new AuditRecord(action, EntityType, Key(comment), before, Snapshot(comment)), clock, ct);
            return new WriteOutcome<CommentView>.Saved(View(comment, author, actor.AccountId, moderator, now));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Comments.AsNoTracking().SingleAsync(c => c.Id == id, ct);
            return new WriteOutcome<CommentView>.Conflict(View(current, author, actor.AccountId, moderator, now));
        }
    }

    private static WriteOutcome<CommentView>.Invalid? Validate(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Trim().Length > Comment.MaxLength
            ? new WriteOutcome<CommentView>.Invalid(new Dictionary<string, string[]> { ["text"] = [$"A comment needs between 1 and {Comment.MaxLength} characters of text."] })
            : null;

    private static DateTime Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }

    private static string Key(Comment c) => c.Id.ToString(CultureInfo.InvariantCulture);

    private static object Snapshot(Comment c) => new { c.EntityType, c.EntityId, c.AccountId, c.Text, c.EditedAt, c.DeletedAt, c.HiddenAt, c.HiddenReason, c.Version };
}
