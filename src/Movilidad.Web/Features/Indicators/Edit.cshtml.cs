using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Pages;
using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Features.Indicators;

/// <summary>The indicator form as typed: numbers stay text until they are read in the reader's culture (decimal comma in Spanish).</summary>
public sealed class IndicatorForm
{
    public int Version { get; set; }
    public string? Plan { get; set; }
    public string? Code { get; set; }
    public string? UnitCode { get; set; }
    public string? NameEs { get; set; }
    public string? NameEn { get; set; }
    public string? DefinitionEs { get; set; }
    public string? DefinitionEn { get; set; }
    public string? UnitEs { get; set; }
    public string? UnitEn { get; set; }
    public IndicatorType Type { get; set; }
    public TargetType TargetType { get; set; }
    public AggregationRule Aggregation { get; set; }

    /// <summary>Where a new indicator's values come from: reported by the countries, or counted by the platform.</summary>
    public IndicatorSource Source { get; set; }
    public int? ElementId { get; set; }
    public int? WorkingGroupId { get; set; }
    public string? Baseline { get; set; }
    public string? BaselineYear { get; set; }

    /// <summary>One text per cell of the targets grid, keyed by <see cref="TargetGrid.Cell"/>; an empty cell has no target.</summary>
    public Dictionary<string, string?> Targets { get; set; } = new(StringComparer.Ordinal);

    public static IndicatorForm From(IndicatorView i) => new()
    {
        Version = i.Version, Plan = i.Plan, Code = i.Code, UnitCode = i.UnitCode,
        NameEs = i.Name.Es, NameEn = i.Name.En, DefinitionEs = i.Definition.Es, DefinitionEn = i.Definition.En, UnitEs = i.Unit.Es, UnitEn = i.Unit.En,
        Type = i.Type, TargetType = i.TargetType, Aggregation = i.Aggregation, ElementId = i.ElementId, WorkingGroupId = i.WorkingGroupId,
        Baseline = EditModel.Number(i.Baseline), BaselineYear = i.BaselineYear?.ToString(CultureInfo.InvariantCulture),
        Targets = i.Targets.ToDictionary(t => TargetGrid.Cell(t.Country, t.Period), t => (string?)EditModel.Number(t.Value), StringComparer.Ordinal),
    };
}

/// <summary>
/// Creating and editing an indicator (the Secretariat): its definition in both languages, its rules, and one target
/// input per country and period. Everything is checked first and saved at once, or nothing is.
/// </summary>
public partial class EditModel(MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock) : WritePage
{
    /// <summary>One field that differs between what was typed and what someone else saved meanwhile.</summary>
    public sealed record Difference(string Field, string Yours, string Saved);

    [BindProperty]
    public IndicatorForm Form { get; set; } = new();

    public int? Id { get; private set; }
    public Bilingual PlanTitle { get; private set; } = Bilingual.Empty;
    public TargetGrid Grid { get; private set; } = null!;
    public IReadOnlyList<Choice> Elements { get; private set; } = [];
    public IReadOnlyList<Choice> WorkingGroups { get; private set; } = [];

    /// <summary>The errors to show, in the reader's language, by the id of the input they are about.</summary>
    public IDictionary<string, string> Messages { get; private set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>On a conflict: the fields where the saved version differs from what was typed.</summary>
    public IReadOnlyList<Difference> Differences { get; private set; } = [];

    private List<TargetEdit> sent = [];
    private IndicatorView? current;

    public static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.CurrentCulture) ?? string.Empty;

    /// <summary>The id of a target's input: <c>t-GT_2025-S1</c>.</summary>
    public static string InputId(string? country, string period) => "t-" + TargetGrid.Cell(country, period);

    public string? MessageFor(string input) => Messages.TryGetValue(input, out var message) ? message : null;

    public string? DescribedByInput(string input) => Messages.ContainsKey(input) ? "error-" + input : null;

    public async Task<IActionResult> OnGetAsync(int? id, string? plan, CancellationToken ct)
    {
        if (!await auth.CanAsync(User, IndicatorOperations.Edit))
        {
            return Forbid();
        }

        Id = id;
        if (id is { } existing)
        {
            if (await db.IndicatorViewsAsync(null, existing, ct) is not [var view])
            {
                return NotFound();
            }

            Form = IndicatorForm.From(view);
        }
        else
        {
            Form = new IndicatorForm { Plan = plan, UnitCode = "NUMBER", Type = IndicatorType.Result };
        }

        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await auth.CanAsync(User, IndicatorOperations.Edit))
        {
            return Forbid();
        }

        Id = id;
        if (await LoadGridAsync(ct) is { } missing)
        {
            return missing;
        }

