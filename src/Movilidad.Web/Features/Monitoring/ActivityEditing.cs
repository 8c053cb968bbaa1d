using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Institutions;
using Movilidad.Web.Features.Plans;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Monitoring;

public sealed record BudgetLineEdit(BudgetKind Kind, decimal Amount, string Currency, string Source);

/// <summary>What the people of a working group set on an activity, with the version they started from (0 to create).</summary>
public sealed record ActivityEdit(
    int Version, int ActionId, string Code, Bilingual Title, Bilingual? Description, Term? Term, DateOnly? StartDate, DateOnly? EndDate,
    int? WorkingGroupId, ActivityPriority Priority, int GenderMarker, IReadOnlyList<int>? Responsible, IReadOnlyList<int>? Accompanying,
    IReadOnlyList<string> Countries, IReadOnlyList<BudgetLineEdit>? BudgetLines, IReadOnlyList<int>? GcmObjectives, IReadOnlyList<string>? SdgTargets);

/// <summary>What a country's focal point sets on the country's share of an activity.</summary>
public sealed record CountryShareEdit(int Version, int? ResponsibleInstitutionId, DateOnly? StartDate, DateOnly? EndDate, decimal? BudgetAmount, string? BudgetCurrency, ActivityStatus Status, string? StatusReason);

public sealed record StatusChange(int Version, ActivityStatus Status, string? Reason);

public sealed record CountryShareView(string Country, int? ResponsibleInstitutionId, DateOnly? StartDate, DateOnly? EndDate, decimal? BudgetAmount, string? BudgetCurrency, ActivityStatus Status, string? StatusReason, int Version);

/// <summary>An activity as saved at one version: the API answers with it and the audit trail keeps one before and after each write.</summary>
public sealed record ActivitySnapshot(
    int Id, int Version, int ActionId, string Code, Bilingual Title, Bilingual Description, Term? Term, DateOnly? StartDate, DateOnly? EndDate,
    int? WorkingGroupId, ActivityPriority Priority, int GenderMarker, ActivityStatus Status, string? StatusReason,
    IReadOnlyList<int> Responsible, IReadOnlyList<int> Accompanying, IReadOnlyList<CountryShareView> Countries, IReadOnlyList<BudgetLineEdit> BudgetLines,
    IReadOnlyList<int> GcmObjectives, IReadOnlyList<string> SdgTargets, IReadOnlyList<string> ConceptNoteMissing, bool Deleted);

/// <summary>Creates, edits, deletes and moves activities and their country shares: one transaction per write, with its audit entry.</summary>
public static partial class ActivityEditing
{
    public const string EntityType = "activity";
    public const string ShareEntityType = "activity-country";

    public static ActivitySnapshot Snapshot(Activity a) => new(
        a.Id, a.Version, a.ActionId, a.Code, a.Title, a.Description, a.Term, a.StartDate, a.EndDate, a.WorkingGroupId, a.Priority, a.GenderMarker,
        a.Status, a.StatusReason,
        a.Institutions.Where(i => i.Role == InstitutionRole.Responsible).Select(i => i.InstitutionId).Order().ToList(),
        a.Institutions.Where(i => i.Role == InstitutionRole.Accompanying).Select(i => i.InstitutionId).Order().ToList(),
        a.Countries.OrderBy(c => c.CountryCode, StringComparer.Ordinal).Select(Share).ToList(),
        a.BudgetLines.OrderBy(b => b.Id).Select(b => new BudgetLineEdit(b.Kind, b.Amount, b.CurrencyCode, b.Source)).ToList(),
        a.GcmObjectives.Select(g => g.Objective).Order().ToList(),
        a.SdgTargets.Select(s => s.Target).Order(StringComparer.Ordinal).ToList(),
        (a.ConceptNote ?? ConceptNote.Empty(a.Id)).MissingFields(),
        a.DeletedAt is not null);

    public static CountryShareView Share(ActivityCountry c) =>
        new(c.CountryCode, c.ResponsibleInstitutionId, c.StartDate, c.EndDate, c.BudgetAmount, c.BudgetCurrency, c.Status, c.StatusReason, c.Version);

