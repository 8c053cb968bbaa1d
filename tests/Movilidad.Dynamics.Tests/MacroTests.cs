namespace Movilidad.Dynamics.Tests;

public sealed class MacroTests
{
    [Fact]
    public void DollarName_InsideMacro_ReadsTheEnclosingModelsVariable()
    {
        // Vensim, "Defining Macros": inside a macro, a model variable is reached by following its name with '$'
        // (TIME STEP$, Time$). HOLD STEP lags its input by one step: 2(t - dt) after the first step.
        var model = ModelText.Vensim("""
            :MACRO: HOLD STEP(input)
            HOLD STEP = INTEG((input - HOLD STEP) / TIME STEP$, input) ~ input ~|
            :END OF MACRO:
            :MACRO: CLOCK(offset)
            CLOCK = Time$ + offset + scale$ ~~|
            :END OF MACRO:
            scale = 1000 ~~|
            lagged = HOLD STEP(2 * Time) ~~|
            reading = CLOCK(100) ~~|
            """, final: 2, dt: 0.5);

        var result = model.Compile().Run();

        Assert.Equal([0.0, 0, 1, 2, 3], result.Series("lagged"));
        Assert.Equal([1100.0, 1100.5, 1101, 1101.5, 1102], result.Series("reading"));
    }

    [Fact]
    public void OutputArguments_NamedAfterAColonInTheCall_BecomeModelVariables()
    {
        // Vensim, "Defining Macros" and "Using Macros": add3(val1, val2, val3 : minval, maxval) also defines minval and
        // maxval; a call names after a colon the model variables that receive them, which other equations may use.
        var model = ModelText.Vensim("""
            :MACRO: add3(val1, val2, val3 : minval, maxval)
            add3 = val1 + val2 + val3 ~ val1 ~|
            minval = MIN(val1, MIN(val2, val3)) ~ val1 ~|
            maxval = MAX(val1, MAX(val2, val3)) ~ val1 ~|
            :END OF MACRO:
            lakes = 5 + Time ~~|
            rivers = 2 ~~|
            reservoirs = 9 - 4 * Time ~~|
            total reserve = add3(lakes, rivers, reservoirs : min reserve, max reserve) ~~|
            is water low flag = IF THEN ELSE(min reserve < 2, 1, 0) ~~|
            """, final: 2);

        var result = model.Compile().Run();

        Assert.Equal([16.0, 13, 10], result.Series("total reserve"));
        Assert.Equal([2.0, 2, 1], result.Series("min reserve"));
        Assert.Equal([9.0, 6, 7], result.Series("max reserve"));
        Assert.Equal([0.0, 0, 1], result.Series("is water low flag"));
    }
}
