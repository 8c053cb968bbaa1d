namespace Movilidad.Dynamics.Tests;

public sealed class XmileBuiltinTests
{
    private static SimulationResult Run(string variables) =>
        ModelText.Load(
            $"""
            <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
              <sim_specs><start>0</start><stop>4</stop><dt>1</dt></sim_specs>
              <model><variables>{variables}</variables></model>
            </xmile>
            """,
            "m.xmile").Compile().Run();

    [Fact]
    public void Previous_EachStep_ReturnsTheValueOneStepBefore()
    {
        var result = Run("""<aux name="x"><eqn>TIME * 2</eqn></aux><aux name="last"><eqn>PREVIOUS(x, -1)</eqn></aux>""");

        Assert.Equal([-1.0, 0, 2, 4, 6], result.Series("last"));
    }

    [Fact]
    public void Fact_OfFour_IsTwentyFour()
    {
        var result = Run("""<aux name="f"><eqn>FACT(4)</eqn></aux>""");

        Assert.Equal(24, result.Series("f")[0]);
    }

    [Fact]
    public void Smth1_ConstantInput_StaysAtTheInput()
    {
        var result = Run("""<aux name="s"><eqn>SMTH1(5, 3)</eqn></aux>""");

        Assert.All(result.Series("s"), value => Assert.Equal(5, value, 12));
    }

    [Fact]
    public void RandomFunctions_SameSeed_RepeatTheirSequence()
    {
        const string model = """<aux name="r"><eqn>RANDOM(0, 1, 7) + EXPRND(2, 3) + POISSON(3, 4) + LOGNORMAL(1, 0.5, 5)</eqn></aux>""";

        Assert.Equal(Run(model).Series("r"), Run(model).Series("r"));
    }

    [Fact]
    public void NonNegativeStock_DrainedFasterThanItHolds_StopsAtZero()
    {
        var result = Run("""
            <stock name="s"><eqn>3</eqn><outflow>out</outflow><non_negative/></stock>
            <flow name="out"><eqn>2</eqn></flow>
            """);

        Assert.Equal([3.0, 1, 0, 0, 0], result.Series("s"));
    }

    [Fact]
    public void Macro_DefinedInTheFile_IsExpandedAtEachCall()
    {
        const string xmile = """
            <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
              <sim_specs><start>0</start><stop>2</stop><dt>1</dt></sim_specs>
              <macro name="double_plus"><parm>a</parm><parm>b</parm><eqn>2 * a + b</eqn></macro>
              <model><variables>
                <aux name="x"><eqn>double_plus(TIME, 1)</eqn></aux>
                <aux name="y"><eqn>double_plus(x, x)</eqn></aux>
              </variables></model>
            </xmile>
            """;

        var result = ModelText.Load(xmile, "m.xmile").Compile().Run();

        Assert.Equal([1.0, 3, 5], result.Series("x"));
        Assert.Equal([3.0, 9, 15], result.Series("y"));
    }

    [Fact]
    public void ApplyToAllAndElementEquations_WithSumOverWildcard_AddUp()
    {
        const string xmile = """
            <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
              <sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
              <dimensions><dim name="Region"><elem name="north"/><elem name="south"/></dim></dimensions>
              <model><variables>
                <aux name="people"><dimensions><dim name="Region"/></dimensions>
                  <element subscript="north"><eqn>10</eqn></element>
                  <element subscript="south"><eqn>30</eqn></element>
                </aux>
                <aux name="share"><dimensions><dim name="Region"/></dimensions><eqn>people[Region] / SUM(people[*])</eqn></aux>
              </variables></model>
            </xmile>
            """;

        var result = ModelText.Load(xmile, "m.xmile").Compile().Run();

        Assert.Equal(0.25, result.Series("share[north]")[0]);
        Assert.Equal(0.75, result.Series("share[south]")[0]);
    }

    [Fact]
    public void Load_VariableElementLeftOpen_IsClosedWhereTheNextVariableStarts()
    {
        var result = Run("""<flow name="inflow"><eqn>2</eqn><stock name="level"><eqn>1</eqn><inflow>inflow</inflow></stock>""");

        Assert.Equal([1.0, 3, 5, 7, 9], result.Series("level"));
    }

    [Fact]
    public void Load_TagsBeyondRepair_ReportTheOriginalErrorWithItsLine()
    {
        var error = Assert.Throws<ModelException>(() => ModelText.Load("<xmile>\n<model><variables><aux name=\"a\"><eqn>1 < 2</eqn></aux></variables></model></xmile>", "m.xmile"));

        Assert.Contains("not well-formed XML", error.Message, StringComparison.Ordinal);
        Assert.Contains("m.xmile:2:", error.Message, StringComparison.Ordinal);
    }
}