    public static Task<Activity?> FindForEditAsync(this MovilidadDb db, int id, CancellationToken ct) =>
        db.Activities.Include(a => a.Countries).Include(a => a.Institutions).Include(a => a.BudgetLines)
            .Include(a => a.GcmObjectives).Include(a => a.SdgTargets).Include(a => a.ConceptNote)
            .AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>Who may edit an activity: its working group, or (with none set) the working groups its action names.</summary>
    public static async Task<WorkingGroupScope> ActivityScopeAsync(this MovilidadDb db, int? workingGroupId, int actionId, CancellationToken ct) =>
        workingGroupId is { } group ? new WorkingGroupScope([group]) : await db.ScopeAsync(actionId, ct);

    public static async Task<Dictionary<string, string[]>> ValidateAsync(this MovilidadDb db, ActivityEdit edit, int? activityId, CancellationToken ct)
    {
        var errors = new FieldErrors();

        errors.Text("code", edit.Code, ActivityConfiguration.CodeMaxLength, required: true);
        errors.Text("title.es", edit.Title?.Es, ActivityConfiguration.TitleMaxLength, required: true);
        errors.Text("title.en", edit.Title?.En, ActivityConfiguration.TitleMaxLength, required: true);
        errors.Text("description.es", edit.Description?.Es, ActivityConfiguration.TextMaxLength, required: false);
        errors.Text("description.en", edit.Description?.En, ActivityConfiguration.TextMaxLength, required: false);

        var action = await db.PlanElements.AsNoTracking().Where(e => e.Id == edit.ActionId)
            .Select(e => new { e.IsActionable, e.Plan!.PeriodStart, e.Plan.PeriodEnd }).SingleOrDefaultAsync(ct);
        if (action is null || !action.IsActionable)
        {
            errors.Add("actionId", $"No element of a plan that takes activities has the id {edit.ActionId}.");
        }
        else if (!string.IsNullOrWhiteSpace(edit.Code) && await db.Activities.AnyAsync(a => a.ActionId == edit.ActionId && a.Code == edit.Code.Trim() && a.Id != activityId, ct))
        {
            errors.Add("code", $"Another activity of this action has the code {edit.Code.Trim()}.");
        }

        if (edit.StartDate is { } start && edit.EndDate is { } end && end < start)
        {
            errors.Add("endDate", "The end date is before the start date.");
        }

        if (action is not null)
        {
            foreach (var (field, date) in new[] { ("startDate", edit.StartDate), ("endDate", edit.EndDate) })
            {
                if (date is { } d && (d.Year < action.PeriodStart || d.Year > action.PeriodEnd))
                {
                    errors.Add(field, $"{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is outside the plan's period {action.PeriodStart}-{action.PeriodEnd}.");
                }
            }
        }

        if (edit.WorkingGroupId is { } group && !await db.Institutions.AnyAsync(i => i.Id == group && i.Kind == InstitutionKind.WorkingGroup, ct))
        {
            errors.Add("workingGroupId", $"No working group has the id {group}.");
        }

        if (edit.GenderMarker is < 0 or > 2)
        {
            errors.Add("genderMarker", "The gender marker is 0 (not targeted), 1 (significant objective) or 2 (principal objective).");
        }

        var institutions = (edit.Responsible ?? []).Concat(edit.Accompanying ?? []).Distinct().ToList();
        var known = await db.Institutions.Where(i => institutions.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct);
        foreach (var (field, ids) in new[] { ("responsible", edit.Responsible ?? []), ("accompanying", edit.Accompanying ?? []) })
        {
            foreach (var (id, i) in ids.Select((id, i) => (id, i)).Where(p => !known.Contains(p.id)))
            {
                errors.Add($"{field}[{i}]", $"No institution has the id {id}.");
            }
        }

        var members = await db.MemberCountriesAsync(ct);
        var countries = edit.Countries ?? [];
        if (countries.Count == 0)
        {
            errors.Add("countries", "Name at least one member country that takes part.");
        }

        foreach (var (country, i) in countries.Select((c, i) => (c, i)))
        {
            if (!members.Contains(country ?? string.Empty))
            {
                errors.Add($"countries[{i}]", $"{country} is not a CRM member country ({string.Join(" ", members.Order(StringComparer.Ordinal))}).");
            }
        }

        if (countries.Distinct(StringComparer.Ordinal).Count() != countries.Count)
        {
            errors.Add("countries", "A country is named twice.");
        }

        var lines = edit.BudgetLines ?? [];
        var currencies = lines.Select(l => l.Currency).Distinct().ToList();
        var knownCurrencies = await db.Currencies.Where(c => currencies.Contains(c.Code)).Select(c => c.Code).ToListAsync(ct);
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            if (line.Amount < 0)
            {
                errors.Add($"budgetLines[{i}].amount", "An amount cannot be negative.");
            }

            if (decimal.Round(line.Amount, 2) != line.Amount || Math.Abs(line.Amount) >= 1e16m)
            {
                errors.Add($"budgetLines[{i}].amount", "An amount has at most 16 digits before the decimal separator and 2 after it.");
            }

            if (!knownCurrencies.Contains(line.Currency))
            {
                errors.Add($"budgetLines[{i}].currency", $"{line.Currency} is not an ISO 4217 currency code.");
            }

            errors.Text($"budgetLines[{i}].source", line.Source, ActivityConfiguration.SourceMaxLength, required: true);
        }

