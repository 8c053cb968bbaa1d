using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Comments;

/// <summary>
/// The writes of the comments section: add one on an item, and for one comment, edit or delete it (its author) or
/// hide it with a reason (the Secretariat). Success goes back to the item's comments; a refusal shows this page with
/// the message and the text kept.
/// </summary>
[CommentWriteLimit]
public class IndexModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : WritePage
{
    [BindProperty]
    public string? EntityType { get; set; }

    [BindProperty]
    public string? EntityId { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public CommentView? Comment { get; private set; }
    public string? ItemUrl { get; private set; }
    public bool CanModerate { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, ct);
        if (loaded is not null)
        {
            return loaded;
        }

        Text = Comment!.Text;
        Version = Comment.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!await auth.CanAsync(User, CommentOperations.Write))
        {
            return Forbid();
        }

        var (status, target) = await db.FindAsync(EntityType, EntityId, User, auth, ct);
        switch (status)
        {
            case TargetStatus.Forbidden:
                return Forbid();
            case TargetStatus.NotFound:
                return NotFound();
        }

        ItemUrl = target!.Url;
        var actor = AuditActor.From(HttpContext);
        return await Done(await db.AddAsync(target, actor.AccountId!.Value, Text, actor, clock, ct), null, ct);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, ct);
        if (loaded is not null)
        {
            return loaded;
        }

        var actor = AuditActor.From(HttpContext);
        return await Done(await db.EditAsync(id!.Value, actor.AccountId!.Value, new CommentEdit(Version, Text ?? string.Empty), actor, clock, ct), id, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int? id, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, ct);
        if (loaded is not null)
        {
            return loaded;
        }

        var actor = AuditActor.From(HttpContext);
        return await Done(await db.DeleteAsync(id!.Value, actor.AccountId!.Value, Version, actor, clock, ct), id, ct, deleted: true);
    }

    public async Task<IActionResult> OnPostHideAsync(int? id, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, ct);
        if (loaded is not null)
        {
            return loaded;
        }

        return CanModerate
            ? await Done(await db.HideAsync(id!.Value, new CommentHide(Version, Reason ?? string.Empty), AuditActor.From(HttpContext), clock, ct), id, ct)
            : Forbid();
    }

    /// <summary>Loads a live comment for its author or a moderator; the result is the answer to give instead, if any.</summary>
    private async Task<IActionResult?> LoadAsync(int? id, CancellationToken ct)
    {
        if (id is null)
        {
            return NotFound();
        }

        var row = await db.Comments.AsNoTracking().Where(c => c.Id == id && c.DeletedAt == null)
            .Select(c => new { Comment = c, Author = c.Account!.DisplayName != string.Empty ? c.Account.DisplayName : c.Account.Email })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return NotFound();
        }

        CanModerate = await auth.CanAsync(User, CommentOperations.Moderate);
        var reader = AuditActor.From(HttpContext).AccountId;
        if (reader != row.Comment.AccountId && !CanModerate)
        {
            return Forbid();
        }

        var (status, target) = await db.FindAsync(row.Comment.EntityType, row.Comment.EntityId, User, auth, ct);
        ItemUrl = status == TargetStatus.Found ? target!.Url : "/";
        Comment = Commenting.View(row.Comment, row.Author, reader, CanModerate, clock.GetUtcNow().UtcDateTime);
        return null;
    }

    private Task<IActionResult> Done(WriteOutcome<CommentView> outcome, int? id, CancellationToken ct, bool deleted = false) =>
        PageAfterWriteAsync(outcome, saved => Task.FromResult<IActionResult>(Redirect(deleted ? $"{ItemUrl}#comments" : $"{ItemUrl}#comment-{saved.Id}")),
            async () =>
            {
                if (id is not null && !IsConflict)
                {
                    await LoadAsync(id, ct);
                }

                return Page();
            },
            current =>
            {
                Comment = current;
                Version = current.Version;
            });
}
