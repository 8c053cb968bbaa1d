using Movilidad.Dynamics.Results;
using Xunit.Abstractions;

namespace Movilidad.Dynamics.Tests;

public sealed class ConformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void Suite_EveryModelWithReference_PassesOrIsAnExpectedFailure()
    {
        // Published models (TestModels/published) are PublishedModelTests' own, each required to pass.
        var models = ConformanceCheck.FindModels(TestModelsFolder.Root)
            .Where(m => !Relative(m.Model).StartsWith(PublishedModelTests.Folder + "/", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(models);
        var checks = models
            .AsParallel()
            .Select(m => ConformanceCheck.Check(
                m.Model,
                m.Reference,
                TimeSpan.FromSeconds(30),
                ExpectedFailures.Tolerances.TryGetValue(Relative(m.Model), out var looser) ? looser.Relative : ResultComparison.DefaultTolerance,
                ExpectedFailures.SinglePrecision.ContainsKey(Relative(m.Model)) ? Precision.Single : Precision.Double))
            .ToList();

        var failures = checks
            .Where(c => c.Status != CheckStatus.Passed)
            .ToDictionary(c => Relative(c.ModelPath), c => $"{c.Status}: {c.Detail}", StringComparer.Ordinal);
        var unexpected = failures.Keys.Where(k => !ExpectedFailures.Models.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var nowPassing = ExpectedFailures.Models.Keys.Where(k => !failures.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();

        foreach (var format in new[] { "Vensim", "XMILE" })
        {
            var ofFormat = checks.Where(c => FormatOf(c.ModelPath) == format).ToList();
            output.WriteLine($"{format}: {ofFormat.Count(c => c.Status == CheckStatus.Passed)} passed of {ofFormat.Count}");
        }

        var message = string.Join(
            Environment.NewLine,
            unexpected.Select(k => $"unexpected failure {k}: {failures[k]}")
                .Concat(nowPassing.Select(k => $"{k} now passes (or is missing): remove it from ExpectedFailures")));
        Assert.True(unexpected.Count == 0 && nowPassing.Count == 0, message);
    }

    [Fact]
    public void ExpectedFailures_EveryEntry_HasAReason()
    {
        Assert.All(ExpectedFailures.Models, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value), entry.Key));
        Assert.All(ExpectedFailures.Tolerances, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value.Reason), entry.Key));
        Assert.All(ExpectedFailures.SinglePrecision, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value), entry.Key));
    }

    [Fact]
    public void SinglePrecision_EveryListedModel_FailsInDoublePrecision() => AssertEachFailsByDefault(ExpectedFailures.SinglePrecision.Keys);

    [Fact]
    public void Tolerances_EveryLoosenedModel_FailsAtTheDefaultTolerance() => AssertEachFailsByDefault(ExpectedFailures.Tolerances.Keys);

    /// <summary>Each model fails with the default checks (double precision, PySD's tolerance), so its special entry is still needed.</summary>
    private static void AssertEachFailsByDefault(IEnumerable<string> models) =>
        Assert.All(models, entry =>
        {
            var model = System.IO.Path.Combine(TestModelsFolder.Root, entry);
            var check = ConformanceCheck.Check(model, ConformanceCheck.ReferenceFor(model)!, TimeSpan.FromSeconds(30));
            Assert.Equal(CheckStatus.Failed, check.Status);
        });

    private static string FormatOf(string path) =>
        System.IO.Path.GetExtension(path).Equals(".mdl", StringComparison.OrdinalIgnoreCase) ? "Vensim" : "XMILE";

    private static string Relative(string path) =>
        System.IO.Path.GetRelativePath(TestModelsFolder.Root, path).Replace('\\', '/');
}
