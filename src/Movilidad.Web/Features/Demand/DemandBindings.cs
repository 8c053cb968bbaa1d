using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Dynamics;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Demand;
using Movilidad.Platform.Writes;
using Movilidad.Web.Features.LabourMarket;

namespace Movilidad.Web.Features.Demand;

/// <summary>A binding as written and as the API shows it.</summary>
public sealed record BindingRequest(string? Variable, string? Kind, int? Dataset, string? Measure, string? Occupation, string? Area, string? Programme,
    string? Aggregation, string? Alignment, double? Scale, double? Lag, double? IndexBase);

public sealed record BindingView(int Id, string Variable, string Kind, int? Dataset, string Measure, string? Occupation, string? Area, string? Programme,
    string Aggregation, string Alignment, double Scale, double Lag, double? IndexBase, int Version);

/// <summary>
/// The values a binding gives a run, in model time, with what was done to get them (how periods were aligned, which
/// are missing and how the engine fills them, the transformation), or why it does not resolve.
/// </summary>
public sealed record BoundSeries(string Variable, IReadOnlyList<double> Times, IReadOnlyList<double> Values, IReadOnlyList<string> Notes);

/// <summary>
/// Binds a model's data variables and constants to labour-market series, read through the LabourMarket feature's public
/// query (<see cref="ObservationQuery"/>) as an anonymous reader sees them, so a run's inputs are public like the run.
/// Periods are aligned to model time in years: fiscal year Y (US, October to September) and calendar year Y are placed
/// at Y + 0.5, quarter n of year Y at Y + (n - 1) / 4 + 0.125, the middle of the period, where a yearly total is a yearly rate.
/// </summary>
public static class DemandBindings
{
    public const string BindingType = "demand-binding";

    private static readonly string[] Alignments = ["fiscal-year", "calendar-year", "quarter"];

    private static readonly Editable<DemandBinding, BindingView> Bindings = new(BindingType,
        (db, id, ct) => db.DemandBindings.SingleOrDefaultAsync(b => b.Id == id, ct), View, b => AuditTrail.Key(b.Id));

    public static BindingView View(DemandBinding b) => new(b.Id, b.Variable, b.Kind, b.DatasetId, b.Measure, b.Occupation, b.Area, b.Programme, b.Aggregation, b.Alignment, b.Scale, b.Lag, b.IndexBase, b.Version);

    /// <summary>Adds a binding after checking it names a data variable or constant of the model and that its series reads.</summary>
    public static async Task<WriteOutcome<BindingView>> AddAsync(MovilidadDb db, DemandModel model, BindingRequest request, IStringLocalizer text, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var (binding, errors) = await ReadAsync(db, model, request, text, ct);
        return binding is null ? new WriteOutcome<BindingView>.Invalid(errors) : await db.CreateAsync(Bindings, binding, actor, clock, ct);
    }

    /// <summary>The series a binding would give, aligned and transformed, without saving it; or the errors by field.</summary>
    public static async Task<(BoundSeries? Series, FieldErrors Errors)> PreviewAsync(MovilidadDb db, DemandModel model, BindingRequest request, IStringLocalizer text, CancellationToken ct)
    {
        var (binding, errors) = await ReadAsync(db, model, request, text, ct);
        return binding is null ? (null, errors) : ((await ResolveAsync(db, binding, text, ct)).Series, errors);
    }

    /// <summary>The model's bindings, each resolved now: its values and notes, or why it no longer resolves.</summary>
    public static async Task<IReadOnlyList<BindingState>> StatesAsync(MovilidadDb db, int modelId, IStringLocalizer text, CancellationToken ct)
    {
        var states = new List<BindingState>();
        foreach (var binding in await db.DemandBindings.Where(b => b.ModelId == modelId).OrderBy(b => b.Variable).ToListAsync(ct))
        {
            var (series, problem) = await ResolveAsync(db, binding, text, ct);
            states.Add(new BindingState(View(binding), problem is null, problem is { } p ? $"{p.Field}: {p.Message}" : null, series));
        }

        return states;
    }

