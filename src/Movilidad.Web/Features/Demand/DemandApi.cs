using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Dynamics;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Demand;
using Movilidad.Web.Infrastructure.Api;

namespace Movilidad.Web.Features.Demand;

/// <summary>A model in the list of the library.</summary>
public sealed record ModelSummary(int Id, string Slug, string Title, string? Country, int Versions, int LatestVersion, string Format, int Variables, DateTime UpdatedAt);

/// <summary>A model with its versions, scenarios and the latest version's variables.</summary>
public sealed record ModelDetails(ModelView Model, IReadOnlyList<StructureVariable> Variables);

/// <summary>What a run request asks for: a simulation or a Monte Carlo set, on a scenario, with overrides of its own.</summary>
public sealed record RunRequest(string? Kind, int? Scenario, Dictionary<string, double>? Constants, int? Seed, int? Runs, string? Sampling, List<VariationInput>? Vary,
    List<FitInput>? Fit = null, List<ObservedInput>? Observed = null, string? Payoff = null, string? Method = null, int? Starts = null, double? BacktestBefore = null);

/// <summary>A stored run: what it ran (inputs and their hash), where it is (status, progress) and its results.</summary>
public sealed record RunView(int Id, int ModelId, string ModelSlug, int ModelVersion, string Kind, string Status, double Progress, string? Scenario, string InputsHash, RunInputs Inputs,
    string CreatedBy, DateTime CreatedAt, DateTime? FinishedAt, string? Error, SimulationSeries? Simulation, SensitivityBands? Sensitivity, CalibrationFit? Calibration);

/// <summary>
/// The model library for machine readers and writers: models, versions, scenarios, runs, results as CSV and XLSX.
/// Reading is public; uploading and scenarios are for the Secretariat and the focal point of the model's country; runs for
/// the people who work on the plans (<see cref="DemandPermissions"/>).
/// </summary>
public static class DemandApi
{
    public static IEndpointRouteBuilder MapDemandApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/models").WithTags("Demand models").AddEndpointFilter(ApiAntiforgery.RequireForCookies);

        api.MapGet("", async (MovilidadDb db, CancellationToken ct) => TypedResults.Ok(await DemandQueries.SummariesAsync(db, ct)))
            .AllowAnonymous()
            .ProducesRead<IReadOnlyList<ModelSummary>>()
            .WithSummary("The models of the library: title, country, versions, format and number of variables of the latest.");

        api.MapGet("/{id:int}", async Task<IResult> (int id, MovilidadDb db, CancellationToken ct) =>
                await DemandEditing.FindAsync(db, id, ct) is { } model
                    ? TypedResults.Ok(new ModelDetails(DemandEditing.View(model), DemandQueries.Variables(model)))
                    : NotFoundProblem.Of("model", id))
            .AllowAnonymous()
            .ProducesRead<ModelDetails>()
            .WithSummary("One model: its versions (file, format, SHA-256, who uploaded it), scenarios, and the latest version's stocks, flows, auxiliaries, constants, lookups and data variables with units and comments.");

