using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Data;
using Movilidad.Platform.SocialSecurity;

namespace Movilidad.Web.Features.SocialSecurity;

/// <summary>
/// The checker's question as typed in the address (<c>countries=GT,MX&amp;status=self-employed&amp;years=4,6</c>), read
/// the same way by the page and the API: two or three different countries (ISO 3166-1 alpha-2), employee or
/// self-employed, and optionally the years worked in each, in the same order. Each error names its field.
/// </summary>
public sealed record PortabilityRequest(IReadOnlyList<string> Countries, WorkStatus Status, IReadOnlyList<int?> Years)
{
    public const int MaxYears = 70;

    public static async Task<(PortabilityRequest? Request, Dictionary<string, string[]> Errors)> ParseAsync(
        string? countries, string? status, string? years, MovilidadDb db, IStringLocalizer text, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var codes = (countries ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).ToList();
        if (codes.Count is < 2 or > 3)
        {
            errors["countries"] = [text["SocialSecurity.Error.CountryCount"]];
        }
        else if (codes.Distinct(StringComparer.Ordinal).Count() != codes.Count)
        {
            errors["countries"] = [text["SocialSecurity.Error.CountryTwice"]];
        }
        else
        {
            var known = await db.Countries.AsNoTracking().Where(c => codes.Contains(c.Alpha2)).Select(c => c.Alpha2).ToListAsync(ct);
            if (codes.FirstOrDefault(c => !known.Contains(c)) is { } unknown)
            {
                errors["countries"] = [text["SocialSecurity.Error.UnknownCountry", unknown]];
            }
        }

        WorkStatus? work = status switch
        {
            null or "" or "employee" => WorkStatus.Employee,
            "self-employed" => WorkStatus.SelfEmployed,
            _ => null,
        };
        if (work is null)
        {
            errors["status"] = [text["SocialSecurity.Error.Status", status ?? string.Empty]];
        }

        var worked = new List<int?>();
        if (!string.IsNullOrWhiteSpace(years))
        {
            foreach (var part in years.Split(',', StringSplitOptions.TrimEntries))
            {
                if (part.Length == 0)
                {
                    worked.Add(null);
                }
                else if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y <= MaxYears)
                {
                    worked.Add(y);
                }
                else
                {
                    errors["years"] = [text["SocialSecurity.Error.Years", part, MaxYears]];
                    break;
                }
            }

            if (!errors.ContainsKey("years") && !errors.ContainsKey("countries") && worked.Count != codes.Count)
            {
                errors["years"] = [text["SocialSecurity.Error.YearsCount"]];
            }
        }

        return errors.Count > 0 ? (null, errors) : (new PortabilityRequest(codes, work!.Value, worked), errors);
    }

    /// <summary>The query string of this question, for links (the guide's PDF, the same answer in the other language).</summary>
    public string Query => $"countries={string.Join(',', Countries)}&status={(Status == WorkStatus.SelfEmployed ? "self-employed" : "employee")}"
        + (Years.Count > 0 ? "&years=" + string.Join(',', Years.Select(y => y?.ToString(CultureInfo.InvariantCulture) ?? string.Empty)) : string.Empty);
}
