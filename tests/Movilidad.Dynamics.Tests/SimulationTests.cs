namespace Movilidad.Dynamics.Tests;

public sealed class SimulationTests
{
    private const string Growth = "population = INTEG(births, 100) ~~|\nbirths = population * rate ~~|\nrate = 0.1 ~~|";

    [Fact]
    public void Run_ConstantOverridden_UsesTheNewValue()
    {
        var model = ModelText.Vensim(Growth).Compile();

        var result = model.Run(new SimulationOptions { Constants = new Dictionary<string, double> { ["Rate"] = 0 } });

        Assert.All(result.Series("population"), value => Assert.Equal(100, value));
    }

    [Fact]
    public void Run_UnknownOverride_ThrowsNamingIt()
    {
        var model = ModelText.Vensim(Growth).Compile();

        var error = Assert.Throws<ModelException>(() => model.Run(new SimulationOptions { Constants = new Dictionary<string, double> { ["speed"] = 1 } }));

        Assert.Contains("speed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LookupOverridden_UsesTheNewTable()
    {
        var model = ModelText.Vensim("effect((0,0),(10,10)) ~~|\nout = effect(Time) ~~|").Compile();

        var result = model.Run(new SimulationOptions { Lookups = new Dictionary<string, DataSeries> { ["effect"] = new([0, 10], [0, 20]) } });

        Assert.Equal(10, result.Series("out")[5], 12);
    }

    [Fact]
    public void Run_DataVariableFedWithSeries_InterpolatesIt()
    {
        var model = ModelText.Vensim("demand ~~|\ndoubled = demand * 2 ~~|").Compile();

        var result = model.Run(new SimulationOptions { Data = new Dictionary<string, DataSeries> { ["demand"] = new([0, 10], [0, 100]) } });

        Assert.Equal(60, result.Series("doubled")[3], 12);
    }

    [Fact]
    public void Run_ManyRunsInParallel_GiveTheSameAnswersAsAlone()
    {
        var model = ModelText.Vensim(Growth + "\nsmoothed = SMOOTH(births, 3) ~~|\nlate = DELAY FIXED(births, 2, 0) ~~|").Compile();
        double Final(double rate) => model.Run(new SimulationOptions { Constants = new Dictionary<string, double> { ["rate"] = rate } }).Series("late")[^1];
        var alone = Enumerable.Range(0, 20).Select(i => Final(i / 100.0)).ToArray();

        var parallel = new double[20];
        Parallel.For(0, 20, i => parallel[i] = Final(i / 100.0));

        Assert.Equal(alone, parallel);
    }

    [Fact]
    public void Run_LongRunAfterStart_AllocatesNothingPerStep()
    {
        var model = ModelText.Vensim(Growth + "\nsmoothed = SMOOTH3(births, 3) ~~|\nlate = DELAY FIXED(births, 2, 0) ~~|\nshape((0,0),(1,2)) ~~|\nshaped = shape(rate) ~~|").Compile();
        var shortRun = new SimulationOptions { Stop = 1_000, Dt = 0.5, SaveStep = 1_000 };
        var longRun = shortRun with { Stop = 100_000, SaveStep = 100_000 };
        model.Run(shortRun);
        model.Run(longRun);

        var before = GC.GetAllocatedBytesForCurrentThread();
        model.Run(shortRun);
        var shortBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        model.Run(longRun);
        var longBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(shortBytes, longBytes);
    }

    [Fact]
    public void Run_ModelWithThousandsOfInitialValues_ComputesThemAsASmallModelDoes()
    {
        // Past a thousand initial values the first run interprets them and later runs use machine code.
        var chain = string.Join("\n", Enumerable.Range(1, 1_500).Select(i => $"a{i} = a{i - 1} + 1 ~~|"));
        var model = ModelText.Vensim($"a0 = 0 ~~|\n{chain}\nlevel = INTEG(a1500 / 100, a1500 * 2) ~~|\nhalf = INITIAL(level / 2) ~~|", final: 4).Compile();
        var shortRun = new SimulationOptions { Stop = 1_000, SaveStep = 1_000 };
        var longRun = shortRun with { Stop = 100_000, SaveStep = 100_000 };

        var changed = new SimulationOptions { Constants = new Dictionary<string, double> { ["a0"] = 10 } };
        var result = model.Run(changed);
        var again = model.Run(changed);
        model.Run(longRun);
        var before = GC.GetAllocatedBytesForCurrentThread();
        model.Run(shortRun);
        var shortBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        model.Run(longRun);
        var longBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal([3020.0, 3035.1, 3050.2, 3065.3, 3080.4], result.Series("level").Select(v => Math.Round(v, 9)));
        Assert.Equal(1510, result.Series("half")[4]);
        Assert.Equal(result.Series("level"), again.Series("level"));
        Assert.Equal(shortBytes, longBytes);
    }

    [Fact]
    public void Compile_ModelOfSeveralGeneratedMethods_SaysHowLongEachPhaseTook()
    {
        // 300 auxiliaries that change with time: more than one generated method holds (120 statements), so their
        // machine code is made while compiling.
        var chain = string.Join("\n", Enumerable.Range(1, 300).Select(i => $"a{i} = a{i - 1} + Time ~~|"));
        var times = ModelText.Vensim($"a0 = Time ~~|\n{chain}").Compile().CompileTimes;

        Assert.True(times.Lowering > TimeSpan.Zero, "lowering");
        Assert.True(times.Emitting > TimeSpan.Zero, "emitting");
        Assert.True(times.MachineCode > TimeSpan.Zero, "machine code");
    }

    [Fact]
    public void Compile_ModelOfOneGeneratedMethodPerPhase_LeavesItsMachineCodeToItsFirstCall()
    {
        var times = ModelText.Vensim(Growth).Compile().CompileTimes;

        Assert.True(times.Lowering > TimeSpan.Zero, "lowering");
        Assert.Equal(TimeSpan.Zero, times.MachineCode);
    }

    [Fact]
    public void Compile_ForOneRun_GivesTheSameResultsAsForManyRuns()
    {
        // 3,000 conditional auxiliaries: cut into many methods for many runs, and into a few larger ones for one run.
        var chain = string.Join("\n", Enumerable.Range(1, 3_000).Select(i => $"a{i} = IF THEN ELSE(a{i - 1} > {i}, a{i - 1} * 0.5, a{i - 1} + Time) + level / 1000 ~~|"));
        var model = ModelText.Vensim($"a0 = Time ~~|\n{chain}\nlevel = INTEG(a3000 / 1000, 1) ~~|", final: 20);

        var many = model.Compile(Precision.Double, CompileFor.ManyRuns).Run();
        var one = model.Compile(Precision.Double, CompileFor.OneRun).Run();

        Assert.Equal(many.Names, one.Names);
        Assert.All(Enumerable.Range(0, many.Names.Count), c => Assert.Equal(many.Column(c).ToArray(), one.Column(c).ToArray()));
    }

    [Fact]
    public void Run_CancelledToken_Stops()
    {
        var model = ModelText.Vensim(Growth, final: 1_000_000, dt: 0.01).Compile();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => model.Run(cancellationToken: cancellation.Token));
    }

    [Fact]
    public void Run_MoreStepsThanTheLimit_ThrowsBeforeStarting()
    {
        var model = ModelText.Vensim(Growth, final: 1_000_000, dt: 0.001).Compile();

        var error = Assert.Throws<ModelException>(() => model.Run(new SimulationOptions { MaxSteps = 1_000 }));

        Assert.Contains("limit of 1000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LongerThanTheWallTimeLimit_IsStopped()
    {
        var model = ModelText.Vensim(Growth, final: 1e9, dt: 0.5).Compile();

        var error = Assert.Throws<ModelException>(() => model.Run(new SimulationOptions { MaxWallTime = TimeSpan.FromMilliseconds(50), MaxSteps = long.MaxValue, SaveStep = 1e9 }));

        Assert.Contains("wall-time limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SaveStepLargerThanTimeStep_SavesOnlyAtSaveTimes()
    {
        var result = ModelText.Vensim(Growth, final: 10, dt: 0.25).Compile().Run(new SimulationOptions { SaveStep = 2 });

        Assert.Equal([0.0, 2, 4, 6, 8, 10], result.Times);
    }

    [Fact]
    public void Run_SetVariableThatChangesDuringTheRun_ThrowsSayingOnlyConstantsCanBeSet()
    {
        var model = ModelText.Vensim(Growth).Compile();

        var error = Assert.Throws<ModelException>(() => model.Run(new SimulationOptions { Constants = new Dictionary<string, double> { ["births"] = 1 } }));

        Assert.Contains("only constants and initial values can be set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_StockSet_StartsFromTheGivenValue()
    {
        var result = ModelText.Vensim(Growth).Compile().Run(new SimulationOptions { Constants = new Dictionary<string, double> { ["population"] = 5 } });

        Assert.Equal(5, result.Series("population")[0]);
    }

    [Fact]
    public void UnitsOf_VensimUnitsWithRange_ReturnsTheUnitsAlone()
    {
        var model = ModelText.Vensim("rate = 0.1 ~ 1/Year [0,1] ~ the growth rate |");

        Assert.Equal("1/Year", model.UnitsOf("Rate"));
    }

    [Fact]
    public void Compile_SinglePrecision_RoundsEveryOperationAndStockUpdateToFloat()
    {
        // 0.1 + 0.2 in floats is 0.3000000119...; in doubles 0.30000000000000004. The stock adds 0.1 ten times,
        // rounding each step as 32-bit Euler does: the float sum is 1.0000001192092896.
        var model = ModelText.Vensim("sum = 0.1 + 0.2 ~~|\nthird = 1 / 3 ~~|\nlevel = INTEG(0.1, 0) ~~|", final: 10);
        var single = model.Compile(Precision.Single).Run();
        var twice = model.Compile().Run();
        var floatSum = 0f;
        for (var i = 0; i < 10; i++)
        {
            floatSum += 0.1f;
        }

        Assert.Equal(Precision.Single, model.Compile(Precision.Single).Precision);
        Assert.Equal((double)(0.1f + 0.2f), single.Series("sum")[0]);
        Assert.Equal((double)(1f / 3f), single.Series("third")[0]);
        Assert.Equal((double)floatSum, single.Series("level")[10]);
        Assert.Equal(0.1 + 0.2, twice.Series("sum")[0]);
        Assert.NotEqual(twice.Series("level")[10], single.Series("level")[10]);
    }
}
