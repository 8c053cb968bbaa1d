using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Search;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using YamlDotNet.Core;

namespace Movilidad.Platform.Plans;

/// <summary>
/// Loads <c>data/institutions.yaml</c> and <c>data/plans/*.yaml</c>, matching rows by their stable keys.
/// A row whose content still hashes to what was last shipped is brought up to date; a row edited in the
/// platform since then keeps its edits; so does an institution edited here. Deleted and unpublished rows are
/// matched too (query filters off), so a reload never brings back a copy. Each file lands whole or not at all.
/// </summary>
public sealed class PlanContentLoader(MovilidadDb db) : IContentLoader
{
    public int Order => 200;

    /// <summary>The level of the shipped plans whose elements take activities: the Regional Plan's actions.</summary>
    public const string ActionLevel = "action";

    public async Task LoadAsync(string dataFolder, CancellationToken ct = default)
    {
        await LoadInstitutionsAsync(Path.Combine(dataFolder, "institutions.yaml"), ct);
        var files = Directory.GetFiles(Path.Combine(dataFolder, "plans"), "*.yaml").Order(StringComparer.Ordinal).ToList();
        // From the strategic plan down: strategic, regional action, operational, work plans, then recommendations.
        var parsed = files.Select(f => (File: f, Plan: Parse(f)))
            .OrderBy(p => ParseKind(p.Plan.Kind) ?? PlanKind.Recommendations).ThenBy(p => p.Plan.Number, StringComparer.Ordinal)
            .ToList();
        var institutions = await db.Institutions.ToDictionaryAsync(i => i.Code, ct);
        var order = 0;
        foreach (var (file, plan) in parsed)
        {
            Validate(file, plan, institutions, parsed.Select(p => p.Plan.Key).ToHashSet());
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await ApplyAsync(plan, order++, institutions, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }

        await LinkParentsAsync(parsed.Select(p => p.Plan).ToList(), ct);
    }

    private static PlanFile Parse(string file)
    {
        try
        {
            return PlanFile.Parse(File.ReadAllText(file));
        }
        catch (YamlException e)
        {
            throw new DataFileException(Path.GetFileName(file), $"line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}", e);
        }
    }

    private async Task LoadInstitutionsAsync(string file, CancellationToken ct)
    {
        List<InstitutionFile> entries;
        try
        {
            entries = InstitutionFile.ParseList(File.ReadAllText(file));
        }
        catch (YamlException e)
        {
            throw new DataFileException(Path.GetFileName(file), $"line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}", e);
        }

        var existing = await db.Institutions.ToDictionaryAsync(i => i.Code, ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (string.IsNullOrWhiteSpace(entry.Code) || !seen.Add(entry.Code))
            {
                throw new DataFileException(Path.GetFileName(file), $"institution '{entry.Code}': the code is empty or repeated.");
            }

            if (!Enum.TryParse<InstitutionKind>(entry.Kind.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var kind))
            {
                throw new DataFileException(Path.GetFileName(file), $"institution '{entry.Code}': unknown kind '{entry.Kind}'.");
            }

            if (!existing.TryGetValue(entry.Code, out var institution))
            {
                institution = new Institution { Code = entry.Code };
                db.Institutions.Add(institution);
            }
            else if (institution.EditedAt is not null)
            {
                continue;
            }

            institution.Kind = kind;
            institution.Acronym = ToBilingual(entry.Acronym);
            institution.Name = ToBilingual(entry.Name);
            institution.CountryCode = entry.Country;
            institution.Url = entry.Url;
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static void Validate(string path, PlanFile plan, Dictionary<string, Institution> institutions, HashSet<string> planKeys)
    {
        var file = Path.GetFileName(path);
        void Fail(string where, string message) => throw new DataFileException(file, $"{where}: {message}");

        if (string.IsNullOrWhiteSpace(plan.Key))
        {
            Fail("plan", "the plan has no key.");
        }

        if (ParseKind(plan.Kind) is null)
        {
            Fail("plan", $"unknown kind '{plan.Kind}' (strategic-plan, regional-action-plan, operational-plan, work-plan, recommendations).");
        }

        if (plan.Title is null || string.IsNullOrWhiteSpace(plan.Title.Es))
        {
            Fail("plan", "the plan has no Spanish title.");
        }

        foreach (var code in new[] { plan.Owner, plan.Approval?.Body }.OfType<string>())
        {
            if (!institutions.ContainsKey(code))
            {
                Fail("plan", $"unknown institution code '{code}'.");
            }
        }

        if (plan.Parent is { } parent && !planKeys.Contains(parent))
        {
            Fail("plan", $"parent plan '{parent}' is not shipped.");
        }

        if (plan.Approval?.Date is { } date && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            Fail("approval", $"date '{date}' is not a date (yyyy-mm-dd).");
        }

        var levels = plan.Levels.Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var all = Flatten(plan.Elements).ToList();
        foreach (var element in all)
        {
            var where = $"element '{element.Key}'";
            if (string.IsNullOrWhiteSpace(element.Key) || !keys.Add(element.Key))
            {
                Fail(where, "the key is empty or repeated.");
            }

            if (!levels.Contains(element.Level))
            {
                Fail(where, $"level '{element.Level}' is not declared in the plan's levels.");
            }

            if (element.Title is null || string.IsNullOrWhiteSpace(element.Title.Es) || string.IsNullOrWhiteSpace(element.Title.En))
            {
                Fail(where, "a title in Spanish and in English is required.");
            }

            if (string.IsNullOrWhiteSpace(element.Section))
            {
                Fail(where, "the source section is missing.");
            }

            foreach (var link in element.Institutions)
            {
                if (!institutions.ContainsKey(link.Code))
                {
                    Fail(where, $"unknown institution code '{link.Code}'.");
                }

                if (ParseRole(link.Role) is null)
                {
                    Fail(where, $"unknown institution role '{link.Role}' for {link.Code}.");
                }
            }

            foreach (var gcm in element.Gcm.Concat(element.GcmInferred).Where(g => g is < 1 or > 23))
            {
                Fail(where, $"GCM objective {gcm} is outside 1-23.");
            }

            foreach (var gcm in element.Gcm.Intersect(element.GcmInferred))
            {
                Fail(where, $"GCM objective {gcm} is both stated (gcm) and inferred (gcmInferred).");
            }

            if (element.IndicatorType is { } type && ParseIndicatorType(type) is null)
            {
                Fail(where, $"unknown indicator type '{type}' (result, process, impact).");
            }

            if (element.Timeframe is { } timeframe)
            {
                if (timeframe.Term is { } term && ParseTerm(term) is null)
                {
                    Fail(where, $"unknown term '{term}' (short, medium, long, continuous).");
                }

                foreach (var value in new[] { timeframe.Start, timeframe.End }.OfType<string>())
                {
                    if (ParsePartialDate(value, end: false) is null)
                    {
                        Fail(where, $"'{value}' is not a date (yyyy, yyyy-mm or yyyy-mm-dd).");
                    }
                }
            }
        }

        foreach (var element in all)
        {
            foreach (var axis in element.Axes.Where(a => !keys.Contains(a)))
            {
                Fail($"element '{element.Key}'", $"axis '{axis}' is not an element of this plan.");
            }
        }
    }

    private async Task ApplyAsync(PlanFile file, int order, Dictionary<string, Institution> institutions, CancellationToken ct)
    {
        var plan = await db.Plans.IgnoreQueryFilters().Include(p => p.Levels).SingleOrDefaultAsync(p => p.Key == file.Key, ct);
        var planHash = Hash(PlanContent(file, order));
        if (plan is null)
        {
            plan = new Plan { Key = file.Key, Number = file.Number, SourceDocument = file.Source };
            db.Plans.Add(plan);
            ApplyPlan(plan, file, order, institutions, planHash);
        }
        else if (Hash(PlanContent(plan, institutions)) == plan.SourceHash)
        {
            ApplyPlan(plan, file, order, institutions, planHash);
        }

        var elements = plan.Id == 0
            ? []
            : await db.PlanElements.IgnoreQueryFilters().Where(e => e.PlanId == plan.Id)
                .Include(e => e.Footnotes).Include(e => e.Institutions).Include(e => e.GcmObjectives)
                .Include(e => e.SdgTargets).Include(e => e.Axes).ThenInclude(a => a.Axis)
                .Include(e => e.Parent)
                .AsSplitQuery()
                .ToDictionaryAsync(e => e.Key, ct);

        var byId = institutions.Values.ToDictionary(i => i.Id);
        var fileElements = new List<(ElementFile File, PlanElement Entity, bool Apply)>();
        void Walk(IEnumerable<ElementFile> items, PlanElement? parent, int depth)
        {
            var sort = 0;
            foreach (var item in items)
            {
                var content = ElementContent(item, parent?.Key, sort, depth);
                bool apply;
                if (!elements.TryGetValue(item.Key, out var entity))
                {
                    entity = new PlanElement { Key = item.Key, LevelKey = item.Level, Section = item.Section!, Plan = plan };
                    elements[item.Key] = entity;
                    db.PlanElements.Add(entity);
                    apply = true;
                }
                else
                {
                    apply = Hash(ElementContent(entity, byId)) == entity.SourceHash;
                }

                var hash = Hash(content);
                if (apply && entity.SourceHash != hash)
                {
                    // A shipped update is a new version: an edit started on the old one is then a conflict.
                    entity.Version++;
                    ApplyElement(entity, item, parent, sort, depth, institutions, hash);
                }

                entity.IsActionable = item.Level == ActionLevel;
                fileElements.Add((item, entity, apply));
                Walk(item.Children, entity, depth + 1);
                sort++;
            }
        }

        Walk(file.Elements, null, 0);
        foreach (var (item, entity, apply) in fileElements.Where(e => e.Apply))
        {
            entity.Axes.Clear();
            entity.Axes.AddRange(item.Axes.Select(a => new AxisLink { Axis = elements[a] }));
        }
    }

    private static void ApplyPlan(Plan plan, PlanFile file, int order, Dictionary<string, Institution> institutions, string hash)
    {
        plan.Number = file.Number;
        plan.Kind = ParseKind(file.Kind)!.Value;
        plan.Title = ToBilingual(file.Title);
        plan.Summary = ToBilingual(file.Summary);
        plan.PeriodStart = file.PeriodStart;
        plan.PeriodEnd = file.PeriodEnd;
        plan.Owner = file.Owner is null ? null : institutions[file.Owner];
        plan.SourceDocument = file.Source;
        plan.ApprovalText = ToBilingual(file.Approval?.Text);
        plan.ApprovalDate = file.Approval?.Date is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        plan.ApprovalBody = file.Approval?.Body is { } body ? institutions[body] : null;
        plan.ApprovalCountries = file.Approval is { Countries.Count: > 0 } approval ? string.Join(',', approval.Countries) : null;
        plan.ApprovalSource = file.Approval?.Source;
        plan.SortOrder = order;
        var levelOrder = 0;
        foreach (var level in file.Levels)
        {
            var entity = plan.Levels.FirstOrDefault(l => l.Key == level.Key);
            if (entity is null)
            {
                entity = new PlanLevel { Key = level.Key };
                plan.Levels.Add(entity);
            }

            entity.Name = new Bilingual(level.Es, level.En);
            entity.SortOrder = levelOrder++;
            entity.Actionable = level.Key == ActionLevel;
            entity.Narrative = level.Narrative;
        }

        plan.SourceHash = hash;
    }

    private static void ApplyElement(PlanElement entity, ElementFile item, PlanElement? parent, int sort, int depth, Dictionary<string, Institution> institutions, string hash)
    {
        entity.LevelKey = item.Level;
        entity.Code = item.Code;
        entity.Title = ToBilingual(item.Title);
        entity.Text = ToBilingual(item.Text);
        entity.Section = item.Section!;
        entity.Parent = parent;
        entity.SortOrder = sort;
        entity.Depth = depth;
        entity.Term = item.Timeframe?.Term is { } term ? ParseTerm(term) : null;
        entity.StartDate = item.Timeframe?.Start is { } start ? ParsePartialDate(start, end: false) : null;
        entity.EndDate = item.Timeframe?.End is { } end ? ParsePartialDate(end, end: true) : null;
        entity.TimeframeLabel = ToBilingual(item.Timeframe?.Label);
        entity.IndicatorType = item.IndicatorType is { } type ? ParseIndicatorType(type) : null;
        entity.Footnotes.Clear();
        entity.Footnotes.AddRange(item.Footnotes.Select(f => new Footnote { Number = f.Number, Text = new Bilingual(f.Es, f.En) }));
        entity.Institutions.Clear();
        entity.Institutions.AddRange(item.Institutions
            .Select(i => (Institution: institutions[i.Code], Role: ParseRole(i.Role)!.Value))
            .Distinct()
            .Select(i => new ElementInstitution { InstitutionId = i.Institution.Id, Role = i.Role }));
        entity.GcmObjectives.Clear();
        entity.GcmObjectives.AddRange(item.Gcm.Distinct().Select(g => new GcmLink { Objective = g })
            .Concat(item.GcmInferred.Distinct().Select(g => new GcmLink { Objective = g, Inferred = true })));
        entity.SdgTargets.Clear();
        entity.SdgTargets.AddRange(item.Sdg.Distinct().Select(s => new SdgLink { Target = s }));
        entity.SearchText = TextSearch.Fold(string.Join(' ',
            new[] { entity.Code, entity.Title.Es, entity.Title.En, entity.Text.Es, entity.Text.En }
                .Concat(entity.Footnotes.SelectMany(f => new[] { f.Text.Es, f.Text.En }))));
        entity.SourceHash = hash;
    }

    private async Task LinkParentsAsync(List<PlanFile> files, CancellationToken ct)
    {
        var plans = await db.Plans.IgnoreQueryFilters().ToDictionaryAsync(p => p.Key, ct);
        foreach (var file in files)
        {
            var plan = plans[file.Key];
            var parentId = file.Parent is { } parent ? plans[parent].Id : (int?)null;
            if (plan.ParentPlanId != parentId)
            {
                plan.ParentPlanId = parentId;
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static object PlanContent(PlanFile f, int order) => new
    {
        f.Number,
        Kind = ParseKind(f.Kind),
        Title = ToBilingual(f.Title),
        Summary = ToBilingual(f.Summary),
        f.PeriodStart,
        f.PeriodEnd,
        f.Owner,
        f.Source,
        Approval = f.Approval?.Source is { } source ? new { Text = ToBilingual(f.Approval.Text), Source = source } : (object)ToBilingual(f.Approval?.Text),
        ApprovalDate = f.Approval?.Date,
        ApprovalBody = f.Approval?.Body,
        ApprovalCountries = f.Approval is { Countries.Count: > 0 } a ? string.Join(',', a.Countries) : null,
        Order = order,
        Levels = f.Levels.Select(l => LevelContent(l.Key, new Bilingual(l.Es, l.En), l.Narrative)),
    };

    private static object PlanContent(Plan p, Dictionary<string, Institution> institutions)
    {
        var codes = institutions.Values.ToDictionary(i => i.Id, i => i.Code);
        return new
        {
            p.Number,
            Kind = (PlanKind?)p.Kind,
            p.Title,
            p.Summary,
            p.PeriodStart,
            p.PeriodEnd,
            Owner = p.OwnerId is { } o ? codes[o] : null,
            Source = p.SourceDocument,
            Approval = p.ApprovalSource is { } source ? new { Text = p.ApprovalText, Source = source } : (object)p.ApprovalText,
            ApprovalDate = p.ApprovalDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ApprovalBody = p.ApprovalBodyId is { } b ? codes[b] : null,
            p.ApprovalCountries,
            Order = p.SortOrder,
            Levels = p.Levels.OrderBy(l => l.SortOrder).Select(l => LevelContent(l.Key, l.Name, l.Narrative)),
        };
    }

    // The flag is hashed only when set, so a plan stored before levels had it still hashes as it did and takes the update.
    private static object LevelContent(string key, Bilingual name, bool narrative) =>
        narrative ? new { Key = key, Name = name, Narrative = true } : new { Key = key, Name = name };

    private static object ElementContent(ElementFile e, string? parentKey, int sort, int depth) => new
    {
        e.Level,
        e.Code,
        Title = ToBilingual(e.Title),
        Text = ToBilingual(e.Text),
        e.Section,
        Parent = parentKey,
        Sort = sort,
        Depth = depth,
        Term = e.Timeframe?.Term is { } t ? ParseTerm(t) : null,
        Start = e.Timeframe?.Start is { } s ? ParsePartialDate(s, end: false) : null,
        End = e.Timeframe?.End is { } en ? ParsePartialDate(en, end: true) : null,
        Label = ToBilingual(e.Timeframe?.Label),
        Indicator = e.IndicatorType is { } i ? ParseIndicatorType(i) : null,
        Footnotes = e.Footnotes.Select(f => new { f.Number, Text = new Bilingual(f.Es, f.En) }),
        Institutions = e.Institutions.Select(i => $"{i.Code}:{ParseRole(i.Role)}").Distinct().Order(StringComparer.Ordinal),
        Gcm = GcmContent(e.Gcm.Distinct().Select(g => (g, false)).Concat(e.GcmInferred.Distinct().Select(g => (g, true)))),
        Sdg = e.Sdg.Distinct().Order(StringComparer.Ordinal),
        Axes = e.Axes.Order(StringComparer.Ordinal),
    };

    private static object ElementContent(PlanElement e, Dictionary<int, Institution> institutions) => new
    {
        Level = e.LevelKey,
        e.Code,
        e.Title,
        e.Text,
        e.Section,
        Parent = e.Parent?.Key,
        Sort = e.SortOrder,
        e.Depth,
        e.Term,
        Start = e.StartDate,
        End = e.EndDate,
        Label = e.TimeframeLabel,
        Indicator = e.IndicatorType,
        Footnotes = e.Footnotes.OrderBy(f => f.Number).Select(f => new { f.Number, f.Text }),
        Institutions = e.Institutions.Select(i => $"{institutions[i.InstitutionId].Code}:{i.Role}").Distinct().Order(StringComparer.Ordinal),
        Gcm = GcmContent(e.GcmObjectives.Select(g => (g.Objective, g.Inferred))),
        Sdg = e.SdgTargets.Select(s => s.Target).Order(StringComparer.Ordinal),
        Axes = e.Axes.Select(a => a.Axis!.Key).Order(StringComparer.Ordinal),
    };

    // The content hashes keep the shape they had before approvals named their source and GCM links could be inferred
    // (an approval without a source hashes as its text alone, a stated objective as its number), so rows shipped before
    // then are still recognised as unedited and brought up to date.
    private static List<object> GcmContent(IEnumerable<(int Objective, bool Inferred)> links) =>
        [.. links.OrderBy(l => l.Inferred).ThenBy(l => l.Objective).Select(l => l.Inferred ? $"{l.Objective} inferred" : (object)l.Objective)];

    private static string Hash(object content) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(content))));

    private static IEnumerable<ElementFile> Flatten(IEnumerable<ElementFile> elements) =>
        elements.SelectMany(e => new[] { e }.Concat(Flatten(e.Children)));

    private static Bilingual ToBilingual(TextPair? pair) =>
        pair is null ? Bilingual.Empty : new Bilingual(pair.Es.Trim(), pair.En.Trim());

    private static string Pascal(string value) =>
        string.Concat(value.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));

    private static PlanKind? ParseKind(string value) =>
        Enum.TryParse<PlanKind>(Pascal(value), out var kind) ? kind : null;

    private static Term? ParseTerm(string value) =>
        Enum.TryParse<Term>(Pascal(value), out var term) ? term : null;

    private static IndicatorType? ParseIndicatorType(string value) =>
        Enum.TryParse<IndicatorType>(Pascal(value), out var type) ? type : null;

    private static InstitutionRole? ParseRole(string value) =>
        Enum.TryParse<InstitutionRole>(Pascal(value), out var role) ? role : null;

    /// <summary>Reads yyyy, yyyy-mm or yyyy-mm-dd as the first (or, for an end, the last) day it covers.</summary>
    internal static DateOnly? ParsePartialDate(string value, bool end)
    {
        var c = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", c, DateTimeStyles.None, out var day))
        {
            return day;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM", c, DateTimeStyles.None, out var month))
        {
            return end ? month.AddMonths(1).AddDays(-1) : month;
        }

        return int.TryParse(value, NumberStyles.None, c, out var year) && year is > 1900 and < 2200
            ? end ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1)
            : null;
    }
}
