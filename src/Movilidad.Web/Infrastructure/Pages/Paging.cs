using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Movilidad.Web.Infrastructure.Pages;

/// <summary>One page of a list: its rows, how many match in all, where the page starts (0-based) and how many rows a page holds.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Rows, int Total, int Start, int Size)
{
    public bool HasPrevious => Start > 0;
    public bool HasNext => Start + Size < Total;
}

/// <summary>
/// Server-side paging shared by every list that can grow: the page size and start come from the address (<c>size</c>,
/// <c>start</c>) beside the list's filters, a start past the end shows the last page, and <c>_Pager</c> draws the links.
/// </summary>
public static class Paging
{
    /// <summary>The page sizes a reader can choose.</summary>
    public static readonly int[] Sizes = [25, 50, 100, 200];

    public const int DefaultSize = 50;

    /// <summary>The size asked for when it is one of <see cref="Sizes"/>, else the default.</summary>
    public static int Size(int asked) => Sizes.Contains(asked) ? asked : DefaultSize;

    /// <summary>The first row of the page that holds <paramref name="start"/>, kept within the list (the last page when past its end).</summary>
    public static int Start(int start, int total, int size) => Math.Clamp(start, 0, Math.Max(0, total - 1)) / size * size;

    /// <summary>A page of an ordered query, counted and read by the database.</summary>
    public static Task<Paged<T>> PageAsync<T>(this IQueryable<T> ordered, int start, int size, CancellationToken ct) =>
        ordered.PageAsync(start, size, (page, token) => page.ToListAsync(token), ct);

    /// <summary>
    /// A page of an ordered query, counted by the database; <paramref name="read"/> turns the page's slice (and only it) into rows
    /// (a projection with collections, split queries, what is computed after reading).
    /// </summary>
    public static async Task<Paged<TRow>> PageAsync<T, TRow>(this IQueryable<T> ordered, int start, int size, Func<IQueryable<T>, CancellationToken, Task<List<TRow>>> read, CancellationToken ct)
    {
        size = Size(size);
        var total = await ordered.CountAsync(ct);
        start = Start(start, total, size);
        return new Paged<TRow>(await read(ordered.Skip(start).Take(size), ct), total, start, size);
    }

    /// <summary>The list's address with its filters (empty ones left out), the page size and the start.</summary>
    public static string Link(string path, IEnumerable<KeyValuePair<string, string?>> filters, int size, int start) =>
        QueryHelpers.AddQueryString(path, filters.Where(f => !string.IsNullOrEmpty(f.Value))
            .Append(new("size", size.ToString(CultureInfo.InvariantCulture)))
            .Append(new("start", start.ToString(CultureInfo.InvariantCulture))));
}

/// <summary>What <c>_Pager</c> draws: the range shown of the total, and links to the previous and next pages.</summary>
public sealed record Pager(int Start, int Shown, int Total, int Size, Func<int, string> Link, string Label)
{
    public static Pager For<T>(Paged<T> page, Func<int, string> link, string label) => new(page.Start, page.Rows.Count, page.Total, page.Size, link, label);

    public bool HasPrevious => Start > 0;
    public bool HasNext => Start + Size < Total;
}
