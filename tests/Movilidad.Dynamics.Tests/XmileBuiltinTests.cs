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
    public void InitEqn_CircularInitialValues_AreResolvedThroughTheInitialEquation()
    {
        // The stock starts at the auxiliary, which depends on the stock: the auxiliary's <init_eqn> (Vensim's
        // ACTIVE INITIAL) gives the stock its start, and the <eqn> is the value reported at every time, the first
        // included (as Vensim reports ACTIVE INITIAL's active equation at the initial time).
        var result = Run("""
            <stock name="level"><eqn>value</eqn><inflow>filling</inflow></stock>
            <flow name="filling"><eqn>1</eqn></flow>
            <aux name="value"><eqn>level / 2</eqn><init_eqn>45</init_eqn></aux>
            """);

        Assert.Equal([45.0, 46, 47, 48, 49], result.Series("level"));
        Assert.Equal([22.5, 23, 23.5, 24, 24.5], result.Series("value"));
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

    private static SimulationResult RunBranches(string variables) =>
        ModelText.Load(
            $"""
            <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
              <sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
              <dimensions>
                <dim name="Branch"><elem name="Boston"/><elem name="Dayton"/><elem name="Fresno"/></dim>
                <dim name="pprofile"><elem name="ptype"/><elem name="ppriority"/><elem name="pwidth"/><elem name="pextra"/></dim>
              </dimensions>
              <model><variables>
                <aux name="request"><dimensions><dim name="Branch"/></dimensions>
                  <element subscript="Boston"><eqn>40</eqn></element>
                  <element subscript="Dayton"><eqn>20</eqn></element>
                  <element subscript="Fresno"><eqn>10</eqn></element>
                </aux>
                {variables}
              </variables></model>
            </xmile>
            """,
            "m.xmile").Compile().Run();

    private static double[] Shipped(SimulationResult result) =>
        [.. new[] { "Boston", "Dayton", "Fresno" }.Select(branch => Math.Round(result.Series($"shipped[{branch}]")[0], 9))];

    [Theory]
    [InlineData("request[Branch]", "priority[Branch]")]
    [InlineData("request[*]", "priority[*]")]
    [InlineData("request", "priority")]
    public void Allocate_WithoutAType_AllocatesByPriorityAlongTheDimension(string request, string priority)
    {
        // Width 1, priorities 1, 2 and 3, 50 available: Fresno (3) and Dayton (2) are filled, and the clearing priority
        // 0.5 leaves Boston 40·clamp((1 − 0.5)/1, 0, 1) = 20 of its 40 (Vensim's ALLOCATE BY PRIORITY).
        var result = RunBranches($"""
            <aux name="priority"><dimensions><dim name="Branch"/></dimensions>
              <element subscript="Boston"><eqn>1</eqn></element>
              <element subscript="Dayton"><eqn>2</eqn></element>
              <element subscript="Fresno"><eqn>3</eqn></element>
            </aux>
            <aux name="shipped"><dimensions><dim name="Branch"/></dimensions><eqn>ALLOCATE(50, Branch, {request}, {priority}, 1)</eqn></aux>
            """);

        Assert.Equal([20.0, 20, 10], Shipped(result));
    }

    [Fact]
    public void Allocate_ProfileFieldsAsStellaWritesThem_AllocatesOverEachRequestersCurve()
    {
        // Stella's form: ALLOCATE(available, dim, requests, priority_vector[*, ppriority], priority_vector[dim, pwidth],
        // priority_vector[dim, ptype]). Rectangular curves of width 2 around 5, 7 and 3 with 30 available (Vensim's
        // ALLOCATE AVAILABLE): Dayton's 20 is filled, and the clearing priority 5.5 gives Boston 40·(0.5 − 0.5/2) = 10
        // of its 40 and Fresno (10 asked, around 3) nothing.
        var result = RunBranches("""
            <aux name="profile"><dimensions><dim name="Branch"/><dim name="pprofile"/></dimensions>
              <element subscript="Boston, ptype"><eqn>1</eqn></element><element subscript="Boston, ppriority"><eqn>5</eqn></element>
              <element subscript="Boston, pwidth"><eqn>2</eqn></element><element subscript="Boston, pextra"><eqn>0</eqn></element>
              <element subscript="Dayton, ptype"><eqn>1</eqn></element><element subscript="Dayton, ppriority"><eqn>7</eqn></element>
              <element subscript="Dayton, pwidth"><eqn>2</eqn></element><element subscript="Dayton, pextra"><eqn>0</eqn></element>
              <element subscript="Fresno, ptype"><eqn>1</eqn></element><element subscript="Fresno, ppriority"><eqn>3</eqn></element>
              <element subscript="Fresno, pwidth"><eqn>2</eqn></element><element subscript="Fresno, pextra"><eqn>0</eqn></element>
            </aux>
            <aux name="shipped"><dimensions><dim name="Branch"/></dimensions>
              <eqn>ALLOCATE(30, Branch, request, profile[*, ppriority], profile[Branch, pwidth], profile[Branch, ptype])</eqn>
            </aux>
            """);

        Assert.Equal([10.0, 20, 0], Shipped(result));
    }

    [Fact]
    public void Allocate_FixedQuantityType_IsServedFirst()
    {
        // ptype 0 for Boston: its 40 is served whatever the priorities; Dayton and Fresno share the 5 left by the
        // rectangular curves (width 1 around 2 and 3): Fresno, higher, gets all 5.
        var result = RunBranches("""
            <aux name="shipped"><dimensions><dim name="Branch"/></dimensions>
              <eqn>ALLOCATE(45, Branch, request, Branch, 1, IF Branch = 1 THEN 0 ELSE 1)</eqn>
            </aux>
            """);

        Assert.Equal([40.0, 0, 5], Shipped(result));
    }

    [Fact]
    public void Allocate_OverAnotherDimensionToo_AllocatesEachOfItsElementsSeparately()
    {
        // Two goods, each allocated across the branches from its own supply: strict priorities (width 0.001),
        // Dayton (2) before Boston (1). Good g1: 25 for Dayton's 20 and Boston's 40; good g2: 70, enough for both.
        var result = ModelText.Load(
            """
            <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
              <sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
              <dimensions>
                <dim name="Good"><elem name="g1"/><elem name="g2"/></dim>
                <dim name="Branch"><elem name="Boston"/><elem name="Dayton"/></dim>
              </dimensions>
              <model><variables>
                <aux name="supply"><dimensions><dim name="Good"/></dimensions>
                  <element subscript="g1"><eqn>25</eqn></element><element subscript="g2"><eqn>70</eqn></element>
                </aux>
                <aux name="request"><dimensions><dim name="Good"/><dim name="Branch"/></dimensions><eqn>IF Branch = 1 THEN 40 ELSE 20</eqn></aux>
                <aux name="shipped"><dimensions><dim name="Good"/><dim name="Branch"/></dimensions>
                  <eqn>ALLOCATE(supply, Branch, request, Branch, 0.001)</eqn>
                </aux>
              </variables></model>
            </xmile>
            """,
            "m.xmile").Compile().Run();

        Assert.Equal(
            [5.0, 20, 40, 20],
            [.. new[] { "g1,Boston", "g1,Dayton", "g2,Boston", "g2,Dayton" }.Select(e => Math.Round(result.Series($"shipped[{e}]")[0], 6))]);
    }

    [Fact]
    public void Allocate_SecondArgumentNotADimension_IsAnErrorNamingIt()
    {
        var error = Assert.Throws<ModelException>(() => RunBranches("""
            <aux name="shipped"><dimensions><dim name="Branch"/></dimensions><eqn>ALLOCATE(30, request, request, request, 1)</eqn></aux>
            """));

        Assert.Contains("name of the dimension", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Module_OutputConnectedToAGhostInTheRoot_GivesTheGhostItsValue()
    {
        // XMILE 4.7.1's example: the root's input Root_Model_Input is assigned Sub_Model.Output, and the submodel's
        // input is assigned the root's output Root_Model_Output.
        const string xmile = """
            <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
              <sim_specs><start>0</start><stop>2</stop><dt>1</dt></sim_specs>
              <model><variables>
                <module name="Sub_Model">
                  <connect to="Input" from=".Root_Model_Output"/>
                  <connect to=".Root_Model_Input" from="Sub_Model.Output"/>
                </module>
                <aux name="Root_Model_Output" access="output"><eqn>5</eqn></aux>
                <aux name="Root_Model_Input" access="input"/>
                <aux name="Seen"><eqn>Root_Model_Input * 10</eqn></aux>
              </variables></model>
              <model name="Sub_Model"><variables>
                <aux name="Input" access="input"/>
                <aux name="Output" access="output"><eqn>Input * 2 + TIME</eqn></aux>
              </variables></model>
            </xmile>
            """;

        var result = ModelText.Load(xmile, "m.xmile").Compile().Run();

        Assert.Equal([10.0, 11, 12], result.Series("Root_Model_Input"));
        Assert.Equal([100.0, 110, 120], result.Series("Seen"));
    }

    private static SimulationResult RunMapped(string mapping, string equation) =>
        ModelText.Load(
            $"""
            <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0" xmlns:isee="http://iseesystems.com/XMILE">
              <sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
              <dimensions>
                <dim name="DimA"><elem name="A1"/><elem name="A2"/><elem name="A3"/>{mapping}</dim>
                <dim name="DimB"><elem name="B1"/><elem name="B2"/><elem name="B3"/></dim>
              </dimensions>
              <model><variables>
                <aux name="inputA"><dimensions><dim name="DimA"/></dimensions>
                  <element subscript="A1"><eqn>1</eqn></element>
                  <element subscript="A2"><eqn>2</eqn></element>
                  <element subscript="A3"><eqn>3</eqn></element>
                </aux>
                <aux name="dim ab map"><dimensions><dim name="DimB"/></dimensions><eqn>4 - DimB</eqn></aux>
                <aux name="b"><dimensions><dim name="DimB"/></dimensions><eqn>{equation}</eqn></aux>
              </variables></model>
            </xmile>
            """,
            "m.xmile").Compile().Run();

    [Theory]
    [InlineData("<isee:maps_to>DimB</isee:maps_to>")]
    [InlineData("<maps_to>DimB</maps_to>")]
    public void DimensionMapping_MapsTo_MatchesTheElementsByPosition(string mapping)
    {
        var result = RunMapped(mapping, "inputA[DimB] * 10");

        Assert.Equal([10.0, 20, 30], [result.Series("b[B1]")[0], result.Series("b[B2]")[0], result.Series("b[B3]")[0]]);
    }

    [Fact]
    public void DimensionMapping_StellaMappingVariableAsSubscript_PicksTheElementAtItsValue()
    {
        // Stella maps one dimension onto another with an arrayed variable holding, for each element, the position it
        // maps to, used as the subscript: dim_ab_map[B1] = 3, so b[B1] = inputA[A3].
        var result = RunMapped(string.Empty, "inputA[dim_ab_map] * 10");

        Assert.Equal([30.0, 20, 10], [result.Series("b[B1]")[0], result.Series("b[B2]")[0], result.Series("b[B3]")[0]]);
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

    private static SimulationResult RunWithDimensions(string dimensions, string variables) =>
        ModelText.Load(
            $"""
            <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
              <sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
              <dimensions>{dimensions}</dimensions>
              <model><variables>{variables}</variables></model>
            </xmile>
            """,
            "m.xmile").Compile().Run();

    [Fact]
    public void StarColonDimension_InAnArrayFunction_RunsOverThatDimensionsElements()
    {
        // xmutil writes Vensim's SUM(b[SubA!]) as SUM(b[*:SubA]): every element of SubA.
        var result = RunWithDimensions(
            """<dim name="SubA"><elem name="A2"/><elem name="A3"/></dim>""",
            """
            <aux name="b"><element subscript="A2"><eqn>4</eqn></element><element subscript="A3"><eqn>5</eqn></element><dimensions><dim name="SubA"/></dimensions></aux>
            <aux name="total"><eqn>SUM(b[*:SubA])</eqn></aux>
            <aux name="share"><eqn>b[SubA] / SUM(b[*:SubA])</eqn><dimensions><dim name="SubA"/></dimensions></aux>
            """);

        Assert.Equal(9, result.Series("total")[0]);
        Assert.Equal(5.0 / 9, result.Series("share[A3]")[0], 12);
    }

    [Fact]
    public void DimensionDotElement_AsAValue_IsTheElementsPosition()
    {
        // Stella: Location.Boston used in an equation gives the element's position in Location, from 1.
        var result = RunWithDimensions(
            """<dim name="Location"><elem name="Boston"/><elem name="Los_Angeles"/><elem name="SF"/></dim>""",
            """
            <aux name="a"><eqn>Location.Boston</eqn></aux>
            <aux name="b"><eqn>Location.Los_Angeles</eqn></aux>
            <aux name="c"><eqn>Location.SF * Location.Boston</eqn></aux>
            """);

        Assert.Equal([1.0, 2, 3], [result.Series("a")[0], result.Series("b")[0], result.Series("c")[0]]);
    }
}
