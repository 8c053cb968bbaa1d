namespace Movilidad.Dynamics.Tests;

/// <summary>
/// Smoke tests on two large models as their authors published them (bench/models, unedited): they load, compile
/// and run whole, and values that follow from their constants by hand come out.
/// </summary>
public sealed class PublishedModelTests
{
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
    public void CLearn_AsPublished_RunsWithItsMacrosReachingTheModelsTimeStep()
    {
        var result = SystemDynamicsModel.Load(BenchModelsFolder.Path("C-LEARN v77 for Vensim.mdl")).Compile().Run();

        // 1850 to 2100 saved yearly; "2x CO2 Forcing" = INITIAL(CO2 Rad Force Coeff * LN(2)) with the coefficient 5.35.
        Assert.Equal(251, result.Times.Count);
        Assert.Equal(5.35 * Math.Log(2), result.Series("2x CO2 Forcing")[^1], 12);
        Assert.Contains(result.Names, n => n.StartsWith("Previous emissions for rate[", StringComparison.Ordinal));
    }
}
