using Movilidad.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Features.Indicators;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Pledges;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Pledges;

/// <summary>The quarterly update form as typed.</summary>
public sealed class UpdateForm
{
    public int Version { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public PledgeStatus Status { get; set; } = PledgeStatus.InProgress;
    public string? Narrative { get; set; }
    public string? EvidenceUrl { get; set; }
    public IFormFile? EvidenceFile { get; set; }
}

[AllowAnonymous]
public class DetailsModel(MovilidadDb db, IndicatorDashboard dashboard, IAuthorizationService auth, TimeProvider clock) : PledgePage
{
    public PledgeSnapshot Pledge { get; private set; } = null!;
    public PledgeChoices Choices { get; private set; } = null!;
    public Bilingual? MatchingTitle { get; private set; }
    public IReadOnlyList<(int Id, Bilingual Title)> MatchedBy { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanPublish { get; private set; }
    public bool ReadsHistory { get; private set; }

    /// <summary>The indicators the pledge contributes to; their progress only for those who read the indicators.</summary>
    public IReadOnlyList<LinkedIndicator> IndicatorLinks { get; private set; } = [];
    public bool ReadsIndicators { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>The quarters offered in the update form: the current one and the four before it.</summary>
    public IReadOnlyList<YearQuarter> Quarters { get; private set; } = [];

    [BindProperty]
    public UpdateForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Form.Year = YearQuarter.LastEnded(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).Year;
        Form.Quarter = YearQuarter.LastEnded(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).Quarter;
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostUpdateAsync(int id, CancellationToken ct)
    {
        if (!await PledgesApi.CanEditAsync(id, HttpContext, db, auth, ct))
        {
            return Forbid();
        }

        EvidenceFile? file = null;
        if (Form.EvidenceFile is { Length: > 0 } upload)
        {
            if (upload.Length > PledgeEditing.MaxEvidenceBytes)
            {
                return await RefuseAsync(new Dictionary<string, string[]> { ["evidenceFile"] = ["too large"] }, () => ShowAsync(id, ct));
            }

            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer, ct);
            file = new EvidenceFile(upload.FileName, upload.ContentType, buffer.ToArray());
        }

        var edit = new QuarterlyUpdateEdit(Form.Version, Form.Year, Form.Quarter, Form.Status, Form.Narrative, Form.EvidenceUrl);
        return await OutcomeAsync(id, await db.RecordUpdateAsync(id, edit, file, AuditActor.From(HttpContext), clock, ct), ct);
    }

    /// <summary>The proposed co-pledgers this person may confirm (their own country's state; the Secretariat any).</summary>
    public IReadOnlySet<int> Confirmable { get; private set; } = new HashSet<int>();

    public async Task<IActionResult> OnPostConfirmAsync(int id, int institution, CancellationToken ct)
    {
        if (!await auth.CanAsync(User, PledgeOperations.ConfirmCoPledger, new CountryScope(await db.StateCountryAsync(institution, ct) ?? string.Empty)))
        {
            return Forbid();
        }

        return await OutcomeAsync(id, await db.ConfirmCoPledgerAsync(id, institution, new CoPledgerConfirmation(Form.Version), AuditActor.From(HttpContext), clock, ct), ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, bool publish, CancellationToken ct)
    {
        if (!await auth.CanAsync(User, PledgeOperations.Publish))
        {
            return Forbid();
        }

        return await OutcomeAsync(id, await db.PublishAsync(id, new PublicationChange(Form.Version, publish), AuditActor.From(HttpContext), clock, ct), ct);
    }

    private Task<IActionResult> OutcomeAsync(int id, WriteOutcome<PledgeSnapshot> outcome, CancellationToken ct) =>
        PageAfterWriteAsync(outcome, $"/pledges/{Int(id)}", () => ShowAsync(id, ct));

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (!await db.Pledges.VisibleTo(User).AnyAsync(p => p.Id == id, ct) || await db.FindPledgeAsync(id, ct) is not { } pledge)
        {
            return NotFound();
        }

        Pledge = PledgeEditing.Snapshot(pledge);
        Choices = await db.PledgeChoicesAsync(User, ct);
        MatchingTitle = pledge.MatchingPledgeId is { } matching
            ? await db.Pledges.AsNoTracking().VisibleTo(User).Where(p => p.Id == matching).Select(p => p.Title).SingleOrDefaultAsync(ct)
            : null;
        MatchedBy = (await db.Pledges.AsNoTracking().VisibleTo(User).Where(p => p.MatchingPledgeId == id).OrderBy(p => p.Id).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
            .Select(p => (p.Id, p.Title)).ToList();
        var scope = await db.PledgeScopeAsync(pledge, User, ct);
        CanEdit = await auth.CanAsync(User, PledgeOperations.Edit, scope);
        ReadsHistory = await auth.CanAsync(User, PledgeOperations.ReadUnpublished, scope);
        CanPublish = await auth.CanAsync(User, PledgeOperations.Publish);
        var confirmable = new HashSet<int>();
        foreach (var pledger in Pledge.Pledgers.Where(x => x.Proposed && x.Country is not null))
        {
            if (await auth.CanAsync(User, PledgeOperations.ConfirmCoPledger, new CountryScope(pledger.Country!)))
            {
                confirmable.Add(pledger.Id);
            }
        }

        Confirmable = confirmable;
        ReadsIndicators = await auth.CanAsync(User, IndicatorOperations.Read);
        IndicatorLinks = await db.LinkedIndicatorsAsync(Pledge.Indicators, ReadsIndicators ? dashboard : null, ct);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var current = YearQuarter.Of(Today);
        Quarters = [current, current.Previous, current.Previous.Previous, current.Previous.Previous.Previous, current.Previous.Previous.Previous.Previous];
        Form.Version = Pledge.Version;
        return Page();
    }
}
