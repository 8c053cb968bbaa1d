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
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Demand;

/// <summary>
/// A model's page: versions, the stock-and-flow diagram, the variables by kind with units and comments, scenarios and
/// runs; the forms to run it (a simulation, a Monte Carlo set) and to import a scenario from a changes file.
/// </summary>
[AllowAnonymous]
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

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await ShowAsync(slug, ct);

    public async Task<IActionResult> OnPostRunAsync(string slug, int? scenario, CancellationToken ct) =>
        await StartAsync(slug, new RunRequest("simulation", scenario, null, null, null, null, null), ct);

    public async Task<IActionResult> OnPostSensitivityAsync(string slug, CancellationToken ct)
    {
        var vary = Sensitivity.Names.Zip(Sensitivity.Distributions).Where(p => !string.IsNullOrWhiteSpace(p.First) || !string.IsNullOrWhiteSpace(p.Second))
            .Select(p => new VariationInput(p.First ?? string.Empty, p.Second ?? string.Empty)).ToList();
        var runs = long.TryParse(Sensitivity.Runs, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) ? (int)Math.Min(asked, int.MaxValue) : 0;
        int.TryParse(Sensitivity.Seed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed);
        return await StartAsync(slug, new RunRequest("sensitivity", Sensitivity.Scenario, null, seed, runs, Sensitivity.Sampling, vary), ct);
    }

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

        var outcome = await DemandEditing.AddScenarioAsync(db, model, name, $"{Path.GetFileName(changes.FileName)}", overrides, AuditActor.From(HttpContext), clock, ct);
        if (outcome is WriteOutcome<ScenarioView>.Invalid invalid)
        {
            Messages = DemandPage.Messages(invalid.Errors, text);
        }

        return await PageAfterWriteAsync(outcome, $"/models/{slug}#scenarios", () => ShowAsync(slug, ct));
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
        return Page();
    }
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
