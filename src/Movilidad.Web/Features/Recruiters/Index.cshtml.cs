using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Recruiters;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Recruiters;

/// <summary>The directory: search by name (written any way) or licence number, filter by country and status.</summary>
[AllowAnonymous]
public class IndexModel(MovilidadDb db, TimeProvider clock) : PageModel
{
    public string? Q { get; private set; }
    public string? Country { get; private set; }
    public DirectoryStatus? Status { get; private set; }
    public Paged<RecruiterSummary> Recruiters { get; private set; } = new([], 0, 0, Paging.DefaultSize);
    public bool TooLong { get; private set; }
    public IReadOnlyList<(string Code, string Name)> Countries { get; private set; } = [];

    public async Task OnGetAsync(string? q, string? country, string? status, int start, int size, CancellationToken ct)
    {
        (Q, Country) = (q?.Trim(), country is { Length: 2 } ? country : null);
        Status = Enum.TryParse<DirectoryStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        TooLong = Q?.Length > RecruiterNames.MaxLength;
        Countries = await CountryChoices.MembersAsync(db, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Recruiters = TooLong ? new([], 0, 0, Paging.Size(size))
            : await RecruiterQueries.Matching(db, Q, Country, Status).PageAsync(start, size, (page, token) => RecruiterQueries.Summaries(page, today).ToListAsync(token), ct);
    }

    /// <summary>The directory with the same search, filters and page size, starting at <paramref name="start"/>.</summary>
    public string Link(int start) => Paging.Link("/recruiters", new Dictionary<string, string?>
    {
        ["q"] = Q, ["country"] = Country, ["status"] = Status?.ToString().ToLowerInvariant(),
    }, Recruiters.Size, start);
}
