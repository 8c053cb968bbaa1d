using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;

using Movilidad.Web.Infrastructure.Observability;

namespace Movilidad.Web.Features.OpenData;

/// <summary>
/// The operational plan's activities as an IATI 2.03 activity file, written element by element to the output: one
/// iati-activity per activity with bilingual narratives, participating organisations by role, status, dates,
/// recipient countries (its country shares), sector, SDG and GCM tags, the gender policy marker, budgets and one result
/// per indicator attached to the activity, with its targets and approved actuals by reporting period and sex.
/// </summary>
public static class IatiActivities
{
    public const string ContentType = "application/xml; charset=utf-8";
    public const string GcmVocabularyUri = "https://www.un.org/en/migration2022/global-compact-for-migration";

    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    /// <summary>Everything one iati-activity needs, read in a few queries.</summary>
    public sealed record Source(
        int Id, Bilingual Title, Bilingual Description, ActivityStatus Status, DateOnly? Start, DateOnly? End, int PlanStart, int PlanEnd, int GenderMarker,
        int? WorkingGroupId, IReadOnlyList<(int InstitutionId, InstitutionRole Role)> Institutions, IReadOnlyList<ActivityCountry> Countries,
        IReadOnlyList<BudgetLine> BudgetLines, IReadOnlyList<int> GcmObjectives, IReadOnlyList<string> SdgTargets)
    {
        public IReadOnlyList<Result> Results { get; init; } = [];
    }

    /// <summary>An indicator attached to the activity, and its periods that have a target or an approved value.</summary>
    public sealed record Result(
        IndicatorType Type, Bilingual Name, Bilingual Definition, string UnitCode, decimal? Baseline, int? BaselineYear, IReadOnlyList<ResultPeriod> Periods);

    /// <summary>One reporting period: the target and the approved actual (by the indicator's aggregation rule over countries), with its split by sex.</summary>
    public sealed record ResultPeriod(DateOnly Start, DateOnly End, decimal? Target, decimal? Actual, IReadOnlyList<(string Sex, decimal Value)> ActualBySex);

    /// <summary>The IATI sex dimension values of the sex parts of a value, in their order.</summary>
    public static readonly IReadOnlyList<string> SexValues = ["female", "male", "other", "not-reported"];

    public sealed record Organisation(Bilingual Name, InstitutionKind Kind);

