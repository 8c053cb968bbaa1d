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
}
