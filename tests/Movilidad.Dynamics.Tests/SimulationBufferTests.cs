namespace Movilidad.Dynamics.Tests;

public sealed class SimulationBufferTests
{
    private const string Growth = """
        region: north, south ~~|
        population[region] = INTEG(births[region] - deaths[region], initial[region]) ~~|
        initial[region] = 100, 200 ~~|
        births[region] = population[region] * birth rate * noise ~~|
        noise = RANDOM UNIFORM(0.9, 1.1, 7) ~~|
        deaths[region] = DELAY FIXED(births[region], 2, 0) + SMOOTH(population[region], 3) * death table(Time / 10) ~~|
        death table((0, 0.01), (1, 0.03)) ~~|
        birth rate = 0.05 ~~|
        total = SUM(population[region!]) ~~|
        """;

    private static CompiledModel Model() => ModelText.Vensim(Growth, final: 20, dt: 0.5).Compile();

    [Fact]
    public void Run_IntoBuffer_SavesTheSameSeriesAsARunByColumn()
    {
        var model = Model();
        var expected = model.Run();
        var buffer = model.CreateBuffer();

        model.Run(buffer);

        Assert.Equal(expected.Names, buffer.Names);
        Assert.Equal(expected.Times, buffer.Times.ToArray());
        foreach (var name in expected.Names)
        {
            Assert.Equal(expected.Series(name), buffer.Series(name).ToArray());
        }
    }

    [Fact]
    public void Run_BufferReused_AllocatesNothing()
    {
        var model = Model();
        var buffer = model.CreateBuffer();
        var parameters = model.Parameters("birth rate", "initial[south]");
        double[] values = [0.06, 250];
        // Enough runs for the runtime to finish optimising the methods involved (tiered compilation), which can
        // allocate on the calling thread while it is under way.
        for (var warmup = 0; warmup < 100; warmup++)
        {
            model.Run(buffer, parameters, values);
            model.Run(buffer);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        model.Run(buffer);
        model.Run(buffer, parameters, values);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(250, buffer.Series("population[south]")[0]);
    }

    [Fact]
    public void CreateBuffer_NamedVariables_SavesOnlyThemWithConstantsOnEveryRow()
    {
        var model = Model();
        var buffer = model.CreateBuffer(["population", "birth rate"]);

        model.Run(buffer);

        Assert.Equal(["population[north]", "population[south]", "birth rate"], buffer.Names);
        Assert.Equal(41, buffer.RowCount);
        Assert.All(buffer.Series("birth rate").ToArray(), v => Assert.Equal(0.05, v));
        Assert.Equal(-1, buffer.ColumnOf("total"));
        Assert.Equal(model.Run().Series("population[south]"), buffer.Series("population[south]").ToArray());
    }

    [Fact]
    public void CreateBuffer_UnknownVariable_IsAnErrorNamingIt()
    {
        var error = Assert.Throws<ModelException>(() => Model().CreateBuffer(["populaton"]));

        Assert.Contains("'populaton'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_VariableThatChangesDuringTheRun_IsRefused()
    {
        var error = Assert.Throws<ModelException>(() => Model().Parameters("total"));

        Assert.Contains("changes during the run", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunMany_EachRunItsValuesAndSeed_MatchesTheSameRunAlone()
    {
        var model = Model();
        var parameters = model.Parameters("birth rate");
        var finals = new double[40];

        model.RunMany(
            finals.Length,
            parameters,
            (run, values) => values[0] = 0.01 * (run % 8),
            (run, results) => finals[run] = results.Series("total")[^1],
            new BatchOptions { Save = ["total"], Simulation = new SimulationOptions { Seed = 100 } });

        for (var run = 0; run < finals.Length; run += 13)
        {
            var alone = model.Run(new SimulationOptions { Seed = 100 + run, Constants = new Dictionary<string, double> { ["birth rate"] = 0.01 * (run % 8) } });
            Assert.Equal(alone.Series("total")[^1], finals[run]);
        }

        Assert.NotEqual(finals[9], finals[17]);
    }

    [Fact]
    public void Run_SameSeed_DrawsTheSameNumbers()
    {
        var model = Model();

        var first = model.Run(new SimulationOptions { Seed = 3 }).Series("noise");
        var again = model.Run(new SimulationOptions { Seed = 3 }).Series("noise");
        var other = model.Run(new SimulationOptions { Seed = 4 }).Series("noise");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.All(first, v => Assert.InRange(v, 0.9, 1.1));
    }
}
