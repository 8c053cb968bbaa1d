using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Dynamics;
using Movilidad.Dynamics.Analysis;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Demand;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Demand;

/// <summary>One stored version of a model.</summary>
public sealed record ModelVersionView(int Number, string FileName, string Format, string Sha256, int VariableCount, IReadOnlyList<string> DataFiles, string UploadedBy, DateTime UploadedAt, string? Note);

/// <summary>A scenario: its overrides of constants and lookups.</summary>
public sealed record ScenarioView(int Id, string Name, string? Description, ScenarioOverrides Overrides, int Version);

/// <summary>A model in the library with its versions (newest last) and its scenarios.</summary>
public sealed record ModelView(int Id, string Slug, string Title, string? Country, int Version, IReadOnlyList<ModelVersionView> Versions, IReadOnlyList<ScenarioView> Scenarios);

/// <summary>What an upload asks for: the model file, its data files, and for a new model its title and country.</summary>
public sealed record ModelUpload(UploadedFile File, IReadOnlyList<UploadedFile> DataFiles, string? Title, string? Country, string? Note);

/// <summary>
/// The library's writes: a new model, a new version of one (version-checked), a scenario (written or imported from a
/// Vensim changes file). Every one is checked against the engine first and saved with its audit entry.
/// </summary>
public static class DemandEditing
{
    public const string ModelType = "demand-model";
    public const string ScenarioType = "demand-scenario";

    private static readonly Editable<DemandModel, ModelView> Models = new(ModelType, FindAsync, View, m => AuditTrail.Key(m.Id), m => m.Country,
        view => view with { Scenarios = [] });

    private static readonly Editable<DemandScenario, ScenarioView> Scenarios = new(ScenarioType,
        (db, id, ct) => db.DemandScenarios.SingleOrDefaultAsync(s => s.Id == id, ct), ScenarioViewOf, s => AuditTrail.Key(s.Id));

    public static Task<DemandModel?> FindAsync(MovilidadDb db, int id, CancellationToken ct) =>
        db.DemandModels.Include(m => m.Versions).ThenInclude(v => v.DataFiles).Include(m => m.Scenarios).AsSplitQuery().SingleOrDefaultAsync(m => m.Id == id, ct);

    public static ModelView View(DemandModel m) => new(m.Id, m.Slug, m.Title, m.Country, m.Version,
        [.. m.Versions.OrderBy(v => v.Number).Select(v => new ModelVersionView(v.Number, v.FileName, v.Format, v.Sha256, v.VariableCount, [.. v.DataFiles.Select(f => f.FileName)], v.UploadedBy, v.UploadedAt, v.Note))],
        [.. m.Scenarios.OrderBy(s => s.Name, StringComparer.Ordinal).Select(ScenarioViewOf)]);

    public static ScenarioView ScenarioViewOf(DemandScenario s) => new(s.Id, s.Name, s.Description, ScenarioOverrides.Read(s.Overrides), s.Version);

