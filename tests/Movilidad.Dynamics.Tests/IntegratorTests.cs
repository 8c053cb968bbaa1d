namespace Movilidad.Dynamics.Tests;

public sealed class IntegratorTests
{
    [Fact]
    public void Euler_ConstantRate_IsExact()
    {
        var result = ModelText.Vensim("y = INTEG(2.5, 1) ~~|", final: 10, dt: 0.25).Compile()
            .Run(new SimulationOptions { Method = IntegrationMethod.Euler });

        Assert.Equal(1 + (2.5 * 10), result.Series("y")[^1], 12);
    }

    [Fact]
    public void RungeKutta2_RateLinearInTime_IsExact()
    {
        var result = ModelText.Vensim("y = INTEG(2 * Time, 0) ~~|", final: 3, dt: 0.5).Compile()
            .Run(new SimulationOptions { Method = IntegrationMethod.RungeKutta2 });

        Assert.Equal(9.0, result.Series("y")[^1], 12);
    }

    [Fact]
    public void RungeKutta4_RateQuadraticInTime_IsExact()
    {
        var result = ModelText.Vensim("y = INTEG(3 * Time * Time, 0) ~~|", final: 3, dt: 0.5).Compile()
            .Run(new SimulationOptions { Method = IntegrationMethod.RungeKutta4 });

        Assert.Equal(27.0, result.Series("y")[^1], 10);
    }

    [Theory]
    [InlineData(IntegrationMethod.Euler, 1)]
    [InlineData(IntegrationMethod.RungeKutta2, 2)]
    [InlineData(IntegrationMethod.RungeKutta4, 4)]
    public void Method_ExponentialDecayWithHalvedStep_ErrorShrinksByItsOrder(IntegrationMethod method, int order)
    {
        var model = ModelText.Vensim("y = INTEG(-0.7 * y, 1) ~~|", final: 4, dt: 0.1).Compile();
        var exact = Math.Exp(-0.7 * 4);

        double Error(double dt) => Math.Abs(model.Run(new SimulationOptions { Method = method, Dt = dt, SaveStep = dt }).Series("y")[^1] - exact);

        var observed = Math.Log2(Error(0.1) / Error(0.05));
        Assert.InRange(observed, order - 0.2, order + 0.2);
    }

    [Fact]
    public void RungeKutta4_CoupledOscillator_StaysOnTheExactSolution()
    {
        var result = ModelText.Vensim("x = INTEG(v, 1) ~~|\nv = INTEG(-x, 0) ~~|", final: 6.283185307179586, dt: 0.006283185307179586).Compile()
            .Run(new SimulationOptions { Method = IntegrationMethod.RungeKutta4, SaveStep = 6.283185307179586 });

        Assert.Equal(1.0, result.Series("x")[^1], 8);
        Assert.Equal(0.0, result.Series("v")[^1], 8);
    }
}
