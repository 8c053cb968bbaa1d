using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Dynamics;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Demand;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Demand;

/// <summary>Starts runs: checks the request against the model, records the inputs with their hash (audited), runs a simulation at once and queues a Monte Carlo set.</summary>
public static class DemandRunning
{
    public const string RunType = "demand-run";

    public static async Task<WriteOutcome<RunView>> StartAsync(MovilidadDb db, int modelId, RunRequest request, IStringLocalizer text, AuditActor actor, DemandQueue queue, TimeProvider clock, CancellationToken ct)
    {
        if (await db.DemandModels.Include(m => m.Scenarios).Include(m => m.Bindings).AsSplitQuery().SingleOrDefaultAsync(m => m.Id == modelId, ct) is not { } model
            || await DemandRuns.LatestVersionAsync(db, modelId, ct) is not { } version)
        {
            return new WriteOutcome<RunView>.NotFound();
        }

        var errors = new FieldErrors();
        var kind = request.Kind ?? "simulation";
        if (kind is not ("simulation" or "sensitivity" or "calibration"))
        {
            errors.Add("kind", text["Demand.Refusal.RunKind", DemandRuns.Shorten(kind)]);
        }

        DemandScenario? scenario = null;
        if (request.Scenario is { } scenarioId && (scenario = model.Scenarios.SingleOrDefault(s => s.Id == scenarioId)) is null)
        {
            errors.Add("scenario", text["Demand.Refusal.NoScenario", scenarioId]);
        }

        var compiled = DemandLibrary.Compile(version);
        var overrides = scenario is null ? new ScenarioOverrides(null, null) : ScenarioOverrides.Read(scenario.Overrides);
        var constants = new SortedDictionary<string, double>(overrides.Constants?.ToDictionary() ?? [], StringComparer.Ordinal);
        foreach (var (name, value) in request.Constants ?? [])
        {
            constants[name] = value;
        }

        foreach (var (field, messages) in DemandRuns.Check(compiled, new ScenarioOverrides(request.Constants, null), text, "constants"))
        {
            errors[field.Replace("constants.constants.", "constants.", StringComparison.Ordinal)] = messages;
        }

        var vary = request.Vary ?? [];
        if (kind == "sensitivity")
        {
            foreach (var (field, messages) in DemandRuns.CheckSensitivity(compiled, request.Runs ?? 0, request.Sampling, vary, text))
            {
                errors[field] = messages;
            }
        }

        // Every binding resolves or the run is refused naming it: a series that no longer reads is never a silent zero.
        var kinds = DemandQueries.Variables(version).ToDictionary(v => DemandRuns.Key(v.Name), v => v.Kind, StringComparer.Ordinal);
        var bound = new List<BoundSeries>();
        foreach (var binding in model.Bindings.OrderBy(b => b.Variable, StringComparer.Ordinal))
        {
            var (series, problem) = await DemandBindings.ResolveAsync(db, binding, text, ct);
            if (problem is { } p)
            {
                errors.Add($"bindings.{binding.Variable}", $"{p.Field}: {p.Message}");
            }
            else if (kinds.GetValueOrDefault(DemandRuns.Key(binding.Variable)) == StructureKind.Constant && !constants.ContainsKey(binding.Variable))
            {
                // A bound constant takes the series' first value (its earliest period) unless the run overrides it.
                constants[binding.Variable] = series!.Values[0];
                bound.Add(series with { Times = [series.Times[0]], Values = [series.Values[0]], Notes = [.. series.Notes, text["Demand.Note.Constant", DemandCharts.Time(series.Times[0])]] });
            }
            else if (!constants.ContainsKey(binding.Variable))
            {
                bound.Add(series!);
            }
        }

        if (errors.Count > 0)
        {
            return new WriteOutcome<RunView>.Invalid(errors);
        }

        var inputs = new RunInputs(kind, version.Sha256, version.Number, scenario?.Name, constants,
            new SortedDictionary<string, LookupPoints>(overrides.Lookups?.ToDictionary() ?? [], StringComparer.Ordinal), request.Seed ?? 0,
            kind == "sensitivity" ? request.Runs : null, kind == "sensitivity" ? request.Sampling ?? "lhs" : null, kind == "sensitivity" ? vary : null, bound.Count > 0 ? bound : null);
        if (kind == "calibration")
        {
            // The observed series are read now and kept with the inputs: the calibration fits what was read, whatever is imported later.
            var calibration = await DemandCalibration.CheckAsync(db, compiled, request, DemandRuns.Options(inputs), errors, text, ct);
            if (calibration is null)
            {
                return new WriteOutcome<RunView>.Invalid(errors);
            }

            inputs = inputs with { Calibration = calibration };
        }
        var run = DemandRuns.Record(version, scenario, inputs, actor.Name, actor.AccountId, clock.GetUtcNow().UtcDateTime);
        if (kind == "simulation")
        {
            try
            {
                run.Results = System.Text.Json.JsonSerializer.Serialize(DemandRuns.Simulate(compiled, inputs, ct), DemandRuns.Json);
            }
            catch (ModelException e)
            {
                return new WriteOutcome<RunView>.Invalid(new Dictionary<string, string[]> { ["constants"] = [DemandMessages.Say(e, CultureInfo.CurrentUICulture)] });
            }

            run.Status = "done";
            run.Progress = 1;
            run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        }

        db.DemandRuns.Add(run);
        await db.SaveAuditedAsync(actor, () => new AuditRecord(AuditActions.Create, RunType, AuditTrail.Key(run.Id), null,
            new { run.Kind, Model = model.Slug, Version = version.Number, run.ScenarioName, run.InputsHash }, model.Country), clock, ct);
        if (kind != "simulation")
        {
            queue.Enqueue(run.Id);
        }

        return new WriteOutcome<RunView>.Saved(DemandQueries.View(run, model.Id, model.Slug, version.Number));
    }
}