    /// <summary>Adds a model with its first version; refused with the engine's message (line, variable) when the file does not read or compile.</summary>
    public static async Task<WriteOutcome<ModelView>> CreateAsync(MovilidadDb db, ModelUpload upload, IStringLocalizer text, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        Text(errors, "title", upload.Title, 200, required: true, text);
        if (upload.Country is { } country && !(country.Length == 2 && country.All(char.IsAsciiLetterUpper)))
        {
            errors.Add("country", text["Demand.Refusal.Country", DemandRuns.Shorten(country)]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (version, error) = DemandLibrary.Read(upload.File, upload.DataFiles, actor.Name, now);
        if (error is not null)
        {
            errors.Add("file", DemandMessages.Say(error, CultureInfo.CurrentUICulture));
        }

        var slug = DemandLibrary.Slug(upload.Title ?? string.Empty);
        if (slug.Length == 0 && !errors.ContainsKey("title"))
        {
            errors.Add("title", text["Demand.Refusal.TitleLetters"]);
        }
        else if (await db.DemandModels.AnyAsync(m => m.Slug == slug, ct))
        {
            errors.Add("title", text["Demand.Refusal.SlugTaken", slug]);
        }

        if (errors.Count > 0)
        {
            return new WriteOutcome<ModelView>.Invalid(errors);
        }

        version!.Number = 1;
        version.Note = upload.Note;
        var model = new DemandModel { Slug = slug, Title = upload.Title!.Trim(), Country = upload.Country, CreatedAt = now, CreatedBy = actor.Name, Versions = [version] };
        return await db.CreateAsync(Models, model, actor, clock, ct);
    }

    /// <summary>Adds a version to a model read at <paramref name="modelVersion"/> (409 when someone uploaded meanwhile).</summary>
    public static Task<WriteOutcome<ModelView>> AddVersionAsync(MovilidadDb db, int id, int modelVersion, ModelUpload upload, IStringLocalizer text, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        DemandModelVersion? version = null;
        return db.EditAsync(Models, id, modelVersion, AuditActions.Update, model =>
        {
            var errors = new FieldErrors();
            var (read, error) = DemandLibrary.Read(upload.File, upload.DataFiles, actor.Name, clock.GetUtcNow().UtcDateTime);
            if (error is not null)
            {
                errors.Add("file", DemandMessages.Say(error, CultureInfo.CurrentUICulture));
            }
            else if (model.Versions.Any(v => v.Sha256 == read!.Sha256))
            {
                errors.Add("file", text["Demand.Refusal.SameFile", model.Versions.First(v => v.Sha256 == read!.Sha256).Number]);
            }

            version = read;
            return Task.FromResult<IDictionary<string, string[]>>(errors);
        }, model =>
        {
            version!.Number = model.Versions.Max(v => v.Number) + 1;
            version.Note = upload.Note;
            model.Versions.Add(version);
            return Task.CompletedTask;
        }, actor, clock, ct);
    }

    /// <summary>Adds a scenario, its overrides checked against the model's latest version.</summary>
    public static async Task<WriteOutcome<ScenarioView>> AddScenarioAsync(MovilidadDb db, DemandModel model, string? name, string? description, ScenarioOverrides overrides, IStringLocalizer text, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        Text(errors, "name", name, 200, required: true, text);
        Text(errors, "description", description, 2000, required: false, text);
        var compiled = DemandLibrary.Compile(model.Versions.OrderBy(v => v.Number).Last());
        foreach (var (field, messages) in DemandRuns.Check(compiled, overrides, text))
        {
            errors[field] = messages;
        }

        if (name is not null && model.Scenarios.Any(s => s.Name == name.Trim()))
        {
            errors.Add("name", text["Demand.Refusal.ScenarioTaken", DemandRuns.Shorten(name)]);
        }

        if (errors.Count > 0)
        {
            return new WriteOutcome<ScenarioView>.Invalid(errors);
        }

        var scenario = new DemandScenario
        {
            ModelId = model.Id,
            Name = name!.Trim(),
            Description = description,
            Overrides = JsonSerializer.Serialize(overrides, DemandRuns.Json),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = actor.Name,
        };
        return await db.CreateAsync(Scenarios, scenario, actor, clock, ct);
    }

    /// <summary>A required text and its length limit, refused in the reader's language naming the field.</summary>
    public static void Text(FieldErrors errors, string field, string? value, int max, bool required, IStringLocalizer text)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, text["Demand.Refusal.Required", field]);
        }
        else if (value?.Length > max)
        {
            errors.Add(field, text["Demand.Refusal.TooLong", field, max]);
        }
    }

    /// <summary>Reads a Vensim changes file (<c>.cin</c>) into a scenario named after the file; its errors name the line.</summary>
    public static (ScenarioOverrides? Overrides, string? Name, string? Error) ReadChanges(string text, string fileName)
    {
        try
        {
            var scenario = ChangesFile.Read(text, fileName);
            return (new ScenarioOverrides(
                scenario.Constants.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal),
                scenario.Lookups.ToDictionary(l => l.Key, l => new LookupPoints([.. l.Value.X], [.. l.Value.Y]), StringComparer.Ordinal)), scenario.Name, null);
        }
        catch (Exception e) when (e is AnalysisException or ModelException)
        {
            return (null, null, DemandMessages.Say(e, CultureInfo.CurrentUICulture));
        }
    }
}
