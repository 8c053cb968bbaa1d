namespace Movilidad.Dynamics.Tests;

/// <summary>Syntax that published Vensim and Stella models use, each from the vendors' documentation.</summary>
public sealed class SyntaxTests
{
    private static SimulationResult Xmile(string variables, string dimensions = "") =>
        ModelText.Load(
            $"""
            <?xml version="1.0" encoding="utf-8"?>
            <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
              <sim_specs><start>0</start><stop>3</stop><dt>1</dt></sim_specs>
              {dimensions}
              <model><variables>{variables}</variables></model>
            </xmile>
            """,
            "m.xmile").Compile().Run();

    private const string TwoElements = """<dimensions><dim name="D"><elem name="one"/><elem name="two"/></dim></dimensions>""";

    [Fact]
    public void VensimComment_InsideAnEquation_IsIgnored()
    {
        var result = ModelText.Vensim("a = 1 + {the base} 2 * {the step} Time ~~|", final: 2).Compile().Run();

        Assert.Equal([1.0, 3, 5], result.Series("a"));
    }

    [Fact]
    public void VensimSubscriptList_OverSeveralLines_HoldsEveryElement()
    {
        var result = ModelText.Vensim("dim: A1, A2,\n    A3 ~~|\nx[dim] = 1, 2,\n  3 ~~|\nDimT': t1, t2 ~~|\ny[DimT'] = 5 ~~|").Compile().Run();

        Assert.Equal(3, result.Series("x[A3]")[0]);
        Assert.Equal(5, result.Series("y[t2]")[0]);
    }

    [Fact]
    public void VensimApostropheEndingAName_InsideAnExpression_IsPartOfTheName()
    {
        // DimA' is an equivalent copy of DimA (DimA' <-> DimA), so x compares every pair of elements; the apostrophes
        // are not quotes around "] >= r[DimA".
        var result = ModelText.Vensim("DimA: A1, A2 ~~|\nDimA' <-> DimA ~~|\nr[DimA] = 1, 2 ~~|\nx[DimA,DimA'] = IF THEN ELSE(r[DimA] >= r[DimA'], 1, 0) ~~|").Compile().Run();

        Assert.Equal([1.0, 0, 1, 1], [result.Series("x[A1,A1]")[0], result.Series("x[A1,A2]")[0], result.Series("x[A2,A1]")[0], result.Series("x[A2,A2]")[0]]);
    }

    [Fact]
    public void VensimNameEndingInDollar_OutsideAMacro_IsThatVariable()
    {
        // Only inside a macro does a final '$' name the enclosing model's variable; elsewhere it is part of the name.
        var result = ModelText.Vensim("DOLLAR SIGN$ = 1 ~~|\ntwice = DOLLAR SIGN$ * 2 ~~|").Compile().Run();

        Assert.Equal(2, result.Series("twice")[0]);
    }

    [Fact]
    public void VensimDimensionNameAsAValue_IsThePositionOfTheElementComputed()
    {
        // Vensim: a subscript range used in an expression stands for the element's number (from 1) in the range; a
        // subrange's elements keep the numbers they have in their parent range.
        var result = ModelText.Vensim("dim: A1, A2, A3 ~~|\nlate: A2, A3 ~~|\npos[dim] = dim * 10 ~~|\nsub[late] = late ~~|").Compile().Run();

        Assert.Equal([10.0, 20, 30], [result.Series("pos[A1]")[0], result.Series("pos[A2]")[0], result.Series("pos[A3]")[0]]);
        Assert.Equal([2.0, 3], [result.Series("sub[A2]")[0], result.Series("sub[A3]")[0]]);
    }

    [Fact]
    public void XmileIfThenElse_InsideAnExpressionWithAParenthesisedCondition_IsAConditional()
    {
        // XMILE 1.0, 3.3.1: IF condition THEN expression ELSE expression is an expression like any other.
        var result = Xmile("""<aux name="a"><eqn>5 + IF (TIME &gt; 1) THEN 10 ELSE 0</eqn></aux><aux name="b"><eqn>IF(TIME &gt; 2) AND (TIME &lt; 9) THEN 1 ELSE 0</eqn></aux>""");

        Assert.Equal([5.0, 5, 15, 15], result.Series("a"));
        Assert.Equal([0.0, 0, 0, 1], result.Series("b"));
    }

    [Fact]
    public void XmileSelf_InPrevious_IsTheVariableItself()
    {
        var result = Xmile("""<aux name="count"><eqn>PREVIOUS(SELF, 0) + 1</eqn></aux>""");

        Assert.Equal([1.0, 2, 3, 4], result.Series("count"));
    }

    [Fact]
    public void XmileDimensionDotElement_NamesThatElement()
    {
        var result = Xmile("""<aux name="a"><dimensions><dim name="D"/></dimensions><eqn>D * 10</eqn></aux><aux name="b"><eqn>a[D.two] + a[D.one]</eqn></aux>""", TwoElements);

        Assert.Equal(30, result.Series("b")[0]);
    }

    [Fact]
    public void XmileExpressionAsIndex_PicksTheElementAtThatPositionEachStep()
    {
        var result = Xmile("""<aux name="a"><dimensions><dim name="D"/></dimensions><eqn>D * 100</eqn></aux><aux name="b"><eqn>a[INT(TIME MOD 2) + 1]</eqn></aux><aux name="outside"><eqn>a[TIME + 2]</eqn></aux>""", TwoElements);

        Assert.Equal([100.0, 200, 100, 200], result.Series("b"));
        Assert.Equal([200.0, 0, 0, 0], result.Series("outside"));
    }

    [Fact]
    public void XmileCommentHoldingDoubleDashes_IsReadAsAComment()
    {
        var result = Xmile("""<!-- calibrated -- see the 2019 report --><aux name="a"><eqn>1</eqn></aux>""");

        Assert.Equal(1, result.Series("a")[0]);
    }
}
