using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Dynamics;
using Movilidad.Platform.Data;
using Movilidad.Platform.Demand;

namespace Movilidad.Web.Features.Demand;

/// <summary>The library's reads: the list, a model's variables (described once per version), a stored run.</summary>
public static class DemandQueries
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<StructureVariable>> Described = new(StringComparer.Ordinal);

    public static async Task<IReadOnlyList<ModelSummary>> SummariesAsync(MovilidadDb db, CancellationToken ct)
    {
        var rows = await db.DemandModels
            .Select(m => new
            {
                m.Id, m.Slug, m.Title, m.Country,
                Versions = m.Versions.Count,
                Latest = m.Versions.OrderByDescending(v => v.Number).Select(v => new { v.Number, v.Format, v.VariableCount, v.UploadedAt }).First(),
            })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Title, StringComparer.CurrentCulture).Select(r => new ModelSummary(r.Id, r.Slug, r.Title, r.Country, r.Versions, r.Latest.Number, r.Latest.Format, r.Latest.VariableCount, r.Latest.UploadedAt))];
    }

    /// <summary>The latest version's variables, as the engine reads them.</summary>
    public static IReadOnlyList<StructureVariable> Variables(DemandModel model) => Variables(model.Versions.OrderBy(v => v.Number).Last());

    public static IReadOnlyList<StructureVariable> Variables(DemandModelVersion version) =>
        Described.GetOrAdd(version.Sha256, _ => DemandLibrary.Compile(version).Model.Describe());

    public static async Task<RunView?> RunAsync(MovilidadDb db, int id, CancellationToken ct)
    {
        var row = await db.DemandRuns.Where(r => r.Id == id)
            .Join(db.DemandModelVersions, r => r.ModelVersionId, v => v.Id, (r, v) => new { Run = r, v.ModelId, v.Number })
            .Join(db.DemandModels, x => x.ModelId, m => m.Id, (x, m) => new { x.Run, x.ModelId, x.Number, m.Slug })
            .SingleOrDefaultAsync(ct);
        return row is null ? null : View(row.Run, row.ModelId, row.Slug, row.Number);
    }

    public static RunView View(DemandRun r, int modelId, string slug, int number) => new(
        r.Id, modelId, slug, number, r.Kind, r.Status, r.Progress, r.ScenarioName, r.InputsHash,
        JsonSerializer.Deserialize<RunInputs>(r.Inputs, DemandRuns.Json)!, r.CreatedBy, r.CreatedAt, r.FinishedAt, DemandMessages.Read(r.Error, CultureInfo.CurrentUICulture),
        r.Kind == "simulation" && r.Results is { } s ? JsonSerializer.Deserialize<SimulationSeries>(s, DemandRuns.Json) : null,
        r.Kind == "sensitivity" && r.Results is { } b ? JsonSerializer.Deserialize<SensitivityBands>(b, DemandRuns.Json) : null,
        r.Kind == "calibration" && r.Results is { } c ? JsonSerializer.Deserialize<CalibrationFit>(c, DemandRuns.Json) : null);

    /// <summary>The model's runs, newest first.</summary>
    public static Task<List<RunListItem>> RunsAsync(MovilidadDb db, int modelId, int limit, CancellationToken ct) =>
        db.DemandRuns.Join(db.DemandModelVersions.Where(v => v.ModelId == modelId), r => r.ModelVersionId, v => v.Id, (r, v) => new { r, v.Number })
            .OrderByDescending(x => x.r.Id).Take(limit)
            .Select(x => new RunListItem(x.r.Id, x.r.Kind, x.r.Status, x.r.Progress, x.r.ScenarioName, x.Number, x.r.CreatedBy, x.r.CreatedAt, x.r.InputsHash))
            .ToListAsync(ct);
}

/// <summary>A run in a model's list of runs.</summary>
public sealed record RunListItem(int Id, string Kind, string Status, double Progress, string? Scenario, int ModelVersion, string CreatedBy, DateTime CreatedAt, string InputsHash);
