using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Data;
using Movilidad.Platform.Qualifications;

namespace Movilidad.Web.Features.Qualifications;

/// <summary>
/// The comparison's question as typed in the address, read the same way by the page and the API: an occupation (ISCO-08)
/// or a kind of procedure (or both), the countries (default: the member states), the currency of the costs (ISO 4217,
/// default US dollar) and the date of the rates (default today). Each error names its field, in the reader's language.
/// </summary>
public sealed record CompareRequest(string? Occupation, string? Kind, IReadOnlyList<string> Countries, string Currency, DateOnly On)
{
    /// <summary>The CRM's member states, in the order the pages list them.</summary>
    public static readonly IReadOnlyList<string> Members = Platform.Accounts.AccountAdministration.CrmCountries;

    public const int MaxCountries = 20;

    public static async Task<(CompareRequest? Request, Dictionary<string, string[]> Errors)> ParseAsync(
        MovilidadDb db, string? occupation, string? kind, string? countries, string? currency, string? on, DateOnly today, IStringLocalizer text, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        occupation = string.IsNullOrWhiteSpace(occupation) ? null : occupation.Trim();
        kind = string.IsNullOrWhiteSpace(kind) ? null : kind.Trim();
        if (occupation is null && kind is null)
        {
            errors["occupation"] = [text["Qualifications.Error.CompareWhat"]];
        }

        if (kind is not null && !ProcedureRules.Kinds.Contains(kind, StringComparer.Ordinal))
        {
            errors["kind"] = [text["Qualifications.Error.Kind", kind, string.Join(", ", ProcedureRules.Kinds)]];
        }

        if (occupation is not null && (!QualificationsApi.IscoCode().IsMatch(occupation) || !await db.Occupations.AnyAsync(o => o.Code == occupation, ct)))
        {
            errors["occupation"] = [text["Qualifications.Error.Occupation", occupation]];
        }

        var codes = string.IsNullOrWhiteSpace(countries)
            ? [.. Members]
            : countries.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count is 0 or > MaxCountries)
        {
            errors["countries"] = [text["Qualifications.Error.CountryCount", MaxCountries]];
        }
        else
        {
            var known = await db.Countries.AsNoTracking().Where(c => codes.Contains(c.Alpha2)).Select(c => c.Alpha2).ToListAsync(ct);
            if (codes.FirstOrDefault(c => !known.Contains(c)) is { } unknown)
            {
                errors["countries"] = [text["Qualifications.Error.Country", unknown]];
            }
        }

        var target = string.IsNullOrWhiteSpace(currency) ? CostConversion.Dollar : currency.Trim().ToUpperInvariant();
        if (!await db.Currencies.AnyAsync(c => c.Code == target, ct))
        {
            errors["currency"] = [text["Qualifications.Error.Currency", currency ?? string.Empty]];
        }

        var date = today;
        if (!string.IsNullOrWhiteSpace(on) && !DateOnly.TryParseExact(on.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors["on"] = [text["Qualifications.Error.Date", on]];
        }

        return errors.Count > 0 ? (null, errors) : (new CompareRequest(occupation, kind, codes, target, date), errors);
    }
}
