using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Institutions;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Meetings;

/// <summary>
/// The meetings, newest first, filtered by kind, working group, country and year, paged; for those who work on the plans,
/// the working groups' meetings held per year with indicator R3 and the flag of a group below two meetings a year.
/// </summary>
[AllowAnonymous]
public class IndexModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : MeetingsPage
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? WorkingGroup { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Start { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Size { get; set; } = Paging.DefaultSize;

    public Paged<MeetingSummary> Meetings { get; private set; } = null!;

    /// <summary>The working groups' years (empty for readers who do not work on the plans).</summary>
    public IReadOnlyList<WorkingGroupYear> PerYear { get; private set; } = [];
    public bool MayRecord { get; private set; }
    public bool MayRead { get; private set; }
    public IReadOnlyList<string> Countries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadNamesAsync(db, ct);
        var page = await db.Meetings.AsNoTracking().MeetingPageAsync(new MeetingFilter(Blank(Kind), WorkingGroup, Blank(Country), null, Year), Start, Size, ct);
        Meetings = new Paged<MeetingSummary>(page.Items, page.Total, page.Start, page.Size);
        Size = page.Size;
        Countries = (await db.MemberCountriesAsync(ct)).OrderBy(CountryName, StringComparer.CurrentCulture).ToList();
        MayRead = await auth.CanAsync(User, MeetingOperations.Read);
        if (MayRead)
        {
            PerYear = await db.PerWorkingGroupAsync(null, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        }

        MayRecord = Grants.Of(User).Any(g => g.Role is Role.Secretariat or Role.WorkingGroupMember or Role.FocalPoint);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public string Link(int start) => Paging.Link("/meetings", new Dictionary<string, string?>
    {
        ["kind"] = Kind, ["workingGroup"] = WorkingGroup is { } g ? Int(g) : null, ["country"] = Country, ["year"] = Year is { } y ? Int(y) : null,
    }, Size, start);
}
