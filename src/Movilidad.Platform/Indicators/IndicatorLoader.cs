using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Movilidad.Platform.Indicators;

/// <summary>The shape of a file in <c>data/indicators/</c>: a plan's reporting calendar and its indicators.</summary>
public sealed class IndicatorFile
{
    public string Plan { get; set; } = string.Empty;
    public CalendarFile? Calendar { get; set; }
    public List<IndicatorEntry> Indicators { get; set; } = [];

    private static readonly IDeserializer Deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();

    public static IndicatorFile Parse(string yaml) => Deserializer.Deserialize<IndicatorFile>(yaml) ?? new IndicatorFile();

    public sealed class CalendarFile
    {
        public string Period { get; set; } = string.Empty;
        public int DueDays { get; set; }
        public string Source { get; set; } = string.Empty;
    }

    public sealed class IndicatorEntry
    {
        public string Key { get; set; } = string.Empty;
        public string Code { get; set; } = string.Empty;
        public string? Element { get; set; }
        public string Type { get; set; } = string.Empty;
        public TextPair? Name { get; set; }
        public TextPair? Definition { get; set; }
        public TextPair? Unit { get; set; }
        public string UnitCode { get; set; } = string.Empty;
        public decimal? Baseline { get; set; }
        public int? BaselineYear { get; set; }
        public string TargetType { get; set; } = "incremental";
        public string Aggregation { get; set; } = "sum";
        public string Source { get; set; } = "reported";
        public List<string> Dimensions { get; set; } = [];
        public string? WorkingGroup { get; set; }
        public string Section { get; set; } = string.Empty;
    }
}

/// <summary>
/// Loads <c>data/indicators/*.yaml</c> after the plans: each plan's reporting calendar and periods over the plan's
/// years, and its indicators matched by key. An indicator edited in the platform (<see cref="Indicator.EditedAt"/>)
/// keeps its edits; periods and their reports are never removed. Each file lands whole or not at all.
/// </summary>
public sealed class IndicatorLoader(MovilidadDb db) : IContentLoader
{
    public int Order => 300;

    public static readonly IReadOnlySet<string> UnitCodes = new HashSet<string>(StringComparer.Ordinal) { "NUMBER", "PERSONS", "PERCENT", "USD" };

