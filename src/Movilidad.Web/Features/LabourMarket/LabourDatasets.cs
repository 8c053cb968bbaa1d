using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Accounts;
using Movilidad.Platform.Data;
using Movilidad.Platform.LabourMarket;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>A skipped, not counted or noted row of a dataset's file, where it is and why.</summary>
public sealed record LabourIssueView(string Kind, string? Sheet, int Row, string? Column, string Reason, string? Value, string MessageEs, string MessageEn);

/// <summary>One dataset with its provenance and mapping report: the summary, the file's description, sheet and title, the report and the rows it lists.</summary>
public sealed record LabourDatasetDetails(
    LabourDatasetSummary Summary, string DescriptionEs, string DescriptionEn, string Format, string? Encoding, long Bytes, string? Sheet, int HeaderRow, string? Title,
    int FootnoteRows, LabourReport Report, IReadOnlyList<LabourIssueView> Issues);

/// <summary>An observation as its dataset's page lists it: the file's row (and case) it came from, its measure and value (the row's share after the split over ISCO-08), occupation, place, period and programme.</summary>
public sealed record LabourObservationView(
    int Row, string? CaseNumber, string Measure, decimal Value, decimal Weight, string? SourceClassification, string? SourceCode, string? Isco08, string Country, string? Subdivision,
    string Period, string? Programme);

/// <summary>The datasets the reader may see (restricted ones for signed-in readers), newest first.</summary>
public static class LabourDatasets
{
    public static async Task<IQueryable<LabourDataset>> VisibleAsync(MovilidadDb db, ClaimsPrincipal user, IAuthorizationService auth)
    {
        var datasets = db.LabourDatasets.AsNoTracking();
        return await auth.CanAsync(user, LabourMarketOperations.ReadRestricted) ? datasets : datasets.Where(d => !d.IsRestricted);
    }

    /// <summary>A page of the datasets the reader sees, newest first, of one source when given (the list's page and the API's).</summary>
    public static Task<Paged<LabourDatasetSummary>> PageAsync(IQueryable<LabourDataset> visible, string? source, int start, int size, CancellationToken ct) =>
        visible.Where(d => source == null || d.Source == source).OrderByDescending(d => d.ImportedAt).ThenByDescending(d => d.Id)
            .PageAsync(start, size, (page, token) => SummariesAsync(page, token), ct);

    /// <summary>The summaries of the datasets of an ordered query, in its order.</summary>
    private static async Task<List<LabourDatasetSummary>> SummariesAsync(IQueryable<LabourDataset> ordered, CancellationToken ct) =>
        [.. (await ordered.ToListAsync(ct)).Select(d => LabourImport.Summary(d, LabourReport.Read(d.ReportJson).Totals))];

    public static async Task<LabourDatasetDetails?> DetailsAsync(IQueryable<LabourDataset> visible, MovilidadDb db, int id, CancellationToken ct)
    {
        if (await visible.FirstOrDefaultAsync(d => d.Id == id, ct) is not { } d)
        {
            return null;
        }

        var report = LabourReport.Read(d.ReportJson);
        var issues = await db.LabourDatasetIssues.AsNoTracking().Where(i => i.DatasetId == id).OrderBy(i => i.Row).ThenBy(i => i.Id)
            .Select(i => new LabourIssueView(i.Kind, i.Sheet, i.Row, i.Column, i.Reason, i.Value, i.MessageEs, i.MessageEn)).ToListAsync(ct);
        return new LabourDatasetDetails(LabourImport.Summary(d, report.Totals), d.DescriptionEs, d.DescriptionEn, d.Format, d.Encoding, d.Bytes, d.Sheet, d.HeaderRow, d.Title,
            d.FootnoteRows, report, issues);
    }

    /// <summary>A page of a dataset's observations in the order of the file's rows (those of one row when <paramref name="row"/> is given), each naming the row it came from.</summary>
    public static Task<Paged<LabourObservationView>> ObservationsAsync(MovilidadDb db, int id, int? row, int start, int size, CancellationToken ct)
    {
        var observations = db.LabourObservations.AsNoTracking().Where(o => o.DatasetId == id);
        if (row is { } number)
        {
            observations = observations.Where(o => o.SourceRow == number);
        }

        return observations.OrderBy(o => o.SourceRow).ThenBy(o => o.Id)
            .Select(o => new LabourObservationView(o.SourceRow, o.CaseNumber, o.Measure, o.Value, o.Weight, o.SourceClassification, o.SourceCode, o.Isco08, o.Country, o.Subdivision,
                o.Period, o.Programme))
            .PageAsync(start, size, ct);
    }

    /// <summary>Whether the person may import some source (the Secretariat, every focal point: their country's publications and templates).</summary>
    public static async Task<bool> MayImportAnyAsync(ClaimsPrincipal user, IAuthorizationService auth) => MayImportAny(await ImportRightsAsync(user, auth));

    /// <summary>Whether the rights allow any import: international sources or some country's.</summary>
    public static bool MayImportAny(Func<string?, bool> rights) => rights(null) || AccountAdministration.CrmCountries.Any(c => rights(c));

    /// <summary>
    /// Whether the person may import (replace, delete) the sources of each publisher country, and the rows of a template
    /// of each country: null for international sources (and a template's rows of any country).
    /// </summary>
    public static async Task<Func<string?, bool>> ImportRightsAsync(ClaimsPrincipal user, IAuthorizationService auth)
    {
        var rights = new Dictionary<string, bool>(StringComparer.Ordinal) { [string.Empty] = await auth.CanAsync(user, LabourMarketOperations.Import) };
        foreach (var country in AccountAdministration.CrmCountries)
        {
            rights[country] = await auth.CanAsync(user, LabourMarketOperations.Import, new Platform.Auth.CountryScope(country));
        }

        return country => rights.GetValueOrDefault(country ?? string.Empty);
    }
}
