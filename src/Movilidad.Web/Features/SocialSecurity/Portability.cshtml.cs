using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Data;
using Movilidad.Platform.SocialSecurity;

namespace Movilidad.Web.Features.SocialSecurity;

/// <summary>
/// The portability checker (public, phone first): up to three countries worked in, the years in each and how; the
/// answer per pair of countries and per country, its sources, and the guide as PDF. Guidance, not a legal decision.
/// </summary>
[AllowAnonymous]
public class PortabilityModel(MovilidadDb db, IStringLocalizer text) : InstrumentsPage
{
    [BindProperty(SupportsGet = true, Name = "country")]
    public string?[] Country { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "years")]
    public string?[] Years { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public PortabilityRequest? Question { get; private set; }

    public PortabilityAnswer? Answer { get; private set; }

    public string? CountryAt(int i) => Country.Length > i ? Country[i] : null;

    public string Flag(bool? value) => text[value switch { true => "SocialSecurity.Yes", false => "SocialSecurity.No", null => "SocialSecurity.NotSourced" }];

    public string? YearsAt(int i) => Years.Length > i ? Years[i] : null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadNamesAsync(db, ct);
        var chosen = Enumerable.Range(0, 3).Where(i => !string.IsNullOrEmpty(CountryAt(i))).ToList();
        if (chosen.Count == 0 && Status is null)
        {
            return;
        }

        var years = chosen.Select(YearsAt).ToList();
        var (request, errors) = await PortabilityRequest.ParseAsync(
            string.Join(',', chosen.Select(CountryAt)), Status, years.All(string.IsNullOrWhiteSpace) ? null : string.Join(',', years), db, text, ct);
        Errors = errors;
        Question = request;
        if (request is not null)
        {
            Answer = Portability.Answer(await Portability.ReadAsync(db, ct), request.Countries, request.Status, request.Years);
        }
    }
}
