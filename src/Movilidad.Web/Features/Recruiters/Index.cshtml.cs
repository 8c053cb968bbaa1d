using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Platform.Data;
using Movilidad.Platform.Recruiters;

namespace Movilidad.Web.Features.Recruiters;

/// <summary>The directory: search by name (written any way) or licence number, filter by country and status.</summary>
[AllowAnonymous]
public class IndexModel(MovilidadDb db, TimeProvider clock) : PageModel
{
    public const int PageSize = 200;

    public string? Q { get; private set; }
    public string? Country { get; private set; }
    public DirectoryStatus? Status { get; private set; }
    public IReadOnlyList<RecruiterSummary> Recruiters { get; private set; } = [];
    public bool TooLong { get; private set; }
    public IReadOnlyList<(string Code, string Name)> Countries { get; private set; } = [];

    public async Task OnGetAsync(string? q, string? country, string? status, CancellationToken ct)
    {
        (Q, Country) = (q?.Trim(), country is { Length: 2 } ? country : null);
        Status = Enum.TryParse<DirectoryStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        TooLong = Q?.Length > RecruiterNames.MaxLength;
        Countries = await CountryChoices.MembersAsync(db, ct);
        if (!TooLong)
        {
            Recruiters = await RecruiterQueries.SearchAsync(db, Q, Country, Status, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), PageSize, ct);
        }
    }
}
