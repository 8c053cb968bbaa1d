using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Programmes;
using Movilidad.Web.Features.LabourMarket;

namespace Movilidad.Web.Features.Programmes;

/// <summary>One cell of a programme's demand: a year, an ISCO-08 major group (null when the occupation does not map) and the sum.</summary>
public sealed record DemandCell(int Year, string? MajorGroup, decimal Value);

/// <summary>
/// A programme's demand from the imported labour-market records: the measure (workers certified for OFLC files,
/// positions approved for the ESDC lists), summed by year (the US fiscal year for OFLC) and ISCO-08 major group.
/// </summary>
public sealed record ProgrammeDemand(string Measure, string Country, string? Programme, IReadOnlyList<DemandCell> Cells)
{
    public IReadOnlyList<int> Years => [.. Cells.Select(c => c.Year).Distinct().Order()];

    public IReadOnlyList<string?> Groups => [.. Cells.GroupBy(c => c.MajorGroup).OrderByDescending(g => g.Sum(c => c.Value)).Select(g => g.Key)];

    public decimal Total(int year) => Cells.Where(c => c.Year == year).Sum(c => c.Value);

    public decimal Value(int year, string? group) => Cells.Where(c => c.Year == year && c.MajorGroup == group).Sum(c => c.Value);

    /// <summary>
    /// The demand of a programme through the labour-market explorer's public query (what the reader may see of the
    /// records), or null when the programme names no records.
    /// </summary>
    public static async Task<ProgrammeDemand?> ForAsync(MovilidadDb db, ClaimsPrincipal user, IAuthorizationService auth, Programme programme, CancellationToken ct)
    {
        var (measure, country, name, byFiscalYear) = programme.DemandDataset switch
        {
            "us-oflc-h2a" => ("workers-certified", "US", (string?)"H-2A", true),
            "us-oflc-h2b" => ("workers-certified", "US", "H-2B", true),
            "ca-lmia-positive" => ("positions-approved", "CA", programme.DemandStream is { } stream ? $"TFWP {stream}" : null, false),
            _ => (string.Empty, string.Empty, null, false),
        };
        if (measure.Length == 0)
        {
            return null;
        }

        var time = byFiscalYear ? ObservationDimension.FiscalYear : ObservationDimension.Period;
        var filter = new ObservationFilter(measure, null, country, null, null, name, null, [time, ObservationDimension.Occupation1]);
        var observations = await ObservationQuery.VisibleAsync(db, user, auth, ct);
        var table = await ObservationQuery.SumAsync(observations, filter, ObservationQuery.MaxRows, ct);
        var cells = table.Rows
            .Select(r => (Year: byFiscalYear ? r.FiscalYear : Year(r.Period), r.Occupation, r.Value))
            .Where(r => r.Year is not null)
            .GroupBy(r => (r.Year!.Value, r.Occupation))
            .Select(g => new DemandCell(g.Key.Value, g.Key.Occupation, g.Sum(r => r.Value)))
            .ToList();
        return new ProgrammeDemand(measure, country, name, cells);
    }

    private static int? Year(string? period) =>
        period is { Length: >= 4 } && int.TryParse(period.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;

    /// <summary>The names of the ISCO-08 major groups, by code.</summary>
    public static async Task<Dictionary<string, Platform.Localization.Bilingual>> MajorGroupsAsync(MovilidadDb db, CancellationToken ct) =>
        await db.Occupations.AsNoTracking().Where(o => o.Level == 1).ToDictionaryAsync(o => o.Code, o => o.Name, StringComparer.Ordinal, ct);
}
