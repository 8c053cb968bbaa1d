using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Web.Features.Indicators;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.Monitoring.Activities;

/// <summary>What a focal point must follow up: their countries' shares that are late or end within the next weeks.</summary>
public class DueModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    /// <summary>How far ahead a share counts as due.</summary>
    public const int HorizonDays = 30;

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    public DateOnly Today { get; private set; }
    public IReadOnlyList<DueShare> Late { get; private set; } = [];
    public IReadOnlyList<DueShare> Soon { get; private set; } = [];
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
        var due = await db.DueSharesAsync(Countries, Today.AddDays(HorizonDays + 1), ct);
        Late = due.Where(s => s.IsLate(Today)).ToList();
        Soon = due.Where(s => !s.IsLate(Today)).ToList();
        Reports = await db.DueReportsAsync(Countries, Today, ct);
        return Page();
    }
}
