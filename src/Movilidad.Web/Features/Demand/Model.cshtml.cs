using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Dynamics;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Demand;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Localization;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Demand;

/// <summary>
/// A model's page: versions, the stock-and-flow diagram, the variables by kind with units and comments, scenarios and
/// runs; the forms to run it (a simulation, a Monte Carlo set) and to import a scenario from a changes file.
/// </summary>
[AllowAnonymous]
[RequestSizeLimit(DemandUpload.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = DemandUpload.MaxBytes)]
public class ModelModel(MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, DemandQueue queue, TimeProvider clock) : WritePage
{
    public DemandModel Entity { get; private set; } = null!;

    public ModelView View { get; private set; } = null!;

    public IReadOnlyList<StructureVariable> Variables { get; private set; } = [];

    public XElement Diagram { get; private set; } = null!;

    public bool DiagramFromSketch { get; private set; }

    public IReadOnlyList<RunListItem> Runs { get; private set; } = [];

    public bool CanManage { get; private set; }

    public bool CanRun { get; private set; }

    public IReadOnlyList<string> Messages { get; private set; } = [];

    /// <summary>The Monte Carlo form as sent, to show again with its errors.</summary>
    [BindProperty]
    public SensitivityForm Sensitivity { get; set; } = new();

    /// <summary>The calibration form as sent.</summary>
    [BindProperty]
    public CalibrationForm Calibration { get; set; } = new();

    /// <summary>The binding form as sent.</summary>
    [BindProperty]
    public SeriesForm Binding { get; set; } = new();

    /// <summary>The model's bindings, each resolved now.</summary>
    public IReadOnlyList<BindingState> Bindings { get; private set; } = [];

    /// <summary>The labour-market datasets a series can be read from.</summary>
    public IReadOnlyList<(int Id, string Name)> Datasets { get; private set; } = [];

    /// <summary>The series the binding form would bind, aligned, when the person asked for a preview.</summary>
    public BoundSeries? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await ShowAsync(slug, ct);

    public async Task<IActionResult> OnPostRunAsync(string slug, int? scenario, CancellationToken ct) =>
        await StartAsync(slug, new RunRequest("simulation", scenario, null, null, null, null, null), ct);

    public async Task<IActionResult> OnPostSensitivityAsync(string slug, CancellationToken ct)
    {
        var vary = Sensitivity.Names.Zip(Sensitivity.Distributions).Where(p => !string.IsNullOrWhiteSpace(p.First) || !string.IsNullOrWhiteSpace(p.Second))
            .Select(p => new VariationInput(p.First ?? string.Empty, p.Second ?? string.Empty)).ToList();
        var fields = new FieldErrors();
        var runs = Whole(fields, "runs", Sensitivity.Runs) ?? 0;
        var seed = Whole(fields, "seed", Sensitivity.Seed) ?? 0;
        if (fields.Count > 0)
        {
            return await RefuseWithAsync(slug, fields, ct);
        }

        return await StartAsync(slug, new RunRequest("sensitivity", Sensitivity.Scenario, null, seed, runs, Sensitivity.Sampling, vary), ct);
    }

    public async Task<IActionResult> OnPostCalibrateAsync(string slug, CancellationToken ct)
    {
        var fields = new FieldErrors();
        var fit = new List<FitInput>();
        for (var i = 0; i < Calibration.Names.Count; i++)
        {
            var (low, high, start) = (Calibration.Lows.ElementAtOrDefault(i), Calibration.Highs.ElementAtOrDefault(i), Calibration.Starts.ElementAtOrDefault(i));
            if (!string.IsNullOrWhiteSpace(Calibration.Names[i]) || !string.IsNullOrWhiteSpace(low) || !string.IsNullOrWhiteSpace(high))
            {
                fit.Add(new FitInput(Calibration.Names[i], Number(fields, $"fit[{fit.Count}].low", low), Number(fields, $"fit[{fit.Count}].high", high), Number(fields, $"fit[{fit.Count}].start", start)));
            }
        }

        var observed = new ObservedInput(Calibration.Series.Variable, Whole(fields, "observed[0].dataset", Calibration.Series.Dataset), Calibration.Series.Measure, Calibration.Series.Occupation,
            Calibration.Series.Area, Calibration.Series.Programme, Calibration.Series.Aggregation, Calibration.Series.Alignment,
            Number(fields, "observed[0].scale", Calibration.Series.Scale), Number(fields, "observed[0].weight", Calibration.Weight));
        var request = new RunRequest("calibration", Calibration.Scenario, null, Whole(fields, "seed", Calibration.Seed) ?? 0, null, null, null, fit, [observed],
            Calibration.Payoff, Calibration.Method, Whole(fields, "starts", Calibration.StartCount), Number(fields, "backtestBefore", Calibration.BacktestBefore));
        if (fields.Count > 0)
        {
            return await RefuseWithAsync(slug, fields, ct);
        }

        return await StartAsync(slug, request, ct);
    }

