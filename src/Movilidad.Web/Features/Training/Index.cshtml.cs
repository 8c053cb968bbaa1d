using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Training;

/// <summary>The training catalogue: every course, newest edition first, filtered by kind, modality, country, audience, topic and language, paged; every choice in the address.</summary>
[AllowAnonymous]
public class IndexModel(MovilidadDb db) : TrainingPage
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Modality { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Audience { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Topic { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Start { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Size { get; set; } = Paging.DefaultSize;

    public Paged<CourseSummary> Courses { get; private set; } = null!;

    /// <summary>The countries and languages some course names, for the filters.</summary>
    public IReadOnlyList<string> Countries { get; private set; } = [];
    public IReadOnlyList<string> Languages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadCountriesAsync(db, ct);
        var page = await db.Courses.AsNoTracking().CoursePageAsync(new CourseFilter(Blank(Kind), Blank(Modality), Blank(Country), Blank(Audience), Blank(Topic), Blank(Lang)), Start, Size, ct);
        Courses = new Paged<CourseSummary>(page.Items, page.Total, page.Start, page.Size);
        Size = page.Size;
        var lists = await db.Courses.AsNoTracking().Select(c => new { c.Countries, c.Languages }).ToListAsync(ct);
        Countries = lists.SelectMany(l => Platform.Knowledge.CodeList.Split(l.Countries)).Distinct().OrderBy(CountryName, StringComparer.CurrentCulture).ToList();
        Languages = lists.SelectMany(l => Platform.Knowledge.CodeList.Split(l.Languages)).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The catalogue with the same filters and page size, starting at <paramref name="start"/>.</summary>
    public string Link(int start) => Paging.Link("/courses", new Dictionary<string, string?>
    {
        ["kind"] = Kind, ["modality"] = Modality, ["country"] = Country, ["audience"] = Audience, ["topic"] = Topic, ["lang"] = Lang,
    }, Size, start);
}
