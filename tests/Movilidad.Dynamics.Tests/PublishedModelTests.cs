using Movilidad.Dynamics.Results;

namespace Movilidad.Dynamics.Tests;

/// <summary>
/// Models as their authors published them. Two large ones (bench/models, unedited) load, compile and run whole, and
/// values that follow from their constants by hand come out, WORLD3-03 matching Vensim's own run where it is kept; every model harvested from public repositories into
/// TestModels/published (see its SOURCES.md) reads, compiles and runs, and matches the Vensim or Stella output kept
/// beside it where there is one.
/// </summary>
public sealed class PublishedModelTests
{
    /// <summary>The folder under TestModels holding the harvested published models.</summary>
    public const string Folder = "published";

    private static readonly string[] ModelExtensions = [".mdl", ".xmile", ".stmx", ".itmx"];

    public static TheoryData<string> HarvestedModels()
    {
        var root = TestModelsFolder.Path(Folder);
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (ModelExtensions.Contains(System.IO.Path.GetExtension(file).ToLowerInvariant()))
            {
                data.Add(System.IO.Path.GetRelativePath(root, file).Replace('\\', '/'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HarvestedModels))]
    public void Harvested_ReadsCompilesRunsAndMatchesItsReference(string model)
    {
        var path = System.IO.Path.Combine(TestModelsFolder.Path(Folder), model);
        var reference = ConformanceCheck.ReferenceFor(path);
        if (reference is null)
        {
            var result = SystemDynamicsModel.Load(path).Compile().Run();
            Assert.NotEmpty(result.Names);
            Assert.True(result.Times.Count > 1, $"{model}: {result.Times.Count} saved times");
            return;
        }

        var check = ConformanceCheck.Check(path, reference, TimeSpan.FromSeconds(30));
        Assert.True(check.Status == CheckStatus.Passed, $"{model}: {check.Status}: {check.Detail}");
    }

    [Fact]
    public void World3_AsPublished_RunsTwoHundredYearsFromTheBooksInitialPopulation()
    {
        var result = SystemDynamicsModel.Load(BenchModelsFolder.Path("wrld3-03.mdl")).Compile().Run();

        // 1900 to 2100 saved every TIME STEP (0.5 year); population starts at 6.5e8 + 7e8 + 1.9e8 + 6e7.
        Assert.Equal(401, result.Times.Count);
        Assert.Equal(2100, result.Times[^1]);
        Assert.Equal(1.6e9, result.Series("Population")[0], 1e-6);
        Assert.All(result.Series("Population"), p => Assert.True(p > 1e9 && p < 2e10, $"population {p}"));
    }

    [Fact]
    public void World3_AsPublished_MatchesVensimsOwnRunOfFiveSeriesAtEverySavedTime()
    {
        // bench/models/wrld3-03.dat: Vensim's run of the published model (food, industrial output, nonrenewable
        // resources, persistent pollution index, population) as WorldDynamics.jl keeps it, six significant digits.
        var model = BenchModelsFolder.Path("wrld3-03.mdl");
        var reference = ConformanceCheck.ReferenceFor(model);
        Assert.Equal(BenchModelsFolder.Path("wrld3-03.dat"), reference);

        var check = ConformanceCheck.Check(model, reference!, TimeSpan.FromSeconds(60));

        Assert.True(check.Status == CheckStatus.Passed, $"{check.Status}: {check.Detail}");
        Assert.Equal("5 variables, 401 rows", check.Detail);
    }

    [Fact]
    public void CLearn_AsPublished_RunsWithItsMacrosReachingTheModelsTimeStep()
    {
        var result = SystemDynamicsModel.Load(BenchModelsFolder.Path("C-LEARN v77 for Vensim.mdl")).Compile().Run();

        // 1850 to 2100 saved yearly; "2x CO2 Forcing" = INITIAL(CO2 Rad Force Coeff * LN(2)) with the coefficient 5.35.
        Assert.Equal(251, result.Times.Count);
        Assert.Equal(5.35 * Math.Log(2), result.Series("2x CO2 Forcing")[^1], 12);
        Assert.Contains(result.Names, n => n.StartsWith("Previous emissions for rate[", StringComparison.Ordinal));
    }
}
