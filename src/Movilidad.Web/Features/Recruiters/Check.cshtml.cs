using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Platform.Data;
using Movilidad.Platform.Recruiters;

namespace Movilidad.Web.Features.Recruiters;

/// <summary>The worker's check, in plain words: known or not, licensed where, sanctioned when and by whom, what to do next.</summary>
[AllowAnonymous]
public class CheckModel(MovilidadDb db, TimeProvider clock) : PageModel
{
    public string? Name { get; private set; }
    public CheckAnswer? Answer { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(string? name, CancellationToken ct)
    {
        Name = name?.Trim();
        if (name is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            Error = "Recruiters.Error.NameRequired";
        }
        else if (Name.Length > RecruiterNames.MaxLength)
        {
            Error = "Recruiters.Error.NameTooLong";
        }
        else
        {
            Answer = await RecruiterQueries.CheckAsync(db, Name, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        }
    }
}