        api.MapPost("", async Task<IResult> (HttpContext http, MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await CanManageAnyAsync(http.User, auth))
                {
                    return TypedResults.Forbid();
                }

                var (upload, errors) = await DemandUpload.ReadAsync(http, text, ct);
                if (upload is null)
                {
                    return TypedResults.ValidationProblem(errors);
                }

                if (!await CanManageAsync(http.User, auth, upload.Country))
                {
                    return TypedResults.Forbid();
                }

                var outcome = await DemandEditing.CreateAsync(db, upload, text, AuditActor.From(http), clock, ct);
                return outcome.ToCreated("model", m => $"/api/models/{m.Id}");
            })
            .Accepts<IFormFile>("multipart/form-data")
            .WithBodyLimit(DemandUpload.MaxBytes)
            .ProducesWrite<ModelView>(StatusCodes.Status201Created)
            .WithSummary("Adds a model (multipart: 'file' a Vensim .mdl or XMILE model, 'data' its data files, 'title', 'country' ISO 3166-1 alpha-2 or none, 'note'). "
                + "400 with the engine's message (line, variable) when it does not read or compile.");

        api.MapPost("/{id:int}/versions", async Task<IResult> (int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock, CancellationToken ct) =>
            {
                if (await db.DemandModels.Where(m => m.Id == id).Select(m => new { m.Country }).SingleOrDefaultAsync(ct) is not { } model)
                {
                    return NotFoundProblem.Of("model", id);
                }

                if (!await CanManageAsync(http.User, auth, model.Country))
                {
                    return TypedResults.Forbid();
                }

                var (upload, errors) = await DemandUpload.ReadAsync(http, text, ct);
                if (upload is null)
                {
                    return TypedResults.ValidationProblem(errors);
                }

                if (!int.TryParse(http.Request.Form["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = [text["Demand.Refusal.Version"]] });
                }

                return (await DemandEditing.AddVersionAsync(db, id, version, upload, text, AuditActor.From(http), clock, ct)).ToHttp("model", id);
            })
            .Accepts<IFormFile>("multipart/form-data")
            .WithBodyLimit(DemandUpload.MaxBytes)
            .ProducesWrite<ModelView>()
            .WithSummary("Uploads a new version of a model (multipart: 'file', 'data', 'note', 'version' the model's version as read: 409 when someone uploaded meanwhile). Earlier versions are kept.");

        api.MapPost("/{id:int}/scenarios", async Task<IResult> (int id, ScenarioRequest request, HttpContext http, MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock, CancellationToken ct) =>
            {
                if (await DemandEditing.FindAsync(db, id, ct) is not { } model)
                {
                    return NotFoundProblem.Of("model", id);
                }

                if (!await CanManageAsync(http.User, auth, model.Country))
                {
                    return TypedResults.Forbid();
                }

                var outcome = await DemandEditing.AddScenarioAsync(db, model, request.Name, request.Description, new ScenarioOverrides(request.Constants, request.Lookups), text, AuditActor.From(http), clock, ct);
                return outcome.ToCreated("scenario", s => $"/api/models/{id}#scenario-{s.Id}");
            })
            .ProducesWrite<ScenarioView>(StatusCodes.Status201Created)
            .WithSummary("Adds a scenario: a name and overrides of constants ({\"name\": value}) and lookups ({\"name\": {\"x\": [..], \"y\": [..]}}), each checked against the model.");

        api.MapPost("/{id:int}/scenarios/import", async Task<IResult> (int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock, CancellationToken ct) =>
            {
                if (await DemandEditing.FindAsync(db, id, ct) is not { } model)
                {
                    return NotFoundProblem.Of("model", id);
                }

                if (!await CanManageAsync(http.User, auth, model.Country))
                {
                    return TypedResults.Forbid();
                }

                var form = await MultipartForm.ReadAsync(http, DemandUpload.MaxBytes, ct);
                if (form?.Files.GetFile("file") is not { } file)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [text["Demand.Refusal.NoChangesFile"]] });
                }

                string changes;
                using (var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8))
                {
                    changes = await reader.ReadToEndAsync(ct);
                }

                var (overrides, name, error) = DemandEditing.ReadChanges(changes, Path.GetFileName(file.FileName));
                if (overrides is null)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [error!] });
                }

                var outcome = await DemandEditing.AddScenarioAsync(db, model, form["name"].ToString() is { Length: > 0 } given ? given : name, text["Demand.ScenarioImportedFrom", Path.GetFileName(file.FileName)].Value, overrides, text, AuditActor.From(http), clock, ct);
                return outcome.ToCreated("scenario", s => $"/api/models/{id}#scenario-{s.Id}");
            })
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesWrite<ScenarioView>(StatusCodes.Status201Created)
            .WithSummary("Imports a scenario from a Vensim changes file (.cin, multipart 'file'; 'name' or the file's name): 400 names the line that does not read.");

        api.MapPost("/{id:int}/bindings", async Task<IResult> (int id, BindingRequest request, HttpContext http, MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock, CancellationToken ct) =>
            {
                if (await DemandEditing.FindAsync(db, id, ct) is not { } model)
                {
                    return NotFoundProblem.Of("model", id);
                }

                if (!await CanManageAsync(http.User, auth, model.Country))
                {
                    return TypedResults.Forbid();
                }

                var outcome = await DemandBindings.AddAsync(db, model, request, text, AuditActor.From(http), clock, ct);
                return outcome.ToCreated("binding", b => $"/api/models/{id}#binding-{b.Id}");
            })
            .ProducesWrite<BindingView>(StatusCodes.Status201Created)
            .WithSummary("Binds a data variable or constant to a labour-market series: 'kind' series or proxy, 'dataset' (optional), 'measure', 'occupation' (ISCO-08), 'area', 'programme', "
                + "'aggregation' sum or mean, 'alignment' fiscal-year, calendar-year or quarter; a proxy's 'scale', 'lag' (model time) and 'indexBase' (model time whose value becomes 1). "
                + "400 when the series does not read; runs are refused while a binding no longer resolves.");

        api.MapGet("/{id:int}/bindings", async Task<IResult> (int id, MovilidadDb db, IStringLocalizer text, CancellationToken ct) =>
            {
                if (!await db.DemandModels.AnyAsync(m => m.Id == id, ct))
                {
                    return NotFoundProblem.Of("model", id);
                }

                return TypedResults.Ok(await DemandBindings.StatesAsync(db, id, text, ct));
            })
            .AllowAnonymous()
            .ProducesRead<IReadOnlyList<BindingState>>()
            .WithSummary("The model's bindings, each resolved now: the values in model time with how they were aligned (gaps, periods left out, transformation), or why it no longer resolves.");

        api.MapPost("/{id:int}/runs", async Task<IResult> (int id, RunRequest request, HttpContext http, MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, DemandQueue queue, TimeProvider clock, CancellationToken ct) =>
            {
                if (!(await auth.AuthorizeAsync(http.User, null, DemandOperations.Run)).Succeeded)
                {
                    return TypedResults.Forbid();
                }

                var outcome = await DemandRunning.StartAsync(db, id, request, text, AuditActor.From(http), queue, clock, ct);
                return outcome.ToCreated("run", r => $"/api/models/runs/{r.Id}");
            })
            .ProducesWrite<RunView>(StatusCodes.Status201Created)
            .WithSummary("Runs the model's latest version: kind 'simulation' (answered with the results) or 'sensitivity' (a Monte Carlo set of 'runs' runs, at most 100,000, "
                + "'vary' [{name, distribution: uniform(LOW,HIGH) | normal(MEAN,SD) | truncnormal(MEAN,SD,LOW,HIGH) | triangular(LOW,MODE,HIGH) | discrete(V1,..)}], 'sampling' lhs or random, 'seed'; queued in the background) "
                + "or 'calibration' ('fit' [{name, low, high, start}] constants to fit, 'observed' [{variable, dataset, measure, occupation, area, programme, aggregation, alignment, scale, weight}] "
                + "series of the records to fit them to, 'payoff' sse or relative, 'method' nelder-mead or powell, 'starts', 'seed', 'backtestBefore' a model time: also fit on the observations before it and forecast the later ones; queued). "
                + "'scenario' a scenario id, 'constants' overrides of its own. The run keeps its inputs and their SHA-256.");

        api.MapGet("/runs/{id:int}", async Task<IResult> (int id, MovilidadDb db, CancellationToken ct) =>
                await DemandQueries.RunAsync(db, id, ct) is { } run ? TypedResults.Ok(run) : NotFoundProblem.Of("run", id))
            .AllowAnonymous()
            .ProducesRead<RunView>()
            .WithSummary("A stored run: its inputs and hash, status and progress, and results (series, or percentile bands and rank correlations).");

        api.MapGet("/runs/{id:int}.csv", async Task<IResult> (int id, MovilidadDb db, CancellationToken ct) =>
                await DemandQueries.RunAsync(db, id, ct) is { } run
                    ? TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(DemandExports.Csv(run))).ToArray(), "text/csv; charset=utf-8", $"run-{id}.csv")
                    : NotFoundProblem.Of("run", id))
            .AllowAnonymous()
            .ProducesFile("text/csv")
            .WithSummary("A run's results as CSV: one row per saved time, one column per variable (a Monte Carlo set: one column per variable and percentile).");

        api.MapGet("/runs/{id:int}.xlsx", async Task<IResult> (int id, MovilidadDb db, CancellationToken ct) =>
                await DemandQueries.RunAsync(db, id, ct) is { } run
                    ? TypedResults.File(DemandExports.Xlsx(run), DemandExports.XlsxType, $"run-{id}.xlsx")
                    : NotFoundProblem.Of("run", id))
            .AllowAnonymous()
            .ProducesFile(DemandExports.XlsxType)
            .WithSummary("A run's results as XLSX: a sheet of results like the CSV and a sheet of the inputs with their hash.");

        api.MapPost("/runs/{id:int}/stop", async Task<IResult> (int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct) =>
            {
                if (!(await auth.AuthorizeAsync(http.User, null, DemandOperations.Run)).Succeeded)
                {
                    return TypedResults.Forbid();
                }

                var stopped = await db.DemandRuns.Where(r => r.Id == id && (r.Status == "queued" || r.Status == "running")).ExecuteUpdateAsync(s => s.SetProperty(r => r.StopRequested, true), ct);
                return stopped == 0 && !await db.DemandRuns.AnyAsync(r => r.Id == id, ct)
                    ? NotFoundProblem.Of("run", id)
                    : TypedResults.Ok(await DemandQueries.RunAsync(db, id, ct));
            })
            .ProducesWrite<RunView>()
            .WithSummary("Asks a queued or running run to stop: it stops within a second and keeps what it had done.");

        api.MapPost("/runs/{id:int}/scenario", async Task<IResult> (int id, RunScenarioRequest request, HttpContext http, MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock, CancellationToken ct) =>
            {
                if (await DemandQueries.RunAsync(db, id, ct) is not { } run || await DemandEditing.FindAsync(db, run.ModelId, ct) is not { } model)
                {
                    return NotFoundProblem.Of("run", id);
                }

                if (!await CanManageAsync(http.User, auth, model.Country))
                {
                    return TypedResults.Forbid();
                }

                var outcome = await DemandCalibration.SaveScenarioAsync(db, model, run, request.Name, text, AuditActor.From(http), clock, ct);
                return outcome.ToCreated("scenario", s => $"/api/models/{model.Id}#scenario-{s.Id}");
            })
            .ProducesWrite<ScenarioView>(StatusCodes.Status201Created)
            .WithSummary("Saves a calibration's fit as a scenario of its model ('name'): the run's constants with the fitted values. 400 when the run is not a calibration with results.");
        return app;
    }

    /// <summary>Whether the person may keep some models: regional ones, or those of a country they are focal point of.</summary>
    public static async Task<bool> CanManageAnyAsync(ClaimsPrincipal user, IAuthorizationService auth)
    {
        foreach (var country in user.FocalCountries().Select(c => (string?)c).Append(null))
        {
            if (await CanManageAsync(user, auth, country))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the person may keep models of the country (null: a regional model, the Secretariat's).</summary>
    public static async Task<bool> CanManageAsync(ClaimsPrincipal user, IAuthorizationService auth, string? country) =>
        (await auth.AuthorizeAsync(user, country is null ? null : new CountryScope(country), DemandOperations.Manage)).Succeeded;
}

/// <summary>A binding and whether it resolves now: its values and notes, or the problem.</summary>
public sealed record BindingState(BindingView Binding, bool Resolves, string? Problem, BoundSeries? Series);

/// <summary>The name of the scenario a calibration's fit is saved as.</summary>
public sealed record RunScenarioRequest(string? Name);

/// <summary>A scenario written through the API.</summary>
public sealed record ScenarioRequest(string? Name, string? Description, Dictionary<string, double>? Constants, Dictionary<string, LookupPoints>? Lookups);

/// <summary>A model upload read from a multipart form.</summary>
public static class DemandUpload
{
    public const long MaxBytes = 50_000_000;

    public static async Task<(ModelUpload? Upload, Dictionary<string, string[]> Errors)> ReadAsync(HttpContext http, IStringLocalizer text, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var form = await MultipartForm.ReadAsync(http, MaxBytes, ct);
        if (form?.Files.GetFile("file") is not { } file || file.Length == 0)
        {
            errors["file"] = [text["Demand.Refusal.NoModelFile"]];
            return (null, errors);
        }

        if (file.Length > DemandLibrary.MaxModelBytes)
        {
            errors["file"] = [text["Demand.Refusal.ModelTooLarge", file.Length, DemandLibrary.MaxModelBytes]];
            return (null, errors);
        }

        var data = new List<UploadedFile>();
        foreach (var part in form.Files.GetFiles("data"))
        {
            data.Add(new UploadedFile(part.FileName, await BytesAsync(part, ct)));
        }

        var country = form["country"].ToString().Trim().ToUpperInvariant();
        return (new ModelUpload(new UploadedFile(file.FileName, await BytesAsync(file, ct)), data, form["title"].ToString(), country.Length == 0 ? null : country,
            form["note"].ToString() is { Length: > 0 } note ? note : null), errors);
    }

    private static async Task<byte[]> BytesAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
