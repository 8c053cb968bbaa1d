using Movilidad.Dynamics.Analysis;

namespace Movilidad.Dynamics.Tests.Analysis;

/// <summary>Vensim changes files (.cin) read as scenarios and applied to runs.</summary>
public sealed class ChangesFileTests
{
    private const string Model = """
        stock = INTEG(inflow, 0) ~~|
        inflow = rate * effect(Time) ~~|
        rate = 1 ~~|
        effect([(0,0)-(10,10)],(0,1),(10,1)) ~~|
        share[region] = 0.5, 0.5 ~~|
        region: north, south ~~|
        """;

    [Fact]
    public void Read_ConstantsElementsAndLookups_OverrideTheRun()
    {
        var scenario = ChangesFile.Read("""
            {a scenario kept by a modeller}
            rate = 2
            share[north] = 0.25
            effect([(0,0)-(10,10)],(0,1),
                (10,3))
            """, "high growth.cin");

        Assert.Equal("high growth", scenario.Name);
        Assert.Equal(2, scenario.Constants["rate"]);
        Assert.Equal(0.25, scenario.Constants["share[north]"]);
        Assert.Equal([0.0, 10], scenario.Lookups["effect"].X);
        Assert.Equal([1.0, 3], scenario.Lookups["effect"].Y);

        var run = ModelText.Vensim(Model).Compile().Run(scenario.ApplyTo(new SimulationOptions()));
        // inflow = 2 × (1 + 0.2 t), so stock(10) = Σ_{t=0..9} 2 (1 + 0.2 t) with Euler steps of 1.
        Assert.Equal(Enumerable.Range(0, 10).Sum(t => 2 * (1 + (0.2 * t))), run.Series("stock")[^1], 9);
        Assert.Equal(0.25, run.Series("share[north]")[0]);
        Assert.Equal(0.5, run.Series("share[south]")[0]);
    }

    [Fact]
    public void Read_LookupWrittenWithEquals_AndUnitsAfterATilde()
    {
        var scenario = ChangesFile.Read("effect = ((0,2),(5,4)) ~ dimensionless\nrate = 1e-1 ~ 1/Year |", "s.cin");

        Assert.Equal([2.0, 4], scenario.Lookups["effect"].Y);
        Assert.Equal(0.1, scenario.Constants["rate"]);
    }

    [Theory]
    [InlineData("rate = fast", "s.cin, line 1: 'fast' is not a number")]
    [InlineData("\n\nrate 2", "s.cin, line 3: 'rate 2' is not a change")]
    [InlineData("effect((0,1),(0,2))", "x values must increase")]
    [InlineData("effect((0,1),(1,2)", "s.cin, line 1: a '(' is not closed")]
    [InlineData("effect((0,1,2))", "'(0,1,2)' is not a point")]
    public void Read_BadLine_NamesFileAndLine(string text, string message)
    {
        var error = Assert.Throws<AnalysisException>(() => ChangesFile.Read(text, "s.cin"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ScenarioNamingAnUnknownConstant_FailsNamingIt()
    {
        var scenario = ChangesFile.Read("speed = 3", "s.cin");

        var error = Assert.Throws<ModelException>(() => ModelText.Vensim(Model).Compile().Run(scenario.ApplyTo(new SimulationOptions())));

        Assert.Contains("speed", error.Message, StringComparison.Ordinal);
    }
}
