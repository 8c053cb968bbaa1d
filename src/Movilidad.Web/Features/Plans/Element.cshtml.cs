using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Web.Features.Comments;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.Plans;

[AllowAnonymous]
public class ElementModel(MovilidadDb db, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public ElementDetail? Element { get; private set; }
    public bool CanEdit { get; private set; }

    /// <summary>Whether the person adds elements under this one: a plan made here, by the Secretariat or its working group while a draft.</summary>
    public bool CanAddUnder { get; private set; }

    /// <summary>The history tab is for the people who work on the plans (those who read unpublished content).</summary>
    public bool ReadsHistory { get; private set; }

    /// <summary>The comments section, for signed-in readers only.</summary>
    public CommentThread? Comments { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Element = await db.ElementDetailAsync(id, ct);
        if (Element is null)
        {
            return NotFound();
        }

        CanEdit = User.Identity?.IsAuthenticated == true && await authorization.CanAsync(User, PlanOperations.Edit, await db.ScopeAsync(id, ct));
        ReadsHistory = PlanPermissions.ReadsUnpublished(User);
        CanAddUnder = User.Identity?.IsAuthenticated == true && Element.SourceDocument.Length == 0
            && await db.PlanScopeAsync(Element.Plan.Id, ct) is { } scope && await authorization.CanAsync(User, PlanOperations.Create, scope);
        Comments = await CommentThread.LoadAsync(db, authorization, HttpContext, ElementEditing.EntityType, id.ToString(System.Globalization.CultureInfo.InvariantCulture), clock, ct);
        return Page();
    }
}