    /// <summary>The activities the reader may see (published plans, or all for people who read unpublished ones), by id.</summary>
    public static async Task<(List<Source> Activities, Dictionary<int, Organisation> Organisations)> LoadAsync(MovilidadDb db, CancellationToken ct)
    {
        var activities = await db.Activities.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Title, a.Description, a.Status, a.StartDate, a.EndDate, a.Action!.Plan!.PeriodStart, a.Action.Plan.PeriodEnd, a.GenderMarker, a.WorkingGroupId })
            .ToListAsync(ct);
        var ids = activities.Select(a => a.Id).ToList();
        var institutions = (await db.Set<ActivityInstitution>().AsNoTracking().Where(i => ids.Contains(i.ActivityId)).ToListAsync(ct)).ToLookup(i => i.ActivityId);
        var countries = (await db.ActivityCountries.AsNoTracking().Where(c => ids.Contains(c.ActivityId)).ToListAsync(ct)).ToLookup(c => c.ActivityId);
        var budgets = (await db.BudgetLines.AsNoTracking().Where(b => ids.Contains(b.ActivityId)).OrderBy(b => b.Id).ToListAsync(ct)).ToLookup(b => b.ActivityId);
        var gcm = (await db.Set<ActivityGcmObjective>().AsNoTracking().Where(g => ids.Contains(g.ActivityId)).ToListAsync(ct)).ToLookup(g => g.ActivityId);
        var sdg = (await db.Set<ActivitySdgTarget>().AsNoTracking().Where(s => ids.Contains(s.ActivityId)).ToListAsync(ct)).ToLookup(s => s.ActivityId);
        var organisations = await db.Institutions.AsNoTracking().ToDictionaryAsync(i => i.Id, i => new Organisation(i.Name, i.Kind), ct);
        var results = await ResultsAsync(db, ids, ct);
        db.Logger("Movilidad.Exports").LogInformation("IATI export: {Activities} activities", activities.Count);
        FileMetrics.Exported("iati");
        return (activities.Select(a => new Source(
            a.Id, a.Title, a.Description, a.Status, a.StartDate, a.EndDate, a.PeriodStart, a.PeriodEnd, a.GenderMarker, a.WorkingGroupId,
            institutions[a.Id].Select(i => (i.InstitutionId, i.Role)).ToList(), countries[a.Id].OrderBy(c => c.CountryCode, StringComparer.Ordinal).ToList(),
            budgets[a.Id].ToList(), gcm[a.Id].Select(g => g.Objective).Order().ToList(), sdg[a.Id].Select(s => s.Target).Order(StringComparer.Ordinal).ToList())
            { Results = results[a.Id].ToList() }).ToList(),
            organisations);
    }

    /// <summary>
    /// The results of the activities: indicators attached to an activity itself. Indicators attached only to a plan element are
    /// left out, because their values are not split by activity and would count once for every activity under the element.
    /// </summary>
    private static async Task<ILookup<int, Result>> ResultsAsync(MovilidadDb db, List<int> activityIds, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.ActivityId != null && activityIds.Contains(i.ActivityId.Value))
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
            .Select(i => new { i.Id, ActivityId = i.ActivityId!.Value, i.PlanId, i.Type, i.Name, i.Definition, i.UnitCode, i.Baseline, i.BaselineYear, i.Aggregation })
            .ToListAsync(ct);
        var indicatorIds = indicators.Select(i => i.Id).ToList();
        var planIds = indicators.Select(i => i.PlanId).Distinct().ToList();
        var periods = (await db.ReportingPeriods.AsNoTracking().Where(p => planIds.Contains(p.PlanId)).Select(p => new { p.PlanId, p.Code, p.Start, p.End }).ToListAsync(ct))
            .ToLookup(p => p.PlanId);
        var targets = (await db.IndicatorTargets.AsNoTracking().Where(t => indicatorIds.Contains(t.IndicatorId)).ToListAsync(ct)).ToLookup(t => t.IndicatorId);
        var values = (await db.IndicatorValues.AsNoTracking()
                .Where(v => indicatorIds.Contains(v.IndicatorId) && v.Dimension == Disaggregation.All && v.Total != null && v.Report!.Status == ReportStatus.Approved)
                .Select(v => new { v.IndicatorId, v.Report!.Period!.Code, v.Total, v.Women, v.Men, v.Other, v.NotReported })
                .ToListAsync(ct))
            .ToLookup(v => (v.IndicatorId, v.Code));
        return indicators.Select(i =>
            {
                var periodList = periods[i.PlanId].OrderBy(p => p.Start).Select(p =>
                    {
                        var periodTargets = targets[i.Id].Where(t => t.PeriodCode == p.Code).ToList();
                        var target = periodTargets.FirstOrDefault(t => t.CountryCode is null)?.Value
                            ?? (i.Aggregation == AggregationRule.Sum && periodTargets.Count > 0 ? periodTargets.Sum(t => t.Value) : null);
                        var actuals = values[(i.Id, p.Code)].ToList();
                        decimal? actual = actuals.Count == 0 ? null : i.Aggregation switch
                        {
                            AggregationRule.Sum => actuals.Sum(v => v.Total!.Value),
                            AggregationRule.Average => Math.Round(actuals.Average(v => v.Total!.Value), 4),
                            AggregationRule.CountOfCountries => actuals.Count(v => v.Total > 0),
                            _ => throw new ArgumentOutOfRangeException(nameof(activityIds), i.Aggregation, null),
                        };

                        // The split by sex adds up only for summed indicators, and only when every country gave the part.
                        var bySex = i.Aggregation != AggregationRule.Sum || actuals.Count == 0 ? [] : new[]
                            {
                                actuals.Select(v => v.Women).ToList(), actuals.Select(v => v.Men).ToList(),
                                actuals.Select(v => v.Other).ToList(), actuals.Select(v => v.NotReported).ToList(),
                            }
                            .Select((parts, index) => (SexValues[index], Parts: parts))
                            .Where(x => x.Parts.All(v => v is not null))
                            .Select(x => (x.Item1, x.Parts.Sum(v => v!.Value))).ToList();
                        return new ResultPeriod(p.Start, p.End, target, actual, bySex);
                    })
                    .Where(p => p.Target is not null || p.Actual is not null).ToList();
                return (i.ActivityId, Result: new Result(i.Type, i.Name, i.Definition, i.UnitCode, i.Baseline, i.BaselineYear, periodList));
            })
            .ToLookup(x => x.ActivityId, x => x.Result);
    }

    /// <summary>IATI ResultType: 1 output, 2 outcome, 3 impact; our result indicators measure outputs, process ones outcomes.</summary>
    public static string ResultTypeCode(IndicatorType type) => type switch
    {
        IndicatorType.Result => "1",
        IndicatorType.Process => "2",
        IndicatorType.Impact => "3",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>IATI IndicatorMeasure: 2 percentage for PERCENT, 1 unit for counts.</summary>
    public static string MeasureCode(string unitCode) => unitCode == "PERCENT" ? "2" : "1";

    /// <summary>IATI ActivityStatus: 1 pipeline/identification, 2 implementation, 4 closed, 5 cancelled, 6 suspended.</summary>
    public static string ActivityStatusCode(ActivityStatus status) => status switch
    {
        ActivityStatus.Planned or ActivityStatus.ConceptNoteComplete or ActivityStatus.Approved => "1",
        ActivityStatus.InProgress => "2",
        ActivityStatus.Done => "4",
        ActivityStatus.Cancelled => "5",
        ActivityStatus.Postponed => "6",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>IATI OrganisationType of an institution: 10 government, 40 multilateral, 21 international NGO, 90 other.</summary>
    public static string OrganisationType(InstitutionKind kind) => kind switch
    {
        InstitutionKind.MemberState => "10",
        InstitutionKind.CrmBody or InstitutionKind.WorkingGroup or InstitutionKind.UnAgency or InstitutionKind.InternationalOrganisation
            or InstitutionKind.RegionalProcess => "40",
        InstitutionKind.CivilSociety => "21",
        InstitutionKind.Other => "90",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static async Task WriteAsync(
        Stream output, IReadOnlyList<Source> activities, IReadOnlyDictionary<int, Organisation> organisations, OpenDataOptions options,
        Func<int, Bilingual> gcmTitle, DateTime generatedAt, CancellationToken ct)
    {
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "iati-activities", null);
        await xml.WriteAttributeStringAsync(null, "version", null, "2.03");
        await xml.WriteAttributeStringAsync(null, "generated-datetime", null, generatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        foreach (var activity in activities)
        {
            ct.ThrowIfCancellationRequested();
            await WriteActivityAsync(xml, activity, organisations, options, gcmTitle);

            // Flushed activity by activity: the response grows as it is written and the server holds one activity at a time.
            await xml.FlushAsync();
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }

    private static async Task WriteActivityAsync(XmlWriter xml, Source a, IReadOnlyDictionary<int, Organisation> organisations, OpenDataOptions options, Func<int, Bilingual> gcmTitle)
    {
        var planned = a.BudgetLines.Where(b => b.Kind == BudgetKind.Planned).ToList();
        await xml.WriteStartElementAsync(null, "iati-activity", null);
        await xml.WriteAttributeStringAsync("xml", "lang", XmlNamespace, "es");
        if (planned.Select(b => b.CurrencyCode).Distinct(StringComparer.Ordinal).ToList() is [var currency])
        {
            await xml.WriteAttributeStringAsync(null, "default-currency", null, currency);
        }

        await xml.WriteElementStringAsync(null, "iati-identifier", null, $"{options.ReportingOrgRef}-ACT-{Number(a.Id)}");
        await xml.WriteStartElementAsync(null, "reporting-org", null);
        await xml.WriteAttributeStringAsync(null, "ref", null, options.ReportingOrgRef);
        await xml.WriteAttributeStringAsync(null, "type", null, options.ReportingOrgType);
        await NarrativesAsync(xml, new Bilingual(options.ReportingOrgNameEs, options.ReportingOrgNameEn));
        await xml.WriteEndElementAsync();

        await xml.WriteStartElementAsync(null, "title", null);
        await NarrativesAsync(xml, a.Title);
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync(null, "description", null);
        await xml.WriteAttributeStringAsync(null, "type", null, "1");
        await NarrativesAsync(xml, a.Description.IsEmpty ? a.Title : a.Description);
        await xml.WriteEndElementAsync();

        // Funding: the sources of the budget lines; accountable: the CRM; extending: the working group; implementing: the institutions.
        foreach (var source in a.BudgetLines.Select(b => b.Source).Distinct(StringComparer.Ordinal))
        {
            await ParticipatingOrgAsync(xml, "1", null, null, new Bilingual(source, source));
        }

        await ParticipatingOrgAsync(xml, "2", options.ReportingOrgRef, options.ReportingOrgType, new Bilingual(options.ReportingOrgNameEs, options.ReportingOrgNameEn));
        if (a.WorkingGroupId is { } group && organisations.TryGetValue(group, out var workingGroup))
        {
            await ParticipatingOrgAsync(xml, "3", null, OrganisationType(workingGroup.Kind), workingGroup.Name);
        }

        var implementing = a.Institutions.Where(i => i.Role is InstitutionRole.Responsible or InstitutionRole.Accompanying).Select(i => i.InstitutionId)
            .Concat(a.Countries.Where(c => c.ResponsibleInstitutionId is not null).Select(c => c.ResponsibleInstitutionId!.Value)).Distinct();
        foreach (var id in implementing)
        {
            if (organisations.TryGetValue(id, out var organisation))
            {
                await ParticipatingOrgAsync(xml, "4", null, OrganisationType(organisation.Kind), organisation.Name);
            }
        }

        await CodeElementAsync(xml, "activity-status", ("code", ActivityStatusCode(a.Status)));

        // IATI asks for a planned or actual start: the activity's own, else the start of its plan's period.
        var start = a.Start ?? new DateOnly(a.PlanStart, 1, 1);
        await CodeElementAsync(xml, "activity-date", ("type", "1"), ("iso-date", Iso(start)));
        if (a.Status is ActivityStatus.InProgress or ActivityStatus.Done)
        {
            var actual = a.Countries.Select(c => c.StartDate).Where(d => d is not null).Min() ?? start;
            await CodeElementAsync(xml, "activity-date", ("type", "2"), ("iso-date", Iso(actual)));
        }

        if (a.End is { } end)
        {
            await CodeElementAsync(xml, "activity-date", ("type", "3"), ("iso-date", Iso(end)));
        }

        if (a.Status == ActivityStatus.Done)
        {
            var actualEnd = a.Countries.Select(c => c.EndDate).Where(d => d is not null).Max() ?? a.End ?? new DateOnly(a.PlanEnd, 12, 31);
            await CodeElementAsync(xml, "activity-date", ("type", "4"), ("iso-date", Iso(actualEnd)));
        }

        foreach (var (country, percentage) in Percentages(a.Countries.Select(c => c.CountryCode).ToList()))
        {
            await CodeElementAsync(xml, "recipient-country", ("code", country), ("percentage", percentage));
        }

        await CodeElementAsync(xml, "sector", ("vocabulary", "1"), ("code", options.SectorCode), ("percentage", "100"));
        foreach (var target in a.SdgTargets)
        {
            await CodeElementAsync(xml, "tag", ("vocabulary", "3"), ("code", target));
        }

        foreach (var objective in a.GcmObjectives)
        {
            await xml.WriteStartElementAsync(null, "tag", null);
            await xml.WriteAttributeStringAsync(null, "vocabulary", null, "99");
            await xml.WriteAttributeStringAsync(null, "vocabulary-uri", null, GcmVocabularyUri);
            await xml.WriteAttributeStringAsync(null, "code", null, Number(objective));
            await NarrativesAsync(xml, gcmTitle(objective));
            await xml.WriteEndElementAsync();
        }

        await CodeElementAsync(xml, "policy-marker", ("vocabulary", "1"), ("code", "1"), ("significance", Number(a.GenderMarker)));

        var periodEnd = a.End ?? new DateOnly(a.PlanEnd, 12, 31);
        foreach (var byCurrency in planned.GroupBy(b => b.CurrencyCode, StringComparer.Ordinal))
        {
            await xml.WriteStartElementAsync(null, "budget", null);
            await xml.WriteAttributeStringAsync(null, "type", null, "1");
            await xml.WriteAttributeStringAsync(null, "status", null, "1");
            await CodeElementAsync(xml, "period-start", ("iso-date", Iso(start)));
            await CodeElementAsync(xml, "period-end", ("iso-date", Iso(periodEnd < start ? start : periodEnd)));
            await xml.WriteStartElementAsync(null, "value", null);
            await xml.WriteAttributeStringAsync(null, "currency", null, byCurrency.Key);
            await xml.WriteAttributeStringAsync(null, "value-date", null, Iso(start));
            await xml.WriteStringAsync(byCurrency.Sum(b => b.Amount).ToString("0.00", CultureInfo.InvariantCulture));
            await xml.WriteEndElementAsync();
            await xml.WriteEndElementAsync();
        }

        foreach (var result in a.Results)
        {
            await ResultAsync(xml, result, a.PlanStart);
        }

        await xml.WriteEndElementAsync();
    }

    private static async Task ResultAsync(XmlWriter xml, Result result, int planStart)
    {
        await xml.WriteStartElementAsync(null, "result", null);
        await xml.WriteAttributeStringAsync(null, "type", null, ResultTypeCode(result.Type));
        await xml.WriteStartElementAsync(null, "title", null);
        await NarrativesAsync(xml, result.Name);
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync(null, "indicator", null);
        await xml.WriteAttributeStringAsync(null, "measure", null, MeasureCode(result.UnitCode));

        // The platform's indicators all count progress upwards.
        await xml.WriteAttributeStringAsync(null, "ascending", null, "1");
        await xml.WriteStartElementAsync(null, "title", null);
        await NarrativesAsync(xml, result.Name);
        await xml.WriteEndElementAsync();
        if (!result.Definition.IsEmpty)
        {
            await xml.WriteStartElementAsync(null, "description", null);
            await NarrativesAsync(xml, result.Definition);
            await xml.WriteEndElementAsync();
        }

        if (result.Baseline is { } baseline)
        {
            await CodeElementAsync(xml, "baseline", ("year", Number(result.BaselineYear ?? planStart)), ("value", Decimal(baseline)));
        }

        foreach (var period in result.Periods)
        {
            await xml.WriteStartElementAsync(null, "period", null);
            await CodeElementAsync(xml, "period-start", ("iso-date", Iso(period.Start)));
            await CodeElementAsync(xml, "period-end", ("iso-date", Iso(period.End)));
            if (period.Target is { } target)
            {
                await CodeElementAsync(xml, "target", ("value", Decimal(target)));
            }

            if (period.Actual is { } actual)
            {
                await CodeElementAsync(xml, "actual", ("value", Decimal(actual)));
            }

            foreach (var (sex, value) in period.ActualBySex)
            {
                await xml.WriteStartElementAsync(null, "actual", null);
                await xml.WriteAttributeStringAsync(null, "value", null, Decimal(value));
                await CodeElementAsync(xml, "dimension", ("name", "sex"), ("value", sex));
                await xml.WriteEndElementAsync();
            }

            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
    }

    /// <summary>Equal parts that add up to exactly 100, the last country taking the rounding.</summary>
    public static IEnumerable<(string Country, string Percentage)> Percentages(IReadOnlyList<string> countries)
    {
        if (countries.Count == 0)
        {
            yield break;
        }

        var part = Math.Round(100m / countries.Count, 2, MidpointRounding.ToZero);
        for (var i = 0; i < countries.Count; i++)
        {
            var value = i == countries.Count - 1 ? 100m - (part * (countries.Count - 1)) : part;
            yield return (countries[i], value.ToString("0.##", CultureInfo.InvariantCulture));
        }
    }

    private static async Task ParticipatingOrgAsync(XmlWriter xml, string role, string? reference, string? type, Bilingual name)
    {
        await xml.WriteStartElementAsync(null, "participating-org", null);
        if (reference is not null)
        {
            await xml.WriteAttributeStringAsync(null, "ref", null, reference);
        }

        if (type is not null)
        {
            await xml.WriteAttributeStringAsync(null, "type", null, type);
        }

        await xml.WriteAttributeStringAsync(null, "role", null, role);
        await NarrativesAsync(xml, name);
        await xml.WriteEndElementAsync();
    }

    /// <summary>The Spanish narrative (the activity's default language) and the English one when it says something else.</summary>
    private static async Task NarrativesAsync(XmlWriter xml, Bilingual text)
    {
        await xml.WriteElementStringAsync(null, "narrative", null, text.Es.Length > 0 ? text.Es : text.En);
        if (text.En.Length > 0 && text.En != text.Es)
        {
            await xml.WriteStartElementAsync(null, "narrative", null);
            await xml.WriteAttributeStringAsync("xml", "lang", XmlNamespace, "en");
            await xml.WriteStringAsync(text.En);
            await xml.WriteEndElementAsync();
        }
    }

    private static async Task CodeElementAsync(XmlWriter xml, string name, params (string Name, string Value)[] attributes)
    {
        await xml.WriteStartElementAsync(null, name, null);
        foreach (var (attribute, value) in attributes)
        {
            await xml.WriteAttributeStringAsync(null, attribute, null, value);
        }

        await xml.WriteEndElementAsync();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Decimal(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
