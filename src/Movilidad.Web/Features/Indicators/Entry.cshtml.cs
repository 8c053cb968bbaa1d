using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Localization;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Indicators;

/// <summary>
/// The value entry grid of one country and period: one row per indicator (and per category of its disaggregations),
/// inputs per sex category. The focal point saves and submits; the Secretariat approves or returns with a comment.
/// </summary>
public class EntryModel(MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock) : WritePage
{
    public sealed class RowForm
    {
        public int IndicatorId { get; set; }
        public string? Dimension { get; set; }
        public string? Total { get; set; }
        public string? Women { get; set; }
        public string? Men { get; set; }
        public string? Other { get; set; }
        public string? NotReported { get; set; }
    }

    /// <summary>One row of the grid: an indicator, or one category of its disaggregation.</summary>
    public sealed record GridRow(Indicator Indicator, string Dimension, bool First, int Span, ReportValue? Automatic);

    public static readonly string[] Fields = ["total", "women", "men", "other", "notReported"];

    [BindProperty]
    public List<RowForm> Rows { get; set; } = [];

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public ReportView Report { get; private set; } = null!;
    public Bilingual PlanTitle { get; private set; } = Bilingual.Empty;
    public Bilingual CountryName { get; private set; } = Bilingual.Empty;
    public IReadOnlyList<GridRow> Grid { get; private set; } = [];
    public bool CanEnter { get; private set; }
    public bool CanReview { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string plan, string period, string country, CancellationToken ct)
    {
        if (await LoadAsync(plan, period, country, ct) is { } refused)
        {
            return refused;
        }

        Rows = Grid.Where(g => g.Automatic is null).Select(FormOf).ToList();
        Version = Report.Version;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(string plan, string period, string country, CancellationToken ct) => SaveAsync(plan, period, country, submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(string plan, string period, string country, CancellationToken ct) => SaveAsync(plan, period, country, submit: true, ct);

    public Task<IActionResult> OnPostApproveAsync(string plan, string period, string country, CancellationToken ct) => ReviewAsync(plan, period, country, ReportActions.Approve, ct);

    public Task<IActionResult> OnPostReturnAsync(string plan, string period, string country, CancellationToken ct) => ReviewAsync(plan, period, country, ReportActions.Return, ct);

    /// <summary>The error of one input (<c>values[3].women</c>), if any.</summary>
    public string[]? ErrorsOf(int row, string field) => Errors.TryGetValue(Key(row, field), out var messages) ? messages : null;

    public static string Key(int row, string field) => string.Create(CultureInfo.InvariantCulture, $"values[{row}].{field}");

    public static string InputId(int row, string field) => string.Create(CultureInfo.InvariantCulture, $"v{row}-{field}");

    public static new string ErrorId(string key) => "error-" + key.Replace('[', '-').Replace(']', '-').Replace('.', '-');

    /// <summary>Where a summary line links to: the input of a row error, else the part of the page the error is about.</summary>
    public static new string Anchor(string key) =>
        key.StartsWith("values[", StringComparison.Ordinal) && key.IndexOf(']', StringComparison.Ordinal) is var end and > 0 && key.Length > end + 2
            ? InputId(int.Parse(key.AsSpan(7, end - 7), CultureInfo.InvariantCulture), key[(end + 2)..] is "indicatorId" or "dimension" ? "total" : key[(end + 2)..])
            : key == "comment" ? "comment" : "grid";

    private async Task<IActionResult> SaveAsync(string plan, string period, string country, bool submit, CancellationToken ct)
    {
        var typed = Rows;
        var version = Version;
        if (await LoadAsync(plan, period, country, ct) is { } refused)
        {
            return refused;
        }

        if (!await auth.CanAsync(User, IndicatorOperations.EnterValues, new CountryScope(Report.Country)))
        {
            return Forbid();
        }

        Rows = typed;
        Version = version;
        var errors = new Dictionary<string, string[]>();
        var rows = new List<ValueRow>();
        for (var i = 0; i < typed.Count; i++)
        {
            var row = typed[i];
            var code = Grid.FirstOrDefault(g => g.Indicator.Id == row.IndicatorId)?.Indicator.Code ?? row.IndicatorId.ToString(CultureInfo.InvariantCulture);
            decimal? Parse(string field, string? value)
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    return null;
                }

                if (PageFormats.TryParseAmount(value, CultureInfo.CurrentCulture, out var number))
                {
                    return number;
                }

                errors[Key(i, field)] = [text["Indicators.Error.NotANumber", code, IndicatorReporting.Field(text, field), value]];
                return null;
            }

            rows.Add(new ValueRow(row.IndicatorId, row.Dimension ?? Disaggregation.All, Parse("total", row.Total), Parse("women", row.Women), Parse("men", row.Men),
                Parse("other", row.Other), Parse("notReported", row.NotReported)));
        }

        if (errors.Count > 0)
        {
            return await RefuseAsync(errors);
        }

        var address = await AddressAsync(plan, period, country, ct);
        db.ChangeTracker.Clear();
        var saved = await db.SaveValuesAsync(address, new ValuesEdit(version, rows), text, AuditActor.From(HttpContext), clock, ct);
        if (saved is WriteOutcome<ReportView>.Saved { Value: var report } && submit)
        {
            db.ChangeTracker.Clear();
            saved = await db.StepAsync(address, ReportActions.Submit, new ReportStep(report.Version, null), text, AuditActor.From(HttpContext), clock, ct);
        }

        return await OutcomeAsync(saved, plan, period, country, submit ? "Indicators.Submitted" : "Indicators.Saved", ct);
    }

