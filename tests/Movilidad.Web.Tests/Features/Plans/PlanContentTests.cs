using System.Text;
using System.Text.RegularExpressions;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Data;
using Movilidad.Platform.Reference;

namespace Movilidad.Web.Tests.Features.Plans;

/// <summary>The shipped plan files against the source documents: the counts the issue names, and the Spanish wording.</summary>
public sealed partial class PlanContentTests
{
    private static readonly string Data = ShippedData.Folder;

    private static PlanFile Plan(string number) =>
        PlanFile.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(Data, "plans"), number + "-*.yaml").Single()));

    private static IEnumerable<ElementFile> All(IEnumerable<ElementFile> elements) =>
        elements.SelectMany(e => new[] { e }.Concat(All(e.Children)));

    private static int Count(PlanFile plan, string level) => All(plan.Elements).Count(e => e.Level == level);

    public static TheoryData<string> Numbers => new() { "000", "001", "002", "003", "004" };

    [Fact]
    public void RegionalPlan_HasObjectiveAxesLinesActionsAnnexes()
    {
        var plan = Plan("001");
        Assert.Equal("regional-action-plan", plan.Kind);
        Assert.Equal(1, Count(plan, "general-objective"));
        Assert.Equal(5, Count(plan, "cross-cutting-axis"));
        Assert.Equal(4, Count(plan, "line"));
        Assert.Equal(4, Count(plan, "objective"));
        Assert.Equal(26, Count(plan, "action"));
        Assert.Equal(4, Count(plan, "instrument"));
        Assert.Equal(3, Count(plan, "methodology-stage"));
        var lines = All(plan.Elements).Where(e => e.Level == "line").ToList();
        Assert.Equal([8, 7, 5, 6], lines.Select(l => All(l.Children).Count(c => c.Level == "action")));
        Assert.Equal(Enumerable.Range(3, 8), All(plan.Elements).SelectMany(e => e.Footnotes).Select(f => f.Number).Order());
        var agenda = All(plan.Elements).Single(e => e.Level == "instrument" && e.Sdg.Count > 0);
        Assert.Equal(["8.8", "10.7"], agenda.Sdg);
    }

    [Fact]
    public void OperationalPlan_HasPurposeWorkshopAndNextStepsButNoApprovalOfItsOwn()
    {
        var plan = Plan("000");
        Assert.Equal("operational-plan", plan.Kind);
        Assert.Equal("prml-2023-2027", plan.Parent);
        Assert.True(Count(plan, "purpose") >= 1);
        var workshop = All(plan.Elements).Single(e => e.Level == "workshop");
        Assert.Equal("2023-08-02", workshop.Timeframe?.Start);
        Assert.Equal("2023-08-04", workshop.Timeframe?.End);
        Assert.Equal(3, Count(plan, "next-step"));
        // "El Plan de Acción ya ha sido aprobado por 9 Países Miembros" is about the Action Plan (001), not this one.
        Assert.Null(plan.Approval);
        Assert.Contains("tiempos, responsables, presupuestos", string.Join(' ', All(plan.Elements).Select(e => e.Text?.Es)), StringComparison.Ordinal);
    }

    /// <summary>The approval by 9 member countries that the operational plan reports belongs to the Action Plan, quoted from 000.</summary>
    [Fact]
    public void ActionPlan_CarriesTheApprovalByNineAsTheOperationalPlanStatesIt()
    {
        var approval = Plan("001").Approval;
        Assert.NotNull(approval);
        Assert.Equal("El Plan de Acción ya ha sido aprobado por 9 Países Miembros.", approval.Text?.Es);
        Assert.Equal(Plan("000").Source, approval.Source);
        Assert.Contains(Words(approval.Text!.Es), Words(File.ReadAllText(Path.Combine(Data, "sources", approval.Source!))), StringComparison.Ordinal);
        Assert.Empty(approval.Countries);
    }

    /// <summary>The 2023 workshop's document says only "representantes de los Países Miembros": it names no country.</summary>
    [Fact]
    public void Workshop2023_NamesNoCountryAsParticipant()
    {
        var institutions = InstitutionFile.ParseList(File.ReadAllText(Path.Combine(Data, "institutions.yaml"))).ToDictionary(i => i.Code);
        var workshop = All(Plan("000").Elements).Single(e => e.Key == "taller-2023");
        Assert.Equal(["RROCM"], workshop.Institutions.Select(i => i.Code));
        Assert.DoesNotContain(workshop.Institutions, i => institutions[i.Code].Kind == "member-state");
    }

    /// <summary>No GCM objective is named by documents 000, 001 and 002: every tag on them is the project's inference.</summary>
    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    public void GcmTags_OnPlansWhoseDocumentNamesNoObjective_AreMarkedInferred(string number)
    {
        var plan = Plan(number);
        var source = File.ReadAllText(Path.Combine(Data, "sources", plan.Source));
        Assert.DoesNotMatch(new Regex(@"[Oo]bjetivo\s+\d{1,2}\b.{0,40}Pacto|Pacto.{0,80}[Oo]bjetivos?\s+\d{1,2}\b"), source);
        Assert.All(All(plan.Elements), e => Assert.Empty(e.Gcm));
        Assert.Contains(All(plan.Elements), e => e.GcmInferred.Count > 0);
    }

    /// <summary>Activity 1.3 (quarterly pledge monitoring) and 2.1 (two meetings a year) run through both years of the 2023-2024 plan.</summary>
    [Fact]
    public void UnNetworkActivities_1_3And2_1_RunThrough2024()
    {
        var activities = All(Plan("003").Elements).Where(e => e.Level == "activity").ToList();
        var pledges = activities.Single(e => e.Key == "b1-3");
        Assert.Equal(("2023-04", "2024-12"), (pledges.Timeframe?.Start, pledges.Timeframe?.End));
        var meetings = activities.Single(e => e.Key == "b2-1");
        Assert.Contains("dos reuniones por año", meetings.Title?.Es, StringComparison.Ordinal);
        Assert.Equal(("2023-05", "2024-11"), (meetings.Timeframe?.Start, meetings.Timeframe?.End));
    }

    [Fact]
    public void StrategicPlan_HasVisionMissionPrinciplesApproachesObjectivesIndicatorsPillarsGroups()
    {
        var plan = Plan("004");
        Assert.Equal("strategic-plan", plan.Kind);
        Assert.Equal(1, Count(plan, "vision"));
        Assert.Equal(1, Count(plan, "mission"));
        Assert.Equal(8, Count(plan, "principle"));
        Assert.Equal(4, Count(plan, "approach"));
        Assert.Equal(1, Count(plan, "general-objective"));
        Assert.Equal(3, Count(plan, "specific-objective"));
        Assert.Equal(3, Count(plan, "pillar"));
        Assert.Equal(3, Count(plan, "working-group"));
        var pillars = All(plan.Elements).Where(e => e.Level == "pillar").ToList();
        Assert.Equal([11, 13, 15], pillars.Select(p => p.Children.Count(c => c.Level == "thematic-topic")));
        var indicators = All(plan.Elements).Where(e => e.Level == "indicator").GroupBy(e => e.IndicatorType).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(3, indicators["result"]);
        Assert.Equal(2, indicators["process"]);
        Assert.Equal(3, indicators["impact"]);
        Assert.True(Count(plan, "expected-result") >= 4);
        Assert.Equal(1, Count(plan, "follow-up"));
        Assert.Contains(All(plan.Elements), e => $"{e.Title?.Es} {e.Text?.Es}".Contains("nota conceptual", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void UnNetworkWorkPlan_HasPrioritiesActivitiesAgenciesCalendarsAndGcm()
    {
        var plan = Plan("003");
        Assert.Equal("work-plan", plan.Kind);
        Assert.Equal(4, Count(plan, "core-priority"));
        Assert.Equal(3, Count(plan, "thematic-priority"));
        var activities = All(plan.Elements).Where(e => e.Level == "activity").ToList();
        Assert.Equal(26, activities.Count);
        Assert.Equal(
            [[1, 8, 23], [5, 6, 9, 10, 16, 17, 19, 22, 23], [7, 15, 16, 21, 23]],
            All(plan.Elements).Where(e => e.Level == "thematic-priority").Select(p => p.Gcm.ToArray()));
        Assert.True(activities.Count(a => a.Institutions.Any(i => i.Role == "responsible")) >= 20);
        Assert.True(activities.Count(a => a.Institutions.Any(i => i.Role == "accompanying")) >= 20);
        Assert.True(activities.Count(a => a.Timeframe?.Label is not null) >= 15);
    }

    [Fact]
    public void Workshop2009_HasModalitiesAndSixRecommendations()
    {
        var plan = Plan("002");
        Assert.Equal("recommendations", plan.Kind);
        Assert.Equal(4, Count(plan, "modality"));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            All(plan.Elements).Where(e => e.Level == "recommendation").Select(e => e.Code));
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Plan_EveryElementNamesItsSourceAndIsBilingual(string number)
    {
        var plan = Plan(number);
        Assert.True(File.Exists(Path.Combine(Data, "sources", plan.Source)), $"{plan.Source} is not shipped in data/sources");
        Assert.False(string.IsNullOrWhiteSpace(plan.Title?.En));
        Assert.False(string.IsNullOrWhiteSpace(plan.Summary?.Es));
        Assert.False(string.IsNullOrWhiteSpace(plan.Summary?.En));
        foreach (var e in All(plan.Elements))
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Section), $"{e.Key} has no source section");
            Assert.False(string.IsNullOrWhiteSpace(e.Title?.En), $"{e.Key} has no English title");
            Assert.Equal(string.IsNullOrWhiteSpace(e.Text?.Es), string.IsNullOrWhiteSpace(e.Text?.En));
            Assert.All(e.Footnotes, f => Assert.False(string.IsNullOrWhiteSpace(f.En), $"{e.Key} footnote {f.Number} has no English"));
        }
    }

    /// <summary>The Spanish of every title, text and footnote is the source document's own wording.</summary>
    [Theory]
    [MemberData(nameof(Numbers))]
    public void Plan_SpanishTextIsTheSourceWording(string number)
    {
        var plan = Plan(number);
        var source = File.ReadAllText(Path.Combine(Data, "sources", plan.Source));
        var whole = Words(source);
        var withoutNotes = Words(string.Join('\n', source.Split('\n').Where(l => !FootnoteOrRunningHead().IsMatch(l))));
        var misses = new List<string>();
        foreach (var e in All(plan.Elements))
        {
            var texts = new[] { ("title", e.Title?.Es), ("text", e.Text?.Es) }
                .Concat(e.Footnotes.Select(f => ($"footnote {f.Number}", (string?)f.Es)));
            foreach (var (what, text) in texts)
            {
                foreach (var paragraph in (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var words = Words(paragraph);
                    if (words.Length > 0 && !whole.Contains(words, StringComparison.Ordinal) && !withoutNotes.Contains(words, StringComparison.Ordinal))
                    {
                        misses.Add($"{e.Key} {what}: {paragraph[..Math.Min(80, paragraph.Length)]}");
                    }
                }
            }
        }

        Assert.True(misses.Count == 0, $"Not the wording of {plan.Source}:\n" + string.Join('\n', misses));
    }

    [Fact]
    public void Institutions_MemberStatesAreTheElevenWithIsoCodes()
    {
        var institutions = InstitutionFile.ParseList(File.ReadAllText(Path.Combine(Data, "institutions.yaml")));
        var members = institutions.Where(i => i.Kind == "member-state").ToList();
        Assert.Equal(["BZ", "CA", "CR", "DO", "GT", "HN", "MX", "NI", "PA", "SV", "US"], members.Select(m => m.Country).Order(StringComparer.Ordinal));
        var countries = CsvTable.Parse(File.ReadAllText(Path.Combine(Data, "reference", "countries.csv"))).Records.Select(r => r["alpha2"]).ToHashSet();
        Assert.All(members, m => Assert.Contains(m.Country, countries));
        foreach (var code in new[] { "PPT", "SE", "GRCM", "GT-ML", "OIT", "OIM", "ACNUR", "UNICEF", "CICR", "CEPAL", "PNUD", "UNFPA", "ACNUDH", "ONU-HABITAT", "PMA", "OPS-OMS", "MPI", "OEA", "MIRPS", "RROCM" })
        {
            Assert.Contains(institutions, i => i.Code == code && i.Name?.Es.Length > 0 && i.Name?.En.Length > 0);
        }
    }

    [Fact]
    public void ReferenceTables_HaveIscoTreeCountriesCurrenciesAndNotice()
    {
        var isco = CsvTable.Parse(File.ReadAllText(Path.Combine(Data, "reference", "isco08.csv"))).Records;
        Assert.Equal(619, isco.Count);
        Assert.Equal([10, 43, 130, 436], isco.GroupBy(r => r["code"]!.Length).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.All(isco, r => Assert.False(string.IsNullOrEmpty(r["name_es"])));
        var codes = isco.Select(r => r["code"]).ToHashSet();
        Assert.All(isco.Where(r => r["parent"] is not null), r => Assert.Contains(r["parent"], codes));
        var countries = CsvTable.Parse(File.ReadAllText(Path.Combine(Data, "reference", "countries.csv"))).Records;
        Assert.True(countries.Count >= 249);
        Assert.Equal("Guatemala", countries.Single(c => c["alpha2"] == "GT")["name_es"]);
        var currencies = CsvTable.Parse(File.ReadAllText(Path.Combine(Data, "reference", "currencies.csv"))).Records;
        Assert.Contains(currencies, c => c["code"] == "GTQ");
        var notice = File.ReadAllText(Path.Combine(Data, "reference", "NOTICE.md"));
        Assert.Contains("ESCO", notice, StringComparison.Ordinal);
        Assert.Contains("ISO 3166", notice, StringComparison.Ordinal);
    }

    /// <summary>Lower-case words of a text with markup, footnote marks and punctuation removed, joined by single spaces.</summary>
    private static string Words(string text)
    {
        var plain = SupTag().Replace(text, " ");
        plain = HtmlTag().Replace(plain, string.Empty);
        var builder = new StringBuilder(plain.Length);
        foreach (var c in plain)
        {
            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return " " + string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)) + " ";
    }

    [GeneratedRegex(@"<sup>\d+</sup>")]
    private static partial Regex SupTag();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^\s*((<sup>)?[0-9¹²³⁴⁵⁶⁷⁸⁹⁰]+(</sup>)?\s+\S|Conferencia Regional sobre Migración\s*$|Regional Conference on Migration\s*$|�)")]
    private static partial Regex FootnoteOrRunningHead();
}