    public async Task<IActionResult> OnPostBindAsync(string slug, CancellationToken ct) => await BindAsync(slug, preview: false, ct);

    public async Task<IActionResult> OnPostPreviewBindingAsync(string slug, CancellationToken ct) => await BindAsync(slug, preview: true, ct);

    public async Task<IActionResult> OnPostImportAsync(string slug, IFormFile? changes, CancellationToken ct)
    {
        if (await FindAsync(slug, ct) is not { } model)
        {
            return NotFound();
        }

        if (!await DemandApi.CanManageAsync(User, auth, model.Country))
        {
            return Forbid();
        }

        if (changes is null || changes.Length == 0)
        {
            return await RefuseWithAsync(slug, new Dictionary<string, string[]> { ["changes"] = [string.Empty] }, ct);
        }

        string content;
        using (var reader = new StreamReader(changes.OpenReadStream(), Encoding.UTF8))
        {
            content = await reader.ReadToEndAsync(ct);
        }

        var (overrides, name, error) = DemandEditing.ReadChanges(content, Path.GetFileName(changes.FileName));
        if (overrides is null)
        {
            return await RefuseWithAsync(slug, new Dictionary<string, string[]> { ["changes"] = [error!] }, ct);
        }

        var outcome = await DemandEditing.AddScenarioAsync(db, model, name, $"{Path.GetFileName(changes.FileName)}", overrides, text, AuditActor.From(HttpContext), clock, ct);
        if (outcome is WriteOutcome<ScenarioView>.Invalid invalid)
        {
            Messages = DemandPage.Messages(invalid.Errors, text);
        }

        return await PageAfterWriteAsync(outcome, $"/models/{slug}#scenarios", () => ShowAsync(slug, ct));
    }

    /// <summary>Binds a variable to a series from the form, or only shows what it would bind (the aligned series with its notes).</summary>
    private async Task<IActionResult> BindAsync(string slug, bool preview, CancellationToken ct)
    {
        if (await FindAsync(slug, ct) is not { } model)
        {
            return NotFound();
        }

        if (!await DemandApi.CanManageAsync(User, auth, model.Country))
        {
            return Forbid();
        }

        var fields = new FieldErrors();
        var request = new BindingRequest(Binding.Variable, Binding.Kind, Whole(fields, "dataset", Binding.Dataset), Binding.Measure, Binding.Occupation, Binding.Area, Binding.Programme,
            Binding.Aggregation, Binding.Alignment, Number(fields, "scale", Binding.Scale), Number(fields, "lag", Binding.Lag), Number(fields, "indexBase", Binding.IndexBase));
        if (fields.Count > 0)
        {
            return await RefuseWithAsync(slug, fields, ct);
        }

        if (preview)
        {
            var (series, errors) = await DemandBindings.PreviewAsync(db, model, request, text, ct);
            if (series is null)
            {
                return await RefuseWithAsync(slug, errors, ct);
            }

            Preview = series;
            return await ShowAsync(slug, ct);
        }

        var outcome = await DemandBindings.AddAsync(db, model, request, text, AuditActor.From(HttpContext), clock, ct);
        if (outcome is WriteOutcome<BindingView>.Invalid invalid)
        {
            Messages = DemandPage.Messages(invalid.Errors, text);
        }

        return await PageAfterWriteAsync(outcome, $"/models/{slug}#bindings", () => ShowAsync(slug, ct));
    }

    /// <summary>A number typed in the reader's format (a decimal comma in Spanish); blank is none, anything else refused in the reader's language.</summary>
    private double? Number(FieldErrors errors, string field, string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        if (PageFormats.TryParseAmount(typed, CultureInfo.CurrentCulture, out var amount))
        {
            return (double)amount;
        }

        errors.Add(field, text["Demand.Refusal.NotANumber", DemandRuns.Shorten(typed)]);
        return null;
    }

    /// <summary>A whole number typed in a form, with or without the reader's thousands separators; blank is none; one too large for the field is its largest value (refused by the rule that limits it).</summary>
    private int? Whole(FieldErrors errors, string field, string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        if (long.TryParse(typed, NumberStyles.Integer | NumberStyles.AllowThousands, CultureInfo.CurrentCulture, out var whole))
        {
            return (int)Math.Clamp(whole, int.MinValue, int.MaxValue);
        }

        errors.Add(field, text["Demand.Refusal.NotAWholeNumber", DemandRuns.Shorten(typed)]);
        return null;
    }

