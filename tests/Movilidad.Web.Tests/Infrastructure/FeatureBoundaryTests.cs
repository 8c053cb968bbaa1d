using System.Text.RegularExpressions;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>
/// Arrows only down: <c>Infrastructure/</c> names no feature, and a feature uses another feature's code only through
/// the public queries and contracts listed here, each with why. A new use fails until it goes through one of them (or
/// the code it needs moves to the platform or to Infrastructure); a listed use that is no longer made fails too, so
/// the list only shrinks.
/// </summary>
public sealed partial class FeatureBoundaryTests
{
    /// <summary>(feature, the feature it uses) → the public types it may use and why.</summary>
    private static readonly Dictionary<(string User, string Used), (string[] Types, string Why)> PublicUses = new()
    {
        [("Comments", "Monitoring")] = (["ActivityEditing", "MonitoringOperations"], "comments target activities: their entity type and who reads them"),
        [("Comments", "Plans")] = (["ElementEditing", "PlanOperations"], "comments target plan elements: their entity type, and who reads plans"),
        [("Demand", "LabourMarket")] = (["ObservationQuery"], "a model's bindings read labour-market series through the explorer's public query, as an anonymous reader sees them"),
        [("Indicators", "Meetings")] = (["MeetingCounts", "WorkingGroupYear"], "a working group's R3 indicator page shows its meetings held and activities done per year (R3 and the two-meetings check)"),
        [("Meetings", "Monitoring")] = (["ActivityEditing", "ActivityEdit", "ActivitySnapshot", "MonitoringOperations"], "an agreement of a meeting becomes an activity through the follow-up's own rules: its validation, its audit, who may create activities"),
        [("Institutions", "Plans")] = (["PlanCache", "PlanPermissions", "PlanOperations"], "plan pages show institution names (their cache is evicted); who reads unpublished content and plans"),
        [("Matrix", "Monitoring")] = (["ActivityEditing", "ActivityQueries", "MonitoringOperations"], "the follow-up matrix is the activities' country shares in Excel: it reads and writes them through Monitoring's rules"),
        [("Monitoring", "Comments")] = (["CommentThread"], "the comment thread shown on an activity's page"),
        [("Monitoring", "Indicators")] = (["DueReport", "DueReports"], "the due view lists the indicator reports due with the activities due"),
        [("Monitoring", "Plans")] = (["ElementEditing"], "an activity's working groups default to its action's (an element's scope)"),
        [("Plans", "Comments")] = (["CommentThread"], "the comment thread shown on an element's page"),
        [("Pledges", "Indicators")] = (["IndicatorOperations", "IndicatorProgress", "IndicatorDashboard"], "a pledge's page shows the progress of the indicators it contributes to, to those who read indicators"),
        [("Programmes", "LabourMarket")] = (["ObservationQuery", "ObservationFilter", "ObservationDimension", "LabourCharts", "ChartPoint"], "a programme's page charts its demand from the labour-market records through the explorer's query"),
        [("Qualifications", "Programmes")] = (["RegistryPage", "ProgrammesApi", "RegistryEntryView", "RegistryOperations", "RegistryScope", "RegistryEditPage", "RegistryHistory"], "qualification procedures are entries of the sourced registry: its reads, review, edit form, history tab and numbered sources"),
        [("Reports", "Indicators")] = (["IndicatorDashboard", "IndicatorProgress", "IndicatorOperations", "Disaggregation", "IndicatorTotals"], "the report's indicator section reads the indicators' figures"),
        [("Reports", "Pledges")] = (["PledgeQueries", "PledgeSummary", "YearQuarter", "PledgeEditing"], "the report's pledge section lists the pledges and their quarterly updates"),
        [("SocialSecurity", "Programmes")] = (["RegistryPage", "ProgrammesApi", "RegistryOperations", "RegistryScope", "RegistryEditPage", "RegistryHistory"], "the instruments pages number their sources as the agreements they list, and use the registry's citation partials; ILO conventions and enrolment options are entries of the sourced registry: its reads, review, edit form and history tab"),
        [("SocialSecurity", "Reports")] = (["PdfReport", "ReportDocument", "ReportTitlePage", "ReportText", "Block", "Heading", "Paragraph", "Table"], "the guide of action 3.3 is laid out as PDF by the reports' renderer"),
        [("Roadmap", "Plans")] = (["PlanSummary", "PlanQueries"], "the roadmap offers the plans to choose from"),
    };

    [Fact]
    public void Infrastructure_NamesNoFeature()
    {
        var offenders = SourceFiles(Path.Combine(WebFolder, "Infrastructure"))
            .Where(f => File.ReadAllText(f).Contains("Movilidad.Web.Features", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(WebFolder, f)).ToList();
        Assert.True(offenders.Count == 0, "Infrastructure/ references features:\n  " + string.Join("\n  ", offenders));
    }

    [Fact]
    public void Features_UseOtherFeaturesOnlyThroughTheirPublicQueries()
    {
        var features = Directory.GetDirectories(Path.Combine(WebFolder, "Features")).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var declared = features.ToDictionary(f => f, f => SourceFiles(Path.Combine(WebFolder, "Features", f))
            .Where(p => p.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(p => TypeDeclaration().Matches(File.ReadAllText(p)).Select(m => m.Groups[1].Value))
            .Where(t => !t.EndsWith("Model", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var problems = new List<string>();
        var used = new HashSet<(string, string)>();
        foreach (var user in features)
        {
            foreach (var file in SourceFiles(Path.Combine(WebFolder, "Features", user)))
            {
                var text = File.ReadAllText(file);
                var code = LineComment().Replace(text, string.Empty);
                foreach (var other in FeatureReference().Matches(text).Select(m => m.Groups[1].Value).Where(o => o != user && features.Contains(o)).Distinct())
                {
                    used.Add((user, other));
                    var types = declared[other].Where(t => Regex.IsMatch(code, $@"\b{t}\b")).ToList();
                    if (!PublicUses.TryGetValue((user, other), out var allowed))
                    {
                        problems.Add($"{Path.GetRelativePath(WebFolder, file)} uses the {other} feature ({string.Join(", ", types)}): go through a public query, or move what both need to the platform or Infrastructure.");
                    }
                    else if (types.Except(allowed.Types).ToList() is { Count: > 0 } extra)
                    {
                        problems.Add($"{Path.GetRelativePath(WebFolder, file)} uses {string.Join(", ", extra)} of the {other} feature, beyond its public uses ({string.Join(", ", allowed.Types)}).");
                    }
                }
            }
        }

        problems.AddRange(PublicUses.Keys.Where(k => !used.Contains(k)).Select(k => $"{k.User} no longer uses {k.Used}: remove it from the list."));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string WebFolder
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Movilidad.slnx")))
            {
                folder = folder.Parent;
            }

            return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("The repository root (Movilidad.slnx) is not above the test binaries."), "src", "Movilidad.Web");
        }
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal));

    [GeneratedRegex(@"Movilidad\.Web\.Features\.(\w+)")]
    private static partial Regex FeatureReference();

    [GeneratedRegex(@"^(?:public|internal)\s+(?:(?:static|sealed|abstract|partial|readonly)\s+)*(?:class|record|enum|interface|struct)\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex("//.*")]
    private static partial Regex LineComment();
}
