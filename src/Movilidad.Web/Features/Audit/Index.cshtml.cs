using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Pages;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.Audit;

/// <summary>The audit trail, filtered by entity, person, country and date. The Secretariat sees all of it; a focal point their countries' part.</summary>
public class IndexModel(MovilidadDb db, IAuthorizationService authorization, AuditSeal seal) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>Where the page starts in the trail, newest first (0-based).</summary>
    [BindProperty(SupportsGet = true)]
    public int Start { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Size { get; set; } = Paging.DefaultSize;

    public Paged<AuditEntry> Entries { get; private set; } = null!;

    /// <summary>The signed checkpoint of the chain's head, for those who read the whole trail; null for the others.</summary>
    public CheckpointState? Checkpoint { get; private set; }

    /// <summary>Whether the newest entry is the one the checkpoint names, with its hash (false: entries were removed or added past it).</summary>
    public bool HeadMatches { get; private set; }

    /// <summary>Null when every country is visible (the Secretariat).</summary>
    public IReadOnlyList<string>? Countries { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await authorization.CanAsync(User, AuditOperations.Read))
        {
            var own = new List<string>();
            foreach (var country in User.FocalCountries())
            {
                if (await authorization.CanAsync(User, AuditOperations.Read, new CountryScope(country)))
                {
                    own.Add(country);
                }
            }

            if (own.Count == 0)
            {
                return Forbid();
            }

            Countries = own;
        }

        if (Countries is null)
        {
            Checkpoint = await CheckpointState.ReadAsync(db, seal, ct);
            var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(ct);
            HeadMatches = Checkpoint.Checkpoint is { } anchor && head is not null && head.Id == anchor.LastEntryId && head.Hash == anchor.Hash;
        }

        var query = db.AuditEntries.AsNoTracking();
        if (Countries is { } countries)
        {
            query = query.Where(e => e.Country != null && countries.Contains(e.Country));
        }

        if (Country is { Length: > 0 } c)
        {
            var code = c.ToUpperInvariant();
            query = query.Where(e => e.Country == code);
        }

        if (Entity is { Length: > 0 } entity)
        {
            query = query.Where(e => e.EntityType == entity);
        }

        if (Id is { Length: > 0 } id)
        {
            query = query.Where(e => e.EntityId == id);
        }

        if (Person is { Length: > 0 } person)
        {
            query = query.Where(e => e.Actor.Contains(person));
        }

        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.At >= start);
        }

        if (To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.At < end);
        }

        Entries = await query.OrderByDescending(e => e.Id).PageAsync(Start, Size, ct);
        Size = Entries.Size;
        return Page();
    }

    /// <summary>The trail with the same filters and page size, starting at <paramref name="start"/>.</summary>
    public string Link(int start) => Paging.Link("/audit", new Dictionary<string, string?>
    {
        ["entity"] = Entity, ["id"] = Id, ["person"] = Person, ["country"] = Country,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    }, Size, start);

    public static string Format(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The kinds of entity the audit trail records, as the filter offers them.</summary>
    public static readonly IReadOnlyList<string> EntityTypes =
    [
        "plan", "plan-element", "institution", "activity", "activity-country", "concept-note", "comment", "indicator", "indicator-target", "indicator-report",
        "indicator-values", "reporting-period", "report", "report-narrative", "pledge", "practice", "labour-dataset", "account", "api-token",
    ];

    /// <summary>An entity's kind in the reader's language (the code itself for a kind without a name yet).</summary>
    public static string EntityLabel(Microsoft.Extensions.Localization.IStringLocalizer text, string type) =>
        text["AuditEntity." + type] is { ResourceNotFound: false } named ? named.Value : type;
}
