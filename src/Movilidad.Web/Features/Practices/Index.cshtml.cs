using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Practices;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Practices;

/// <summary>Published good practices, filtered by country and GCM objective; below, the practices on their way that the reader may see.</summary>
[AllowAnonymous]
public class IndexModel(MovilidadDb db) : PracticePage
{
    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Gcm { get; set; }

    /// <summary>Where the page of published practices starts (0-based).</summary>
    [BindProperty(SupportsGet = true)]
    public int Start { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Size { get; set; } = Paging.DefaultSize;

    public Paged<PracticeSummary> Published { get; private set; } = null!;
    /// <summary>Where the page of practices on their way starts (0-based).</summary>
    [BindProperty(SupportsGet = true)]
    public int PipelineStart { get; set; }

    /// <summary>The practices on their way that the reader may see (signed-in readers only), a page at a time.</summary>
    public Paged<PracticeSummary>? Pipeline { get; private set; }
    public PracticeChoices Choices { get; private set; } = null!;

    /// <summary>The countries that have a published practice, for the filter.</summary>
    public IReadOnlyList<string> Countries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Choices = await db.PracticeChoicesAsync(ct);
        var visible = db.Practices.AsNoTracking().VisibleTo(User);
        Published = await visible.Where(p => p.Status == PracticeStatus.Published).Matching(Country, Gcm).Newest()
            .PageAsync(Start, Size, (page, token) => page.SummariesAsync(token), ct);
        Size = Published.Size;
        if (User.Identity?.IsAuthenticated == true)
        {
            Pipeline = await visible.Where(p => p.Status != PracticeStatus.Published).Newest()
                .PageAsync(PipelineStart, Size, (page, token) => page.SummariesAsync(token), ct);
        }

        Countries = await db.Practices.Where(p => p.Status == PracticeStatus.Published).SelectMany(p => p.Countries.Select(c => c.CountryCode)).Distinct().ToListAsync(ct);
    }

    /// <summary>The published practices with the same filters and page size, starting at <paramref name="start"/>.</summary>
    public string Link(int start) => Link(start, PipelineStart);

    /// <summary>The practices on their way from <paramref name="start"/>, the published ones where they are.</summary>
    public string PipelineLink(int start) => Link(Start, start) + "#pipeline-heading";

    private string Link(int start, int pipelineStart) => Paging.Link("/practices", new Dictionary<string, string?>
    {
        ["country"] = Country, ["gcm"] = Gcm?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["pipelineStart"] = pipelineStart > 0 ? pipelineStart.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    }, Size, start);
}
