using System.Text.RegularExpressions;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Plans;
using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>Every text a person reads exists in Spanish and in English.</summary>
public sealed partial class LocalizationTests
{
    private readonly TextLocalizer texts = new();

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Movilidad.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (Movilidad.slnx) is not above the test binaries.");
    }

    [Fact]
    public void Texts_EveryKeyHasSpanishAndEnglish()
    {
        Assert.NotEmpty(texts.All);
        var incomplete = texts.All.Where(t => string.IsNullOrWhiteSpace(t.Value.Es) || string.IsNullOrWhiteSpace(t.Value.En)).Select(t => t.Key).ToList();
        Assert.True(incomplete.Count == 0, "Missing a language: " + string.Join(", ", incomplete));
    }

    [Fact]
    public void Texts_EveryKeyUsedInTheSourceExists()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "Movilidad.Web");
        var used = Directory.GetFiles(source, "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.True(used.Count > 50);
        var missing = used.Where(k => !texts.All.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Used but not defined: " + string.Join(", ", missing));
    }

    [Fact]
    public void Texts_EveryEnumShownToPeopleHasItsKeys()
    {
        var keys = Enum.GetNames<PlanKind>().Select(n => "PlanKind." + n)
            .Concat(Enum.GetNames<InstitutionKind>().Select(n => "InstitutionKind." + n))
            .Concat(Enum.GetNames<InstitutionRole>().Select(n => "Role." + n))
            .Concat(Enum.GetNames<Term>().Select(n => "Term." + n))
            .Concat(Enum.GetNames<IndicatorType>().Select(n => "IndicatorType." + n))
            .Concat(Enum.GetNames<Movilidad.Platform.Pledges.PledgeStatus>().Select(n => "PledgeStatus." + n))
            .Concat(Enum.GetNames<Movilidad.Platform.Pledges.PledgerType>().Select(n => "PledgerType." + n))
            .Concat(Enum.GetNames<Movilidad.Platform.Practices.PracticeStatus>().Select(n => "PracticeStatus." + n))
            .Concat(Enum.GetNames<Web.Features.Practices.ReviewDecision>().Select(n => "ReviewDecision." + n))
            .Concat(Enum.GetNames<Movilidad.Platform.Indicators.ReportStatus>().Select(n => "ValueReportStatus." + n))
            .Concat(Enumerable.Range(1, 23).Select(n => "Gcm." + n));
        Assert.All(keys, k => Assert.True(texts.All.ContainsKey(k), k));
    }

    [GeneratedRegex("""(?:T|text)\["([A-Za-z]+\.[A-Za-z0-9.]+)"[\],]""")]
    private static partial Regex UsedKey();
}
