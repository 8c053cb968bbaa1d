using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Institutions;
using Movilidad.Web.Features.Plans;
using Movilidad.Web.Infrastructure.Localization;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Institutions;

/// <summary>The institutions by kind, filtered by kind and country, a page at a time (the filters and the page size in the address).</summary>
[AllowAnonymous]
public class IndexModel(MovilidadDb db) : PageModel
{
    /// <summary>The kind asked for, as the API writes it (<c>un-agency</c>); anything else lists every kind.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    /// <summary>Where the page starts in the list (0-based).</summary>
    [BindProperty(SupportsGet = true)]
    public int Start { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Size { get; set; } = Paging.DefaultSize;

    public Paged<InstitutionView> Institutions { get; private set; } = null!;

    /// <summary>How many institutions of each kind match the filters (a heading's count, whatever the page shows of them).</summary>
    public IReadOnlyDictionary<InstitutionKind, int> KindCounts { get; private set; } = new Dictionary<InstitutionKind, int>();

    /// <summary>The kinds that have institutions, for the filter.</summary>
    public IReadOnlyList<InstitutionKind> Kinds { get; private set; } = [];

    /// <summary>The countries that institutions belong to, with their names in the reader's language, for the filter.</summary>
    public IReadOnlyList<Choice> Countries { get; private set; } = [];

    /// <summary>The history of institutions is read by the people who work on the plans (the page is cached only for the public).</summary>
    public bool ShowsHistory { get; private set; }

    public static string KindValue(InstitutionKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = db.Institutions.AsNoTracking();
        Kinds = (await all.Select(i => i.Kind).Distinct().ToListAsync(ct)).Order().ToList();
        var codes = await all.Where(i => i.CountryCode != null).Select(i => i.CountryCode!).Distinct().ToListAsync(ct);
        Countries = (await db.Countries.AsNoTracking().Where(c => codes.Contains(c.Alpha2)).Select(c => new { c.Alpha2, c.Name }).ToListAsync(ct))
            .Select(c => new Choice(c.Alpha2, c.Name.Current)).OrderBy(c => c.Label, StringComparer.CurrentCulture).ToList();

        var kind = Enum.GetValues<InstitutionKind>().Cast<InstitutionKind?>().FirstOrDefault(k => KindValue(k!.Value) == Kind);
        Kind = kind is null ? null : Kind;
        Country = Countries.Any(c => c.Value == Country) ? Country : null;
        var matching = all.Where(i => kind == null || i.Kind == kind).Where(i => Country == null || i.CountryCode == Country);
        KindCounts = await matching.GroupBy(i => i.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Institutions = await matching.InKindOrder().Views(db).PageAsync(Start, Size, ct);
        Size = Institutions.Size;
        ShowsHistory = PlanPermissions.ReadsUnpublished(User);
    }

    /// <summary>This list with the same filters and page size, starting at <paramref name="start"/>.</summary>
    public string Link(int start) => Paging.Link("/institutions", new Dictionary<string, string?> { ["kind"] = Kind, ["country"] = Country }, Size, start);
}
