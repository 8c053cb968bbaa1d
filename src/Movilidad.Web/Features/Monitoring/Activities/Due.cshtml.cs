using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Web.Features.Indicators;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Monitoring.Activities;

/// <summary>What a focal point must follow up: their countries' shares that are late or end within the next weeks.</summary>
public class DueModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    /// <summary>How far ahead a share counts as due.</summary>
    public const int HorizonDays = 30;

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    /// <summary>Where the page of late shares starts (0-based).</summary>
    [BindProperty(SupportsGet = true)]
    public int Start { get; set; }

    /// <summary>Where the page of shares due soon starts (0-based).</summary>
    [BindProperty(SupportsGet = true)]
    public int SoonStart { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Size { get; set; } = Paging.DefaultSize;

    public DateOnly Today { get; private set; }
    public Paged<DueShare> Late { get; private set; } = null!;
    public Paged<DueShare> Soon { get; private set; } = null!;
    public IReadOnlyCollection<string> Countries { get; private set; } = [];

    /// <summary>Indicator values the countries must report now (ended periods, not locked, values not sent).</summary>
    public IReadOnlyList<DueReport> Reports { get; private set; } = [];
    public ActivityChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await auth.CanAsync(User, MonitoringOperations.Read))
        {
            return Forbid();
        }

        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Choices = await db.ActivityChoicesAsync(ct);

        // A focal point sees their own countries unless they ask for another one; everyone else sees all.
        Countries = !string.IsNullOrEmpty(Country) ? [Country.ToUpperInvariant()] : User.FocalCountries().ToList();
        Late = await db.DueSharePageAsync(Countries, null, Today, Start, Size, ct);
        Soon = await db.DueSharePageAsync(Countries, Today, Today.AddDays(HorizonDays + 1), SoonStart, Size, ct);
        (Size, Start, SoonStart) = (Late.Size, Late.Start, Soon.Start);
        Reports = await db.DueReportsAsync(Countries, Today, ct);
        return Page();
    }

    /// <summary>The late shares from <paramref name="start"/>, the other list where it is (same country and page size).</summary>
    public string LateLink(int start) => Link(start, SoonStart) + "#late";

    /// <summary>The shares due soon from <paramref name="start"/>, the late ones where they are.</summary>
    public string SoonLink(int start) => Link(Start, start) + "#soon";

    private string Link(int lateStart, int soonStart) => Paging.Link("/monitoring/due", new Dictionary<string, string?>
    {
        ["country"] = Country, ["soonStart"] = soonStart > 0 ? soonStart.ToString(CultureInfo.InvariantCulture) : null,
    }, Size, lateStart);
}