    private async Task<IActionResult> ReviewAsync(string plan, string period, string country, string step, CancellationToken ct)
    {
        var comment = Comment;
        var version = Version;
        if (await LoadAsync(plan, period, country, ct) is { } refused)
        {
            return refused;
        }

        if (!await auth.CanAsync(User, IndicatorOperations.Review, new CountryScope(Report.Country)))
        {
            return Forbid();
        }

        Comment = comment;
        Rows = Grid.Where(g => g.Automatic is null).Select(FormOf).ToList();
        var address = await AddressAsync(plan, period, country, ct);
        db.ChangeTracker.Clear();
        var outcome = await db.StepAsync(address, step, new ReportStep(version, comment), text, AuditActor.From(HttpContext), clock, ct);
        return await OutcomeAsync(outcome, plan, period, country, step == ReportActions.Approve ? "Indicators.Approved" : "Indicators.Returned", ct);
    }

    private Task<IActionResult> OutcomeAsync(WriteOutcome<ReportView> outcome, string plan, string period, string country, string done, CancellationToken ct) =>
        PageAfterWriteAsync(outcome, _ =>
        {
            Done = done;
            return Task.FromResult<IActionResult>(Redirect(Url.Content($"~/indicators/reports/{Uri.EscapeDataString(plan)}/{Uri.EscapeDataString(period)}/{Report.Country}")));
        }, async () =>
        {
            // After a conflict the page shows the report as now saved; what was typed stays in the form, at the current version.
            if (IsConflict)
            {
                await LoadAsync(plan, period, country, ct);
            }

            return Page();
        }, current => Version = current.Version);

    private async Task<ReportAddress> AddressAsync(string plan, string period, string country, CancellationToken ct) =>
        (await db.AddressAsync(plan, period, country, text, ct)).Address!;

    private RowForm FormOf(GridRow row)
    {
        var value = Report.Values.FirstOrDefault(v => v.IndicatorId == row.Indicator.Id && v.Dimension == row.Dimension);
        string? F(decimal? number) => number?.ToString("0.##", CultureInfo.CurrentCulture);
        return new RowForm
        {
            IndicatorId = row.Indicator.Id, Dimension = row.Dimension, Total = F(value?.Total), Women = F(value?.Women), Men = F(value?.Men), Other = F(value?.Other), NotReported = F(value?.NotReported),
        };
    }

    private async Task<IActionResult?> LoadAsync(string plan, string period, string country, CancellationToken ct)
    {
        if (!await auth.CanAsync(User, IndicatorOperations.Read))
        {
            return Forbid();
        }

        var (address, _) = await db.AddressAsync(plan, period, country, text, ct);
        if (address is null)
        {
            return NotFound();
        }

        Report = await db.ViewAsync(address, ct);
        PlanTitle = await db.Plans.AsNoTracking().Where(p => p.Id == address.PlanId).Select(p => p.Title).SingleAsync(ct);
        CountryName = await db.Countries.AsNoTracking().Where(c => c.Alpha2 == address.Country).Select(c => c.Name).SingleOrDefaultAsync(ct) ?? new Bilingual(address.Country, address.Country);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == address.PlanId).OrderBy(i => i.SortOrder).ThenBy(i => i.Code).ToListAsync(ct);
        var grid = new List<GridRow>();
        foreach (var indicator in indicators)
        {
            if (indicator.IsAutomatic)
            {
                grid.Add(new GridRow(indicator, Disaggregation.All, true, 1, Report.Values.First(v => v.IndicatorId == indicator.Id)));
                continue;
            }

            var keys = Disaggregation.RowKeys(indicator.DimensionKeys).ToList();
            grid.AddRange(keys.Select((k, i) => new GridRow(indicator, k, i == 0, keys.Count, null)));
        }

        Grid = grid;
        var open = !Report.Locked;
        CanEnter = open && Report.Status is ReportStatus.Draft or ReportStatus.Returned
            && await auth.CanAsync(User, IndicatorOperations.EnterValues, new CountryScope(address.Country));
        CanReview = open && Report.Status is ReportStatus.Submitted or ReportStatus.Approved
            && await auth.CanAsync(User, IndicatorOperations.Review, new CountryScope(address.Country));
        return null;
    }
}
