using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.Knowledge;

/// <summary>The repository: published items the reader may read, filtered by type, country, line, gender lens, language and year, each filter with its counts.</summary>
[AllowAnonymous]
public class IndexModel(MovilidadDb db) : RepositoryPageBase
{
    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Line { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Lens { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public RepositoryPage Result { get; private set; } = null!;
    public bool Curates { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadCountriesAsync(db, ct);
        Curates = RepositoryEditing.Curates(User);
        Result = await db.RepositoryItems.AsNoTracking().VisibleTo(User)
            .PageAsync(new RepositoryFilter(Blank(Type), Blank(Country), Blank(Line), Blank(Lens), Blank(Lang), Year, null, Curates ? Blank(Status) ?? "published" : "published", Math.Max(1, PageNumber)), ct);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The address of this list with one filter changed (page back to 1).</summary>
    public string With(string name, string? value)
    {
        var query = new Dictionary<string, string?>
        {
            ["type"] = Type, ["country"] = Country, ["line"] = Line, ["lens"] = Lens, ["lang"] = Lang, ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = Status,
        };
        query[name] = value;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/repository", query.Where(q => !string.IsNullOrEmpty(q.Value)).ToDictionary(q => q.Key, q => q.Value));
    }
}
