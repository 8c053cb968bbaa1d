using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Data;
using Movilidad.Platform.Search;

namespace Movilidad.Web.Features.Search;

[AllowAnonymous]
[OutputCache(PolicyName = SearchApi.CachePolicy)]
public class IndexModel(MovilidadDb db, SearchCounts counts, IStringLocalizer text) : PageModel
{
    public SearchRequest? Search { get; private set; }
    public SearchAnswer? Answer { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!SearchApi.TryRead(HttpContext.Request.Query, db, text, out var request, out var problem))
        {
            Problem = string.Join(" ", problem!.ProblemDetails.Errors.SelectMany(e => e.Value));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Search = request;
        Answer = await db.SearchAsync(request, counts, ct);
        return Page();
    }

    /// <summary>This search's address with one parameter changed (null removes it); a new filter starts again at page 1.</summary>
    public string Link(string parameter, string? value)
    {
        var values = HttpContext.Request.Query
            .Where(p => p.Key != parameter && (parameter == "page" || p.Key != "page") && !string.IsNullOrEmpty(p.Value))
            .Select(p => KeyValuePair.Create(p.Key, p.Value.ToString()))
            .ToList();
        if (!string.IsNullOrEmpty(value))
        {
            values.Add(KeyValuePair.Create(parameter, value));
        }

        return "/search" + Microsoft.AspNetCore.Http.QueryString.Create(values!).ToUriComponent();
    }

    /// <summary>The query parameter of a facet (the language facet is <c>lang</c>).</summary>
    public static string Parameter(string facet) => SearchApi.FilterParameters.First(p => p.Value == facet).Key;
}