    public async Task LoadAsync(string dataFolder, CancellationToken ct = default)
    {
        var folder = Path.Combine(dataFolder, "indicators");
        if (!Directory.Exists(folder))
        {
            return;
        }

        var showed = db.ShowsUnpublished;
        db.ShowsUnpublished = true;
        try
        {
            var institutions = await db.Institutions.AsNoTracking().Where(i => i.Kind == InstitutionKind.WorkingGroup).ToDictionaryAsync(i => i.Code, i => i.Id, ct);
            foreach (var path in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
            {
                var file = Path.GetFileName(path);
                IndicatorFile content;
                try
                {
                    content = IndicatorFile.Parse(await File.ReadAllTextAsync(path, ct));
                }
                catch (YamlException e)
                {
                    throw new DataFileException(file, $"line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}", e);
                }

                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await ApplyAsync(file, content, institutions, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ShowsUnpublished = showed;
        }
    }

    private async Task ApplyAsync(string file, IndicatorFile content, Dictionary<string, int> workingGroups, CancellationToken ct)
    {
        void Fail(string where, string message) => throw new DataFileException(file, $"{where}: {message}");
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Key == content.Plan, ct);
        if (plan is null)
        {
            Fail("plan", $"plan '{content.Plan}' is not shipped.");
            return;
        }

        if (content.Calendar is { } calendar)
        {
            if (ParseEnum<PeriodType>(calendar.Period) is not { } type)
            {
                Fail("calendar", $"unknown period '{calendar.Period}' (quarter, semester, year).");
                return;
            }

            if (calendar.DueDays is < 0 or > 366)
            {
                Fail("calendar", $"dueDays {calendar.DueDays} is outside 0-366.");
            }

            await ApplyCalendarAsync(plan, type, calendar.DueDays, calendar.Source, ct);
        }

        var elements = await db.PlanElements.IgnoreQueryFilters().Where(e => e.PlanId == plan.Id).ToDictionaryAsync(e => e.Key, e => e.Id, ct);
        var existing = await db.Indicators.Where(i => i.PlanId == plan.Id).ToDictionaryAsync(i => i.Key, ct);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var order = 0;
        foreach (var entry in content.Indicators)
        {
            var where = $"indicator '{entry.Key}'";
            if (string.IsNullOrWhiteSpace(entry.Key) || !keys.Add(entry.Key))
            {
                Fail(where, "the key is empty or repeated.");
            }

            if (string.IsNullOrWhiteSpace(entry.Code))
            {
                Fail(where, "the code is empty.");
            }

            int? element = null;
            if (entry.Element is { } elementKey)
            {
                if (!elements.TryGetValue(elementKey, out var id))
                {
                    Fail(where, $"element '{elementKey}' is not an element of plan {plan.Key}.");
                }

                element = id;
            }

            int? workingGroup = null;
            if (entry.WorkingGroup is { } groupCode)
            {
                if (!workingGroups.TryGetValue(groupCode, out var id))
                {
                    Fail(where, $"'{groupCode}' is not a working group.");
                }

                workingGroup = id;
            }

            foreach (var (text, field) in new[] { (entry.Name, "name"), (entry.Definition, "definition"), (entry.Unit, "unit") })
            {
                if (text is null || string.IsNullOrWhiteSpace(text.Es) || string.IsNullOrWhiteSpace(text.En))
                {
                    Fail(where, $"a {field} in Spanish and in English is required.");
                }
            }

            if (!UnitCodes.Contains(entry.UnitCode))
            {
                Fail(where, $"unknown unitCode '{entry.UnitCode}' ({string.Join(", ", UnitCodes)}).");
            }

            var indicatorType = ParseEnum<IndicatorType>(entry.Type);
            var targetType = ParseEnum<TargetType>(entry.TargetType);
            var aggregation = ParseEnum<AggregationRule>(entry.Aggregation);
            var source = ParseEnum<IndicatorSource>(entry.Source);
            if (indicatorType is null || targetType is null || aggregation is null || source is null)
            {
                Fail(where, "type (result, process, impact), targetType (incremental, cumulative), aggregation (sum, average, count-of-countries) and source (reported, activities-done, countries-reporting, mentoring-sessions) take one of the listed values.");
            }

            foreach (var dimension in entry.Dimensions.Where(d => !Disaggregation.Dimensions.ContainsKey(d)))
            {
                Fail(where, $"unknown dimension '{dimension}' ({string.Join(", ", Disaggregation.Dimensions.Keys)}).");
            }

            if (string.IsNullOrWhiteSpace(entry.Section))
            {
                Fail(where, "the source section is missing.");
            }

            if (!existing.TryGetValue(entry.Key, out var indicator))
            {
                indicator = new Indicator { PlanId = plan.Id, Key = entry.Key, Code = entry.Code, UnitCode = entry.UnitCode };
                db.Indicators.Add(indicator);
            }
            else if (indicator.EditedAt is not null)
            {
                order++;
                continue;
            }

            indicator.Code = entry.Code.Trim();
            indicator.ElementId = element;
            indicator.WorkingGroupId = workingGroup;
            indicator.Type = indicatorType!.Value;
            indicator.Name = new Bilingual(entry.Name!.Es.Trim(), entry.Name.En.Trim());
            indicator.Definition = new Bilingual(entry.Definition!.Es.Trim(), entry.Definition.En.Trim());
            indicator.Unit = new Bilingual(entry.Unit!.Es.Trim(), entry.Unit.En.Trim());
            indicator.UnitCode = entry.UnitCode;
            indicator.Baseline = entry.Baseline;
            indicator.BaselineYear = entry.BaselineYear;
            indicator.TargetType = targetType!.Value;
            indicator.Aggregation = aggregation!.Value;
            indicator.Source = source!.Value;
            indicator.Dimensions = string.Join(',', entry.Dimensions);
            indicator.SourceReference = $"{plan.Number} · {entry.Section.Trim()}";
            indicator.SortOrder = order++;
            indicator.SourceHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry))));
        }
    }

    private async Task ApplyCalendarAsync(Plan plan, PeriodType type, int dueDays, string source, CancellationToken ct)
    {
        var calendar = await db.ReportingCalendars.SingleOrDefaultAsync(c => c.PlanId == plan.Id, ct);
        if (calendar is null)
        {
            calendar = new ReportingCalendar { PlanId = plan.Id };
            db.ReportingCalendars.Add(calendar);
        }

        calendar.PeriodType = type;
        calendar.DueDays = dueDays;
        calendar.SourceReference = source.Trim();
        var codes = await db.ReportingPeriods.Where(p => p.PlanId == plan.Id).Select(p => p.Code).ToListAsync(ct);
        foreach (var period in Periods.Between(plan.PeriodStart, plan.PeriodEnd, type).Where(p => !codes.Contains(p.Code)))
        {
            db.ReportingPeriods.Add(new ReportingPeriod
            {
                PlanId = plan.Id, Code = period.Code, Type = type, Start = period.Start, End = period.End, Due = period.End.AddDays(dueDays),
            });
        }
    }

    /// <summary>Kebab-case names of the file (count-of-countries) to the enum (CountOfCountries).</summary>
    internal static T? ParseEnum<T>(string? text)
        where T : struct, Enum =>
        Enum.TryParse<T>(text?.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, CultureInfo.InvariantCulture, out _)
            ? value
            : null;
}
