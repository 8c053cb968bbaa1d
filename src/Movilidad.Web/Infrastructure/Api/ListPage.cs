using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Infrastructure.Api;

/// <summary>
/// A page of a list for machine readers, the shape of <c>GET /api/courses</c>: how many items match in all, where the page starts
/// (0-based, the last page's start when asked past the end), its size (25, 50, 100 or 200) and its items. The query's
/// <c>start</c> and <c>size</c> choose the page, as on the lists' pages.
/// </summary>
public sealed record ListPage<T>(int Total, int Start, int Size, IReadOnlyList<T> Items);

public static class ListPage
{
    /// <summary>The API's shape of a page that <see cref="Paging"/> read.</summary>
    public static ListPage<T> Of<T>(Paged<T> page) => new(page.Total, page.Start, page.Size, page.Rows);
}