        decimal? Read(string input, string? typed, Func<string, string> message)
        {
            if (string.IsNullOrWhiteSpace(typed))
            {
                return null;
            }

            if (PageFormats.TryParseAmount(typed, CultureInfo.CurrentCulture, out var number))
            {
                return number;
            }

            Messages[input] = message(typed.Trim());
            return null;
        }

        var baseline = Read("baseline", Form.Baseline, v => text["IndicatorEdit.Error.BaselineNotANumber", v]);
        int? year = null;
        if (!string.IsNullOrWhiteSpace(Form.BaselineYear))
        {
            if (int.TryParse(Form.BaselineYear.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                year = parsed;
            }
            else
            {
                Messages["baseline-year"] = text["IndicatorEdit.Error.baselineYear"];
            }
        }

        foreach (var row in Grid.Rows)
        {
            foreach (var period in Grid.Periods)
            {
                var typed = Form.Targets.GetValueOrDefault(TargetGrid.Cell(row.Country, period));
                if (Read(InputId(row.Country, period), typed, v => text["IndicatorEdit.Error.TargetNotANumber", Who(row.Country), period, v]) is { } value)
                {
                    sent.Add(new TargetEdit(row.Country, period, value));
                }
            }
        }

        if (Messages.Count > 0)
        {
            return await RefuseAsync(Messages.ToDictionary(m => m.Key, m => new[] { m.Value }), () => ShowAsync(ct));
        }

        var name = new Bilingual(Form.NameEs ?? string.Empty, Form.NameEn ?? string.Empty);
        var definition = new Bilingual(Form.DefinitionEs ?? string.Empty, Form.DefinitionEn ?? string.Empty);
        var unit = new Bilingual(Form.UnitEs ?? string.Empty, Form.UnitEn ?? string.Empty);
        var actor = AuditActor.From(HttpContext);
        var outcome = id is { } existing
            ? await db.SaveIndicatorAsync(existing, new IndicatorEdit(Form.Version, name, definition, unit, baseline, year, sent, Form.Type, Form.TargetType, Form.Aggregation, Form.ElementId, Form.WorkingGroupId), actor, clock, ct)
            : await db.CreateIndicatorAsync(new IndicatorCreate(Form.Plan ?? string.Empty, Form.Code ?? string.Empty, Form.Type, name, definition, unit, Form.UnitCode ?? string.Empty,
                baseline, year, Form.TargetType, Form.Aggregation, Form.ElementId, Form.WorkingGroupId, sent, Form.Source), actor, clock, ct);
        current = (outcome as WriteOutcome<IndicatorView>.Conflict)?.Current;
        var saved = (outcome as WriteOutcome<IndicatorView>.Saved)?.Value.Id ?? id ?? 0;
        return await PageAfterWriteAsync(outcome, $"/indicators/{AuditTrail.Key(saved)}", () => ShowAsync(ct));
    }

    /// <summary>Who a target is for, in a message: the country code, or "the region".</summary>
    private string Who(string? country) => country ?? text["IndicatorEdit.RegionShort"];

    private async Task<IActionResult?> LoadGridAsync(CancellationToken ct)
    {
        Indicator? indicator;
        if (Id is { } id)
        {
            indicator = await db.Indicators.AsNoTracking().Include(i => i.Plan).Include(i => i.Targets).AsSplitQuery().SingleOrDefaultAsync(i => i.Id == id, ct);
        }
        else
        {
            var plans = db.Plans.AsNoTracking().Where(p => db.ReportingCalendars.Any(c => c.PlanId == p.Id));
            var plan = await (string.IsNullOrEmpty(Form.Plan) ? plans.OrderBy(p => p.SortOrder) : plans.Where(p => p.Key == Form.Plan)).FirstOrDefaultAsync(ct);
            indicator = plan is null ? null : new Indicator { PlanId = plan.Id, Plan = plan, Key = string.Empty, Code = string.Empty, UnitCode = string.Empty };
        }

        if (indicator is null)
        {
            return NotFound();
        }

        Form.Plan = indicator.Plan!.Key;
        PlanTitle = indicator.Plan.Title;
        Grid = await db.TargetGridAsync(indicator, approvedOnly: false, ct);
        return null;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (Grid is null && await LoadGridAsync(ct) is { } missing)
        {
            return missing;
        }

        var planId = await db.Plans.AsNoTracking().Where(p => p.Key == Form.Plan).Select(p => p.Id).SingleAsync(ct);
        Elements = (await db.PlanElements.AsNoTracking().Where(e => e.PlanId == planId).OrderBy(e => e.SortOrder).Select(e => new { e.Id, e.Code, e.Title }).ToListAsync(ct))
            .Where(e => !e.Title.IsEmpty).Select(e => new Choice(AuditTrail.Key(e.Id), $"{e.Code} {PageFormats.Shorten(e.Title.Current)}".Trim())).ToList();
        WorkingGroups = (await db.Institutions.AsNoTracking().Where(i => i.Kind == InstitutionKind.WorkingGroup).OrderBy(i => i.Code).Select(i => new { i.Id, i.Acronym, i.Name }).ToListAsync(ct))
            .Select(i => new Choice(AuditTrail.Key(i.Id), $"{i.Acronym.Current} · {PageFormats.Shorten(i.Name.Current)}")).ToList();
        foreach (var (field, messages) in Errors.Where(e => !Messages.ContainsKey(InputOf(e.Key))))
        {
            Messages[InputOf(field)] = Localize(field, messages);
        }

        if (current is { } saved)
        {
            Differences = DifferencesFrom(saved);
            Form.Version = saved.Version;
        }

        return Page();
    }

