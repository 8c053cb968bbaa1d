using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Training;

/// <summary>The training catalogue: every course, newest edition first, filtered by kind, modality, country, audience, topic and language, paged; every choice in the address.</summary>
[AllowAnonymous]
public class IndexModel(MovilidadDb db) : CourseFilterPage
{
    [BindProperty(SupportsGet = true)]
    public int Start { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Size { get; set; } = Paging.DefaultSize;

    public Paged<CourseSummary> Courses { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(db, ct);
        var page = await db.Courses.AsNoTracking().CoursePageAsync(Filter, Start, Size, ct);
        Courses = new Paged<CourseSummary>(page.Items, page.Total, page.Start, page.Size);
        Size = page.Size;
    }

    /// <summary>The catalogue with the same filters and page size, starting at <paramref name="start"/>.</summary>
    public string Link(int start) => Paging.Link("/courses", FilterQuery, Size, start);
}