    /// <summary>The binding a request describes, checked against the model and read from the records; or the errors by field.</summary>
    private static async Task<(DemandBinding? Binding, FieldErrors Errors)> ReadAsync(MovilidadDb db, DemandModel model, BindingRequest request, IStringLocalizer text, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var variables = DemandQueries.Variables(model);
        var variable = variables.FirstOrDefault(v => DemandRuns.Key(v.Name) == DemandRuns.Key(request.Variable ?? string.Empty));
        if (variable is null || variable.Kind is not (StructureKind.Data or StructureKind.Constant))
        {
            errors.Add("variable", text["Demand.Refusal.NotBindable", DemandRuns.Shorten(request.Variable)]);
        }
        else if (model.Bindings.Any(b => DemandRuns.Key(b.Variable) == DemandRuns.Key(variable.Name)))
        {
            errors.Add("variable", text["Demand.Refusal.AlreadyBound", variable.Name]);
        }

        if (request.Kind is not ("series" or "proxy"))
        {
            errors.Add("kind", text["Demand.Refusal.BindingKind"]);
        }

        if (string.IsNullOrWhiteSpace(request.Measure))
        {
            errors.Add("measure", text["Demand.Refusal.Measure"]);
        }

        if (request.Aggregation is not (null or "sum" or "mean"))
        {
            errors.Add("aggregation", text["Demand.Refusal.Aggregation"]);
        }

        if (request.Alignment is null || !Alignments.Contains(request.Alignment))
        {
            errors.Add("alignment", text["Demand.Refusal.Alignment"]);
        }

        if (request.Scale is { } scale && (!double.IsFinite(scale) || scale == 0))
        {
            errors.Add("scale", text["Demand.Refusal.Scale"]);
        }

        if (request.Lag is { } lag && (!double.IsFinite(lag) || lag < 0))
        {
            errors.Add("lag", text["Demand.Refusal.Lag"]);
        }

        if (request.Kind == "series" && (request.Scale is not (null or 1) || request.Lag is not (null or 0) || request.IndexBase is not null))
        {
            errors.Add("kind", text["Demand.Refusal.SeriesAsIs"]);
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var binding = new DemandBinding
        {
            ModelId = model.Id,
            Variable = variable!.Name,
            Kind = request.Kind!,
            DatasetId = request.Dataset,
            Measure = request.Measure!.Trim(),
            Occupation = string.IsNullOrWhiteSpace(request.Occupation) ? null : request.Occupation.Trim(),
            Area = string.IsNullOrWhiteSpace(request.Area) ? null : request.Area.Trim(),
            Programme = string.IsNullOrWhiteSpace(request.Programme) ? null : request.Programme.Trim(),
            Aggregation = request.Aggregation ?? "sum",
            Alignment = request.Alignment!,
            Scale = request.Scale ?? 1,
            Lag = request.Lag ?? 0,
            IndexBase = request.IndexBase,
        };
        var (_, problem) = await ResolveAsync(db, binding, text, ct);
        if (problem is { } p)
        {
            errors.Add(p.Field, p.Message);
            return (null, errors);
        }

        return (binding, errors);
    }

    /// <summary>The binding's values in model time with notes, or the field and the reason it does not resolve (never zeros).</summary>
    public static async Task<(BoundSeries? Series, (string Field, string Message)? Problem)> ResolveAsync(MovilidadDb db, DemandBinding binding, IStringLocalizer text, CancellationToken ct)
    {
        if (binding.DatasetId is { } datasetId && !await db.Set<Platform.LabourMarket.LabourDataset>().AnyAsync(d => d.Id == datasetId, ct))
        {
            return (null, ("dataset", text["Demand.Refusal.DatasetGone", datasetId, binding.Variable].Value));
        }

        var byFiscalYear = binding.Alignment == "fiscal-year";
        var (filter, errors) = await ObservationQuery.ParseAsync(db, binding.Measure, binding.Occupation, binding.Area, null, binding.Programme,
            binding.DatasetId?.ToString(CultureInfo.InvariantCulture), byFiscalYear ? "fiscal-year" : "period", text, ct);
        if (filter is null)
        {
            var first = errors.First();
            return (null, (first.Key, string.Join(" ", first.Value)));
        }

        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        var auth = new NoRestrictedReads();
        var table = await ObservationQuery.SumAsync(await ObservationQuery.VisibleAsync(db, anonymous, auth, ct), filter, ObservationQuery.MaxRows, ct);
        if (table.Rows.Count == 0)
        {
            return (null, ("measure", text["Demand.Refusal.EmptySeries", binding.Variable, binding.Measure].Value));
        }

        var notes = new List<string>();
        var points = new SortedDictionary<double, List<double>>();
        var refused = new List<string>();
        foreach (var row in table.Rows)
        {
            double? time = byFiscalYear
                ? row.FiscalYear is { } fy ? fy + 0.5 : null
                : Align(row.Period, binding.Alignment);
            if (time is null)
            {
                refused.Add(byFiscalYear ? text["Demand.Note.NoFiscalYear", row.Period ?? "?"] : row.Period ?? "?");
                continue;
            }

            (points.TryGetValue(time.Value, out var list) ? list : points[time.Value] = []).Add((double)row.Value);
        }

        if (points.Count == 0)
        {
            return (null, ("alignment", text["Demand.Refusal.NotAlignable", string.Join(", ", refused.Distinct().Take(5)), binding.Alignment].Value));
        }

        if (refused.Count > 0)
        {
            notes.Add(text["Demand.Note.LeftOut", binding.Alignment, string.Join(", ", refused.Distinct().Take(10))]);
        }

        notes.Add(binding.Alignment switch
        {
            "fiscal-year" => text["Demand.Note.FiscalYear"],
            "calendar-year" => text["Demand.Note.CalendarYear", binding.Aggregation],
            _ => text["Demand.Note.Quarter", binding.Aggregation],
        });
        var times = points.Keys.ToList();
        var values = points.Values.Select(v => binding.Aggregation == "mean" ? v.Average() : v.Sum()).ToList();
        var step = binding.Alignment == "quarter" ? 0.25 : 1;
        var missing = new List<string>();
        for (var i = 1; i < times.Count; i++)
        {
            for (var t = times[i - 1] + step; t < times[i] - (step / 2); t += step)
            {
                missing.Add(DemandCharts.Time(t));
            }
        }

        if (missing.Count > 0)
        {
            notes.Add(text["Demand.Note.Gaps", string.Join("; ", missing)]);
        }

        if (binding.IndexBase is { } indexBase)
        {
            var at = times.FindIndex(t => Math.Abs(t - indexBase) < step / 2);
            if (at < 0 || values[at] == 0)
            {
                return (null, ("indexBase", text["Demand.Refusal.NoIndexBase", DemandCharts.Time(indexBase)].Value));
            }

            var baseValue = values[at];
            values = [.. values.Select(v => v / baseValue)];
            notes.Add(text["Demand.Note.Indexed", DemandCharts.Time(times[at]), baseValue]);
        }

        if (binding.Scale != 1)
        {
            values = [.. values.Select(v => v * binding.Scale)];
            notes.Add(text["Demand.Note.Scaled", binding.Scale]);
        }

        if (binding.Lag != 0)
        {
            times = [.. times.Select(t => t + binding.Lag)];
            notes.Add(text["Demand.Note.Lagged", binding.Lag]);
        }

        return (new BoundSeries(binding.Variable, times, values, notes), null);
    }

    /// <summary>Model time of an SDMX period aligned to calendar years or quarters, or null when it cannot be.</summary>
    public static double? Align(string? period, string alignment)
    {
        if (period is null || period.Length < 4 || !int.TryParse(period[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        var rest = period[4..];
        if (alignment == "calendar-year")
        {
            return rest.Length == 0 || rest.StartsWith("-Q", StringComparison.Ordinal) || rest.StartsWith("-S", StringComparison.Ordinal)
                || (rest.Length == 3 && rest[0] == '-' && char.IsAsciiDigit(rest[1])) ? year + 0.5 : null;
        }

        if (rest.Length == 3 && rest.StartsWith("-Q", StringComparison.Ordinal) && rest[2] is >= '1' and <= '4')
        {
            return year + ((rest[2] - '1') / 4.0) + 0.125;
        }

        return rest.Length == 3 && rest[0] == '-' && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12
            ? year + ((month - 1) / 3 / 4.0) + 0.125
            : null;
    }

    /// <summary>An authorisation that allows nothing: bindings read what an anonymous reader reads.</summary>
    private sealed class NoRestrictedReads : IAuthorizationService
    {
        public Task<AuthorizationResult> AuthorizeAsync(ClaimsPrincipal user, object? resource, IEnumerable<IAuthorizationRequirement> requirements) =>
            Task.FromResult(AuthorizationResult.Failed());

        public Task<AuthorizationResult> AuthorizeAsync(ClaimsPrincipal user, object? resource, string policyName) =>
            Task.FromResult(AuthorizationResult.Failed());
    }
}
