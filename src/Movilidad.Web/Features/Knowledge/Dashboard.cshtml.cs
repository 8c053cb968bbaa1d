using System.Xml.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Charts;

namespace Movilidad.Web.Features.Knowledge;

/// <summary>One chart of the dashboard: its name (the facet), the SVG and the rows of its table.</summary>
public sealed record RepositoryChart(string Facet, HtmlString Svg, IReadOnlyList<Bar> Rows);

/// <summary>The repository's dashboard (action 1.1): published items the reader may read by type, country, line of action, gender lens and year.</summary>
[AllowAnonymous]
public class DashboardModel(MovilidadDb db, IStringLocalizer texts) : RepositoryPageBase
{
    public int Total { get; private set; }
    public IReadOnlyList<RepositoryChart> Charts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadCountriesAsync(db, ct);
        var page = await db.RepositoryItems.AsNoTracking().VisibleTo(User).PageAsync(new RepositoryFilter(null, null, null, null, null, null, null, "published", 1), ct);
        Total = page.Total;
        IReadOnlyList<Bar> Bars(string facet, Func<string, string> label, bool byKey = false) =>
            (byKey ? page.Facets[facet].OrderBy(f => f.Key, StringComparer.Ordinal) : page.Facets[facet].AsEnumerable()).Select(f => new Bar(label(f.Key), f.Value)).ToList();
        RepositoryChart Chart(string facet, IReadOnlyList<Bar> rows, bool wide = false) =>
            new(facet, new HtmlString(BarChart.Render(texts["Repository.By." + facet], rows, "repository-" + facet, wide).ToString(SaveOptions.DisableFormatting)), rows);
        Charts =
        [
            Chart("type", Bars("type", k => texts["RepositoryType." + k])),
            Chart("genderLens", Bars("genderLens", k => texts["RepositoryLens." + k])),
            Chart("country", Bars("country", CountryName)),
            Chart("line", Bars("line", k => k, byKey: true)),
            Chart("year", Bars("year", k => k, byKey: true)),
        ];
    }
}
