namespace Movilidad.Web.Features;

/// <summary>
/// One link of a top-navigation menu: where it goes, the section (a page's <c>ViewData["Section"]</c>) it stands for,
/// and whether only those who work on the plans see it (a page of work in progress, which would only ask anyone else to sign in).
/// </summary>
public sealed record NavItem(string Href, string Label, string Section, bool StaffOnly = false);

/// <summary>
/// One disclosure menu of the top navigation. A page belongs to the menu whose section it names; the link marked as
/// the current page is the one whose address is the longest start of the page's path, or else the first link of the
/// page's section (an element page is under "Plans").
/// </summary>
public sealed record NavGroup(string Id, string Label, IReadOnlyList<NavItem> Items)
{
    public bool Holds(string? section, PathString path) => Current(section, path) is not null;

    /// <summary>The links shown to a person: all of them to those who work on the plans, the public pages to anyone else.</summary>
    public IEnumerable<NavItem> For(System.Security.Claims.ClaimsPrincipal user) =>
        Items.Where(i => !i.StaffOnly || Movilidad.Platform.Auth.Grants.Of(user).Any(g => g.WorksOnThePlans || g.Role == Movilidad.Platform.Auth.Role.Secretariat));

    public NavItem? Current(string? section, PathString path) =>
        Items.Where(i => path.StartsWithSegments(i.Href)).MaxBy(i => i.Href.Length)
        ?? Items.FirstOrDefault(i => i.Section == section);
}

/// <summary>The top navigation: home, then three menus grouping the platform's pages by what a person comes to do.</summary>
public static class NavMenu
{
    public static readonly IReadOnlyList<NavGroup> Groups =
    [
        new("plans", "Menu.Plans",
        [
            new("/plans", "Menu.AllPlans", "plans"),
            new("/roadmap", "Nav.Roadmap", "roadmap"),
            new("/institutions", "Nav.Institutions", "institutions"),
        ]),
        new("follow-up", "Menu.FollowUp",
        [
            new("/monitoring/activities", "Menu.Activities", "monitoring"),
            new("/indicators", "Menu.IndicatorDashboard", "indicators"),
            new("/indicators/reports", "Menu.Indicators", "indicators", StaffOnly: true),
            new("/monitoring/matrix", "Menu.Matrix", "monitoring", StaffOnly: true),
            new("/meetings", "Meetings.Menu", "meetings"),
            new("/network", "Network.Menu", "network"),
            new("/reports", "Nav.Reports", "reports"),
            new("/pledges", "Nav.Pledges", "pledges"),
            new("/pledges/dashboard", "Menu.PledgeDashboard", "pledges"),
            new("/practices", "Nav.Practices", "practices"),
            new("/practices/calendar", "Menu.Calendar", "practices"),
        ]),
        new("mobility", "Menu.Mobility",
        [
            new("/labour-market", "Menu.LabourMarket", "labour-market"),
            new("/models", "Menu.Models", "models"),
            new("/programmes", "Menu.Programmes", "programmes"),
            new("/agreements", "Menu.Agreements", "programmes"),
            new("/social-security", "SocialSecurity.Menu", "social-security"),
            new("/qualifications", "Qualifications.Menu", "qualifications"),
            new("/mentoring", "Mentoring.Menu", "mentoring", StaffOnly: true),
            new("/guide", "Menu.Guide", "programmes"),
            new("/recruiters/check", "Recruiters.MenuCheck", "recruiters"),
            new("/recruiters", "Recruiters.MenuDirectory", "recruiters"),
            new("/fraud-reports", "Recruiters.MenuFraudReports", "recruiters"),
            new("/repository", "Nav.Repository", "repository"),
            new("/courses", "Training.Menu", "training"),
        ]),
    ];
}
