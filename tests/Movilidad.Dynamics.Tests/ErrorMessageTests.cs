namespace Movilidad.Dynamics.Tests;

public sealed class ErrorMessageTests
{
    private static ModelException CompileError(string equations) =>
        Assert.Throws<ModelException>(() => ModelText.Vensim(equations).Compile());

    [Fact]
    public void Compile_UnknownVariable_NamesFileLineVariableAndUnknownName()
    {
        var error = CompileError("a = 1 ~~|\nb = a + missing thing ~~|");

        Assert.Equal("model.mdl", error.File);
        Assert.Equal(2, error.Line);
        Assert.Equal("b", error.Variable);
        Assert.Contains("unknown variable 'missing thing'", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("model.mdl:2:1: variable 'b':", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_UnknownFunction_NamesIt()
    {
        var error = CompileError("b = FROBNICATE(1) ~~|");

        Assert.Contains("unknown function 'FROBNICATE'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_WrongArgumentCount_SaysHowManyAreExpected()
    {
        var error = CompileError("b = SMOOTH(1) ~~|");

        Assert.Contains("SMOOTH takes 2 arguments but is given 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_CircularAuxiliaries_NamesTheCycle()
    {
        var error = CompileError("a = b + 1 ~~|\nb = c * 2 ~~|\nc = a ~~|");

        Assert.Contains("circular definition", error.Message, StringComparison.Ordinal);
        Assert.Matches("a -> b -> c -> a|b -> c -> a -> b|c -> a -> b -> c", error.Message);
    }

    [Fact]
    public void Compile_LoopThroughAStock_IsNotCircular()
    {
        var model = ModelText.Vensim("s = INTEG(f, 1) ~~|\nf = -s * k ~~|\nk = 0.5 ~~|").Compile();

        Assert.Contains("s", model.OutputNames);
    }

    [Fact]
    public void Compile_DimensionMismatch_SaysWhichRange()
    {
        var error = CompileError("A: a1, a2 ~~|\nB: b1, b2, b3 ~~|\nx[A] = 1 ~~|\ny[A] = x[B] ~~|");

        Assert.Contains("dimension mismatch", error.Message, StringComparison.Ordinal);
        Assert.Equal("y", error.Variable);
    }

    [Theory]
    [InlineData("p = FIND MARKET PRICE(q, q, q, q) ~~|", "FIND MARKET PRICE needs quantities subscripted by a range")]
    [InlineData("p = DEMAND AT PRICE(q, q, 1) ~~|", "DEMAND AT PRICE needs a priority profile")]
    public void Compile_MarketFunctionWithoutArrays_NamesTheFunctionAndWhatItNeeds(string equation, string expected)
    {
        var error = CompileError("q = 1 ~~|\n" + equation);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("p", error.Variable);
    }

    [Fact]
    public void Compile_MissingDataFile_NamesTheFile()
    {
        var error = CompileError("x = GET DIRECT CONSTANTS('nowhere.csv', ',', 'B2') ~~|");

        Assert.Contains("'nowhere.csv' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SyntaxError_GivesLineAndColumn()
    {
        var error = Assert.Throws<ModelException>(() => ModelText.Vensim("a = 1 ~~|\nb = (a + ~~|"));

        Assert.Equal(2, error.Line);
        Assert.Contains("ends where a value was expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_XmileUnknownVariable_NamesTheElement()
    {
        const string xmile = """
            <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
              <sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
              <model><variables>
                <aux name="a"><eqn>b * 2</eqn></aux>
              </variables></model>
            </xmile>
            """;

        var error = Assert.Throws<ModelException>(() => ModelText.Load(xmile, "m.xmile").Compile());

        Assert.Contains("aux name=\"a\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown variable 'b'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_SaysSo()
    {
        var error = Assert.Throws<ModelException>(() => SystemDynamicsModel.Load("/no/such/model.mdl"));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DataVariableWithoutData_AsksForADataFile()
    {
        var model = ModelText.Vensim("demand ~~|").Compile();

        var error = Assert.Throws<ModelException>(() => model.Run());

        Assert.Contains("--data", error.Message, StringComparison.Ordinal);
    }
}