    private async Task<IActionResult> StartAsync(string slug, RunRequest request, CancellationToken ct)
    {
        if (await FindAsync(slug, ct) is not { } model)
        {
            return NotFound();
        }

        if (!(await auth.AuthorizeAsync(User, null, DemandOperations.Run)).Succeeded)
        {
            return Forbid();
        }

        var outcome = await DemandRunning.StartAsync(db, model.Id, request, text, AuditActor.From(HttpContext), queue, clock, ct);
        if (outcome is WriteOutcome<RunView>.Invalid invalid)
        {
            Messages = DemandPage.Messages(invalid.Errors, text);
        }

        return await PageAfterWriteAsync(outcome, r => Task.FromResult<IActionResult>(Redirect($"/models/runs/{r.Id}")), () => ShowAsync(slug, ct));
    }

    private async Task<IActionResult> RefuseWithAsync(string slug, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        Messages = DemandPage.Messages(errors, text);
        return await RefuseAsync(errors, () => ShowAsync(slug, ct));
    }

    private Task<DemandModel?> FindAsync(string slug, CancellationToken ct) =>
        db.DemandModels.Include(m => m.Versions).ThenInclude(v => v.DataFiles).Include(m => m.Scenarios).AsSplitQuery().SingleOrDefaultAsync(m => m.Slug == slug, ct);

    private async Task<IActionResult> ShowAsync(string slug, CancellationToken ct)
    {
        if (await FindAsync(slug, ct) is not { } model)
        {
            return NotFound();
        }

        Entity = model;
        View = DemandEditing.View(model);
        var latest = model.Versions.OrderBy(v => v.Number).Last();
        Variables = DemandQueries.Variables(latest);
        (Diagram, DiagramFromSketch) = DemandDiagram.Render(text["Demand.DiagramOf", model.Title], latest.Source, latest.Format, Variables);
        Runs = await DemandQueries.RunsAsync(db, model.Id, 20, ct);
        CanManage = await DemandApi.CanManageAsync(User, auth, model.Country);
        CanRun = (await auth.AuthorizeAsync(User, null, DemandOperations.Run)).Succeeded;
        Bindings = await DemandBindings.StatesAsync(db, model.Id, text, ct);
        if (CanManage || CanRun)
        {
            Datasets = [.. (await db.Set<Platform.LabourMarket.LabourDataset>().OrderBy(d => d.Id).Take(500).Select(d => new { d.Id, d.Title, d.FileName }).ToListAsync(ct))
                .Select(d => (d.Id, $"{d.Id} · {d.Title ?? d.FileName}"))];
        }

        return Page();
    }
}

/// <summary>The fields of a series in a form: the names its inputs post under (<c>Binding.Measure</c>...), their ids, the values as sent, and the datasets to choose from.</summary>
public sealed record SeriesFields(string Prefix, string IdPrefix, SeriesForm Values, IReadOnlyList<(int Id, string Name)> Datasets)
{
    public string Dataset => Prefix + ".Dataset";

    public string Measure => Prefix + ".Measure";

    public string Occupation => Prefix + ".Occupation";

    public string Area => Prefix + ".Area";

    public string Programme => Prefix + ".Programme";

    public string Aggregation => Prefix + ".Aggregation";

    public string Alignment => Prefix + ".Alignment";

    public string Scale => Prefix + ".Scale";
}

/// <summary>A labour-market series as the binding and calibration forms read it: dataset, measure, occupation, area, programme, aggregation, alignment and transformation.</summary>
public sealed class SeriesForm
{
    public string? Variable { get; set; }

    public string? Kind { get; set; } = "series";

    public string? Dataset { get; set; }

    public string? Measure { get; set; }

    public string? Occupation { get; set; }

    public string? Area { get; set; }

    public string? Programme { get; set; }

    public string? Aggregation { get; set; } = "sum";

    public string? Alignment { get; set; } = "fiscal-year";

    public string? Scale { get; set; }

    public string? Lag { get; set; }

    public string? IndexBase { get; set; }
}

/// <summary>The calibration form: the scenario, up to three constants with their ranges and starts, one observed series with its weight, the payoff, the method, the starts, the seed and the back-test.</summary>
public sealed class CalibrationForm
{
    public int? Scenario { get; set; }

    public List<string?> Names { get; set; } = [null, null, null];

    public List<string?> Lows { get; set; } = [null, null, null];

    public List<string?> Highs { get; set; } = [null, null, null];

    public List<string?> Starts { get; set; } = [null, null, null];

    public SeriesForm Series { get; set; } = new();

    public string? Weight { get; set; } = "1";

    public string? Payoff { get; set; } = "sse";

    public string? Method { get; set; } = "nelder-mead";

    public string? StartCount { get; set; } = "4";

    public string? Seed { get; set; } = "1";

    public string? BacktestBefore { get; set; }
}

/// <summary>The Monte Carlo form: runs, seed, sampling, the scenario, and up to three constants with their distributions.</summary>
public sealed class SensitivityForm
{
    public string? Runs { get; set; } = "200";

    public string? Seed { get; set; } = "1";

    public string? Sampling { get; set; } = "lhs";

    public int? Scenario { get; set; }

    public List<string?> Names { get; set; } = [null, null, null];

    public List<string?> Distributions { get; set; } = [null, null, null];
}