        foreach (var (objective, i) in (edit.GcmObjectives ?? []).Select((o, i) => (o, i)).Where(p => p.o is < 1 or > 23))
        {
            errors.Add($"gcmObjectives[{i}]", $"The Global Compact has objectives 1 to 23, not {objective}.");
        }

        foreach (var (target, i) in (edit.SdgTargets ?? []).Select((t, i) => (t, i)).Where(p => !IsSdgTarget(p.t)))
        {
            errors.Add($"sdgTargets[{i}]", $"{target} is not an SDG target (goal 1 to 17, a dot, the target: 8.8, 10.7, 17.a).");
        }

        return errors;
    }

    public static bool IsSdgTarget(string? target) =>
        target is not null && SdgTarget().Match(target) is { Success: true } m
        && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is >= 1 and <= 17;

    [GeneratedRegex("^([0-9]{1,2})\\.([0-9]{1,2}|[a-z])$")]
    private static partial Regex SdgTarget();

    /// <summary>How an activity is written through the kernel: loaded whole, answered and audited as its snapshot.</summary>
    public static readonly Editable<Activity, ActivitySnapshot> Activities = new(EntityType, FindForEditAsync, Snapshot, a => Id(a.Id));

    public static async Task<WriteOutcome<ActivitySnapshot>> CreateAsync(this MovilidadDb db, ActivityEdit edit, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (await db.ValidateAsync(edit, null, ct) is { Count: > 0 } errors)
        {
            return new WriteOutcome<ActivitySnapshot>.Invalid(errors);
        }

        var activity = new Activity { Code = edit.Code.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime, Status = ActivityStatus.Planned };
        Apply(activity, edit);
        return await db.CreateAsync(Activities, activity, actor, clock, ct);
    }

    public static Task<WriteOutcome<ActivitySnapshot>> SaveAsync(this MovilidadDb db, int id, ActivityEdit edit, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.EditAsync(Activities, id, edit.Version, AuditActions.Update, async _ => await db.ValidateAsync(edit, id, ct), activity =>
        {
            activity.Code = edit.Code.Trim();
            Apply(activity, edit);
            return Task.CompletedTask;
        }, actor, clock, ct);

    public static Task<WriteOutcome<ActivitySnapshot>> DeleteAsync(this MovilidadDb db, int id, int version, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.EditAsync(Activities, id, version, AuditActions.Delete, activity => activity.DeletedAt = clock.GetUtcNow().UtcDateTime, actor, clock, ct);

    public static Task<WriteOutcome<ActivitySnapshot>> ChangeStatusAsync(this MovilidadDb db, int id, StatusChange change, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.EditAsync(Activities, id, change.Version, AuditActions.Update,
            activity => Task.FromResult<IDictionary<string, string[]>>(ActivityWorkflow.Check(activity.Status, change.Status, change.Reason, activity.ConceptNote)),
            activity =>
            {
                activity.Status = change.Status;
                activity.StatusReason = ActivityWorkflow.NeedsReason(change.Status) ? change.Reason!.Trim() : null;
                return Task.CompletedTask;
            }, actor, clock, ct);

    public static async Task<WriteOutcome<CountryShareView>> SaveShareAsync(this MovilidadDb db, int id, string country, CountryShareEdit edit, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var activity = await db.FindForEditAsync(id, ct);
        var share = activity?.Countries.SingleOrDefault(c => c.CountryCode == country);
        if (activity is null || share is null)
        {
            return new WriteOutcome<CountryShareView>.NotFound();
        }

        if (share.Version != edit.Version)
        {
            return new WriteOutcome<CountryShareView>.Conflict(Share(share));
        }

        var errors = ActivityWorkflow.Check(share.Status, edit.Status, edit.StatusReason, activity.ConceptNote);
        if (edit.StartDate is { } start && edit.EndDate is { } end && end < start)
        {
            errors["endDate"] = ["The end date is before the start date."];
        }

        if (edit.BudgetAmount is { } amount && (amount < 0 || decimal.Round(amount, 2) != amount || amount >= 1e16m))
        {
            errors["budgetAmount"] = ["The budget is a positive amount with at most 2 decimals."];
        }

        if ((edit.BudgetAmount is null) != string.IsNullOrEmpty(edit.BudgetCurrency))
        {
            errors["budgetCurrency"] = ["Give the budget's amount and its currency together."];
        }
        else if (edit.BudgetCurrency is { Length: > 0 } currency && !await db.Currencies.AnyAsync(c => c.Code == currency, ct))
        {
            errors["budgetCurrency"] = [$"{currency} is not an ISO 4217 currency code."];
        }

        if (edit.ResponsibleInstitutionId is { } institution && !await db.Institutions.AnyAsync(i => i.Id == institution, ct))
        {
            errors["responsibleInstitutionId"] = [$"No institution has the id {institution}."];
        }

        if (errors.Count > 0)
        {
            return new WriteOutcome<CountryShareView>.Invalid(errors);
        }

        var before = Share(share);
        share.ResponsibleInstitutionId = edit.ResponsibleInstitutionId;
        share.StartDate = edit.StartDate;
        share.EndDate = edit.EndDate;
        share.BudgetAmount = edit.BudgetAmount;
        share.BudgetCurrency = string.IsNullOrEmpty(edit.BudgetCurrency) ? null : edit.BudgetCurrency;
        share.Status = edit.Status;
        share.StatusReason = ActivityWorkflow.NeedsReason(edit.Status) ? edit.StatusReason!.Trim() : null;
        share.Version++;
        try
        {
            await db.SaveAuditedAsync(actor, () => new AuditRecord(AuditActions.Update, ShareEntityType, $"{Id(id)}:{country}", before, Share(share), country), clock, ct);
            return new WriteOutcome<CountryShareView>.Saved(Share(share));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = (await db.FindForEditAsync(id, ct))?.Countries.SingleOrDefault(c => c.CountryCode == country);
            return current is null ? new WriteOutcome<CountryShareView>.NotFound() : new WriteOutcome<CountryShareView>.Conflict(Share(current));
        }
    }

    private static void Apply(Activity activity, ActivityEdit edit)
    {
        activity.ActionId = edit.ActionId;
        activity.Title = Trim(edit.Title);
        activity.Description = Trim(edit.Description);
        activity.Term = edit.Term;
        activity.StartDate = edit.StartDate;
        activity.EndDate = edit.EndDate;
        activity.WorkingGroupId = edit.WorkingGroupId;
        activity.Priority = edit.Priority;
        activity.GenderMarker = edit.GenderMarker;
        activity.Institutions.Clear();
        activity.Institutions.AddRange((edit.Responsible ?? []).Distinct().Select(i => new ActivityInstitution { InstitutionId = i, Role = InstitutionRole.Responsible }));
        activity.Institutions.AddRange((edit.Accompanying ?? []).Distinct().Select(i => new ActivityInstitution { InstitutionId = i, Role = InstitutionRole.Accompanying }));

        // A share keeps what its focal point entered as long as its country stays in the activity.
        activity.Countries.RemoveAll(c => !edit.Countries.Contains(c.CountryCode));
        activity.Countries.AddRange(edit.Countries.Where(c => activity.Countries.All(s => s.CountryCode != c))
            .Select(c => new ActivityCountry { CountryCode = c, Status = ActivityStatus.Planned }));
        activity.BudgetLines.Clear();
        activity.BudgetLines.AddRange((edit.BudgetLines ?? []).Select(l => new BudgetLine { Kind = l.Kind, Amount = l.Amount, CurrencyCode = l.Currency, Source = l.Source.Trim() }));
        activity.GcmObjectives.Clear();
        activity.GcmObjectives.AddRange((edit.GcmObjectives ?? []).Distinct().Select(o => new ActivityGcmObjective { Objective = o }));
        activity.SdgTargets.Clear();
        activity.SdgTargets.AddRange((edit.SdgTargets ?? []).Distinct(StringComparer.Ordinal).Select(t => new ActivitySdgTarget { Target = t }));
    }

    internal static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Bilingual Trim(Bilingual? text) => text is null ? Bilingual.Empty : new Bilingual(text.Es?.Trim() ?? string.Empty, text.En?.Trim() ?? string.Empty);
}
