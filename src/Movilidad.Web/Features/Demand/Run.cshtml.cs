using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Demand;

/// <summary>
/// A stored run: what it ran (version, scenario, inputs, hash), its progress while it works, and its results: a chart of
/// any variable with other runs of the same model on it (?compare=), the table beside, the percentile bands and rank
/// correlations of a Monte Carlo set, and the downloads.
/// </summary>
[AllowAnonymous]
public class RunModel(MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock) : WritePage
{
    public RunView Run { get; private set; } = null!;

    /// <summary>Other runs of the same model drawn on the same chart.</summary>
    public IReadOnlyList<RunView> Compared { get; private set; } = [];

    /// <summary>Runs of the model that can be added to the chart.</summary>
    public IReadOnlyList<RunListItem> Others { get; private set; } = [];

    public IReadOnlyList<string> Names { get; private set; } = [];

    public string? Variable { get; private set; }

    public bool CanStop { get; private set; }

    /// <summary>Whether the reader may save a calibration's fit as a scenario of the model.</summary>
    public bool CanSaveScenario { get; private set; }

    public IReadOnlyList<string> Messages { get; private set; } = [];

    /// <summary>The name typed for the scenario, shown again when refused.</summary>
    [BindProperty]
    public string? ScenarioName { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, string? variable, int[]? compare, CancellationToken ct) => await ShowAsync(id, variable, compare, ct);

    public async Task<IActionResult> OnPostSaveScenarioAsync(int id, CancellationToken ct)
    {
        if (await DemandQueries.RunAsync(db, id, ct) is not { } run || await DemandEditing.FindAsync(db, run.ModelId, ct) is not { } model)
        {
            return NotFound();
        }

        if (!await DemandApi.CanManageAsync(User, auth, model.Country))
        {
            return Forbid();
        }

        var outcome = await DemandCalibration.SaveScenarioAsync(db, model, run, ScenarioName, text, AuditActor.From(HttpContext), clock, ct);
        if (outcome is WriteOutcome<ScenarioView>.Invalid invalid)
        {
            Messages = DemandPage.Messages(invalid.Errors, text);
        }

        return await PageAfterWriteAsync(outcome, s => Task.FromResult<IActionResult>(Redirect($"/models/{model.Slug}#scenario-{s.Id}")), () => ShowAsync(id, null, null, ct));
    }

    private async Task<IActionResult> ShowAsync(int id, string? variable, int[]? compare, CancellationToken ct)
    {
        if (await DemandQueries.RunAsync(db, id, ct) is not { } run)
        {
            return NotFound();
        }

        Run = run;
        Names = run.Simulation?.Series.Keys.ToList() ?? run.Sensitivity?.Bands.Keys.ToList() ?? [];
        Variable = variable is not null && Names.Contains(variable) ? variable : Names.FirstOrDefault(n => n == "certified workers") ?? (Names.Count > 0 ? Names[0] : null);
        var compared = new List<RunView>();
        foreach (var other in (compare ?? []).Where(c => c != id).Distinct().Take(5))
        {
            if (await DemandQueries.RunAsync(db, other, ct) is { ModelId: var model, Simulation: not null } view && model == run.ModelId)
            {
                compared.Add(view);
            }
        }

        Compared = compared;
        Others = (await DemandQueries.RunsAsync(db, run.ModelId, 20, ct)).Where(r => r.Id != id && r.Kind == "simulation" && r.Status == "done").ToList();
        CanStop = run.Status is "queued" or "running" && (await auth.AuthorizeAsync(User, null, DemandOperations.Run)).Succeeded;
        CanSaveScenario = run.Calibration is not null
            && await db.DemandModels.Where(m => m.Id == run.ModelId).Select(m => new { m.Country }).SingleAsync(ct) is var owner
            && await DemandApi.CanManageAsync(User, auth, owner.Country);
        return Page();
    }

    public async Task<IActionResult> OnPostStopAsync(int id, CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, null, DemandOperations.Run)).Succeeded)
        {
            return Forbid();
        }

        if (!await db.DemandRuns.AnyAsync(r => r.Id == id, ct))
        {
            return NotFound();
        }

        await db.DemandRuns.Where(r => r.Id == id && (r.Status == "queued" || r.Status == "running")).ExecuteUpdateAsync(s => s.SetProperty(r => r.StopRequested, true), ct);
        return Redirect($"/models/runs/{id}");
    }

    /// <summary>The label of a run on a chart: its scenario (or the model as shipped) and its number.</summary>
    public static string Label(RunView run, string asShipped) => $"#{run.Id} {run.Scenario ?? asShipped}";
}
