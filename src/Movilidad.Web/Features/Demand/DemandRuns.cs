using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Dynamics;
using Movilidad.Dynamics.Analysis;
using Movilidad.Platform.Data;
using Movilidad.Platform.Demand;

namespace Movilidad.Web.Features.Demand;

/// <summary>A lookup's points as a scenario overrides them.</summary>
public sealed record LookupPoints(IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>A scenario's overrides: constants and lookups by the model's names.</summary>
public sealed record ScenarioOverrides(IReadOnlyDictionary<string, double>? Constants, IReadOnlyDictionary<string, LookupPoints>? Lookups)
{
    public static ScenarioOverrides Read(string json) => JsonSerializer.Deserialize<ScenarioOverrides>(json, DemandRuns.Json) ?? new(null, null);
}

/// <summary>One constant varied in a Monte Carlo set, as <c>uniform(LOW,HIGH)</c>, <c>normal(MEAN,SD)</c>...</summary>
public sealed record VariationInput(string Name, string Distribution);

/// <summary>What a run ran with, kept whole with the run: its hash proves a rerun used the same.</summary>
public sealed record RunInputs(
    string Kind,
    string ModelSha256,
    int ModelVersion,
    string? Scenario,
    IReadOnlyDictionary<string, double> Constants,
    IReadOnlyDictionary<string, LookupPoints> Lookups,
    int Seed,
    int? Runs = null,
    string? Sampling = null,
    IReadOnlyList<VariationInput>? Vary = null,
    IReadOnlyList<BoundSeries>? Bound = null,
    CalibrationInputs? Calibration = null);

/// <summary>A simulation's results: the saved times and each variable's series.</summary>
public sealed record SimulationSeries(IReadOnlyList<double> Times, IReadOnlyDictionary<string, double[]> Series);

/// <summary>A Monte Carlo set's results: per variable and saved time the percentiles 5, 25, 50, 75, 95; per input the rank correlation with each variable at the final time.</summary>
public sealed record SensitivityBands(int Runs, IReadOnlyList<double> Times, IReadOnlyDictionary<string, double[][]> Bands, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> RankCorrelations);

/// <summary>
/// Runs models: checks a run's inputs against the model (names, distributions, the number of runs), records them with
/// their hash, runs a simulation at once and a Monte Carlo set in the background queue.
/// </summary>
public static class DemandRuns
{
    /// <summary>The most runs a Monte Carlo set may have through the platform (the engine's own limit).</summary>
    public const int MaxRuns = Movilidad.Dynamics.Analysis.Sensitivity.MaxRuns;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The scenario's overrides, checked against the model: each constant a constant, each lookup a lookup with as many x as y.</summary>
    public static Dictionary<string, string[]> Check(CompiledModel model, ScenarioOverrides overrides, IStringLocalizer text, string field = "overrides")
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var variables = model.Model.Describe().ToDictionary(v => Key(v.Name), StringComparer.Ordinal);
        foreach (var (name, value) in overrides.Constants ?? new Dictionary<string, double>())
        {
            if (!variables.TryGetValue(Key(name), out var v) || v.Kind != StructureKind.Constant)
            {
                errors[$"{field}.constants.{name}"] = [text["Demand.Refusal.NotAConstant", Shorten(name)]];
            }
            else if (!double.IsFinite(value))
            {
                errors[$"{field}.constants.{name}"] = [text["Demand.Refusal.NotFinite", Shorten(name)]];
            }
        }

        foreach (var (name, points) in overrides.Lookups ?? new Dictionary<string, LookupPoints>())
        {
            if (!variables.TryGetValue(Key(name), out var v) || v.Kind != StructureKind.Lookup)
            {
                errors[$"{field}.lookups.{name}"] = [text["Demand.Refusal.NotALookup", Shorten(name)]];
            }
            else if (points.X.Count == 0 || points.X.Count != points.Y.Count)
            {
                errors[$"{field}.lookups.{name}"] = [text["Demand.Refusal.LookupPoints", Shorten(name)]];
            }
        }

        return errors;
    }

    /// <summary>The Monte Carlo request checked: the number of runs within the limit, each name a constant, each distribution valid and describing values.</summary>
    public static Dictionary<string, string[]> CheckSensitivity(CompiledModel model, int runs, string? sampling, IReadOnlyList<VariationInput> vary, IStringLocalizer text)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (runs is < 1 or > MaxRuns)
        {
            errors["runs"] = [text["Demand.Refusal.Runs", runs, MaxRuns]];
        }

        if (sampling is not (null or "lhs" or "random"))
        {
            errors["sampling"] = [text["Demand.Refusal.Sampling", Shorten(sampling)]];
        }

        if (vary.Count == 0)
        {
            errors["vary"] = [text["Demand.Refusal.VaryNone"]];
        }

        var constants = model.Model.Describe().Where(v => v.Kind == StructureKind.Constant).ToDictionary(v => Key(v.Name), StringComparer.Ordinal);
        for (var i = 0; i < vary.Count; i++)
        {
            if (!constants.ContainsKey(Key(vary[i].Name)))
            {
                errors[$"vary[{i}].name"] = [text["Demand.Refusal.NotAConstant", Shorten(vary[i].Name)]];
            }

            try
            {
                Distribution.Parse(vary[i].Distribution ?? string.Empty).Validate(vary[i].Distribution);
            }
            catch (AnalysisException e)
            {
                errors[$"vary[{i}].distribution"] = [DemandMessages.Say(e, CultureInfo.CurrentUICulture) + "."];
            }
        }

        return errors;
    }

    /// <summary>
    /// The run's record, with its inputs and their hash, queued (a Monte Carlo set) or about to run (a simulation). The notes
    /// on how bound and observed series were read are kept in the language of who ran it and left out of the hash, which
    /// identifies the numbers: the same inputs run in Spanish and in English have one hash.
    /// </summary>
    public static DemandRun Record(DemandModelVersion version, DemandScenario? scenario, RunInputs inputs, string by, int? byId, DateTime at)
    {
        var json = JsonSerializer.Serialize(inputs, Json);
        var hashed = JsonSerializer.Serialize(inputs with
        {
            Bound = inputs.Bound?.Select(b => b with { Notes = [] }).ToList(),
            Calibration = inputs.Calibration is { } calibration ? calibration with { Observed = [.. calibration.Observed.Select(o => o with { Notes = [] })] } : null,
        }, Json);
        return new DemandRun
        {
            ModelVersionId = version.Id,
            ScenarioId = scenario?.Id,
            ScenarioName = scenario?.Name,
            Kind = inputs.Kind,
            Status = "queued",
            Inputs = json,
            InputsHash = Hash(version.Sha256, hashed),
            CreatedAt = at,
            CreatedBy = by,
            CreatedById = byId,
        };
    }

    public static string Hash(string modelSha256, string inputs) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(modelSha256 + "\n" + inputs)));

    /// <summary>The simulation options of a run's inputs.</summary>
    public static SimulationOptions Options(RunInputs inputs) => new()
    {
        Constants = inputs.Constants.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal),
        Lookups = inputs.Lookups.ToDictionary(l => l.Key, l => new DataSeries(l.Value.X, l.Value.Y), StringComparer.Ordinal),
        Data = (inputs.Bound ?? []).Where(b => b.Times.Count > 1).ToDictionary(b => b.Variable, b => new DataSeries(b.Times, b.Values), StringComparer.Ordinal),
        Seed = inputs.Seed,
    };

    /// <summary>Runs a simulation: every variable the model saves, by time.</summary>
    public static SimulationSeries Simulate(CompiledModel model, RunInputs inputs, CancellationToken ct)
    {
        var result = model.Run(Options(inputs), ct);
        var names = model.Model.Describe().Where(v => v.Kind is not (StructureKind.Control or StructureKind.Lookup)).Select(v => v.Name).ToList();
        return new SimulationSeries([.. result.Times], names.Where(n => result.ColumnOf(n) >= 0).ToDictionary(n => n, result.Series, StringComparer.Ordinal));
    }

    /// <summary>Runs a Monte Carlo set on every core, reporting the share of runs done.</summary>
    public static SensitivityBands Sensitivity(CompiledModel model, RunInputs inputs, Action<double> progress, CancellationToken ct)
    {
        var runs = inputs.Runs ?? 1;
        var variations = (inputs.Vary ?? []).Select(v => new Variation(v.Name, Distribution.Parse(v.Distribution))).ToList();
        var result = Movilidad.Dynamics.Analysis.Sensitivity.Run(model, variations, new SensitivityOptions
        {
            Runs = runs,
            Seed = inputs.Seed,
            Sampling = inputs.Sampling == "random" ? Sampling.Random : Sampling.LatinHypercube,
            Simulation = Options(inputs),
            Progress = new Progress(done => progress((double)done / runs)),
        }, ct);
        var outputs = model.Model.Describe().Where(v => v.Kind is StructureKind.Stock or StructureKind.Flow or StructureKind.Auxiliary).Select(v => v.Name)
            .Where(n => result.IndexOf(n) >= 0).ToList();
        var last = result.Times.Count - 1;
        var bands = outputs.ToDictionary(n => n, n =>
        {
            var index = result.IndexOf(n);
            return Enumerable.Range(0, result.Times.Count).Select(row => result.Band(index, row)).ToArray();
        }, StringComparer.Ordinal);
        var correlations = variations.Select((v, i) => (v.Name, i)).ToDictionary(
            v => v.Name,
            v => (IReadOnlyDictionary<string, double>)outputs.ToDictionary(n => n, n => result.RankCorrelation(v.i, result.IndexOf(n), last), StringComparer.Ordinal),
            StringComparer.Ordinal);
        return new SensitivityBands(runs, [.. result.Times], bands, correlations);
    }

    /// <summary>The latest version of each model, with its data files, for a run.</summary>
    public static Task<DemandModelVersion?> LatestVersionAsync(MovilidadDb db, int modelId, CancellationToken ct) =>
        db.DemandModelVersions.Include(v => v.DataFiles).Where(v => v.ModelId == modelId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);

    public static string Key(string name) => string.Join(' ', name.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    public static string Shorten(string? text) => text is null ? string.Empty : text.Length <= 60 ? text : text[..60] + "…";

    private sealed class Progress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