    /// <summary>The input an error of the API's field belongs to: <c>targets[3].value</c> is the input of the fourth target sent.</summary>
    private string InputOf(string field)
    {
        if (TargetIndex().Match(field) is { Success: true } match)
        {
            var index = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            return index < sent.Count ? InputId(sent[index].Country, sent[index].Period) : "targets";
        }

        return field switch
        {
            "baselineYear" => "baseline-year",
            "unitCode" => "unit-code",
            "elementId" => "element",
            "workingGroupId" => "working-group",
            "targetType" => "target-type",
            _ => field.Replace('.', '-'),
        };
    }

    private string Localize(string field, string[] messages)
    {
        if (TargetIndex().Match(field) is { Success: true } match && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is var index && index < sent.Count)
        {
            return text["IndicatorEdit.Error.TargetValue", Who(sent[index].Country), sent[index].Period];
        }

        var localized = text["IndicatorEdit.Error." + field];
        return localized.ResourceNotFound ? string.Join(" ", messages) : localized.Value;
    }

    private List<Difference> DifferencesFrom(IndicatorView saved)
    {
        var differences = new List<Difference>();
        void Compare(string label, string? yours, string? theirs)
        {
            if (!string.Equals((yours ?? string.Empty).Trim(), (theirs ?? string.Empty).Trim(), StringComparison.Ordinal))
            {
                differences.Add(new Difference(label, yours ?? string.Empty, theirs ?? string.Empty));
            }
        }

        Compare(text["IndicatorEdit.NameEs"], Form.NameEs, saved.Name.Es);
        Compare(text["IndicatorEdit.NameEn"], Form.NameEn, saved.Name.En);
        Compare(text["IndicatorEdit.DefinitionEs"], Form.DefinitionEs, saved.Definition.Es);
        Compare(text["IndicatorEdit.DefinitionEn"], Form.DefinitionEn, saved.Definition.En);
        Compare(text["IndicatorEdit.UnitEs"], Form.UnitEs, saved.Unit.Es);
        Compare(text["IndicatorEdit.UnitEn"], Form.UnitEn, saved.Unit.En);
        Compare(text["IndicatorEdit.Baseline"], Form.Baseline, Number(saved.Baseline));
        Compare(text["IndicatorEdit.BaselineYear"], Form.BaselineYear, saved.BaselineYear?.ToString(CultureInfo.InvariantCulture));
        Compare(text["Indicators.Type"], text["IndicatorType." + Form.Type], text["IndicatorType." + saved.Type]);
        Compare(text["IndicatorEdit.TargetType"], text["IndicatorEdit.TargetType." + Form.TargetType], text["IndicatorEdit.TargetType." + saved.TargetType]);
        Compare(text["IndicatorEdit.Aggregation"], text["IndicatorEdit.Aggregation." + Form.Aggregation], text["IndicatorEdit.Aggregation." + saved.Aggregation]);
        var theirs = saved.Targets.ToDictionary(t => TargetGrid.Cell(t.Country, t.Period), t => Number(t.Value), StringComparer.Ordinal);
        foreach (var row in Grid.Rows)
        {
            foreach (var period in Grid.Periods)
            {
                var cell = TargetGrid.Cell(row.Country, period);
                var yours = sent.FirstOrDefault(t => t.Country == row.Country && t.Period == period) is { } mine ? Number(mine.Value) : null;
                Compare(text["IndicatorEdit.TargetLabel", row.Country ?? text["IndicatorEdit.RegionShort"], period], yours, theirs.GetValueOrDefault(cell));
            }
        }

        return differences;
    }

    [GeneratedRegex("^targets\\[([0-9]+)\\]")]
    private static partial Regex TargetIndex();
}
