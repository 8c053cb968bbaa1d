namespace Movilidad.Dynamics.Tests;

public sealed class VensimBuiltinTests
{
    private const string Branches = "branch: Boston, Dayton, Fresno ~~|\npprofile: ptype, ppriority, pwidth, pextra ~~|\n";

    private static SimulationResult Run(string equations, double final = 4) => ModelText.Vensim(equations, final).Compile().Run();

    private static void AssertInitial(SimulationResult result, params (string Name, double Value)[] expected)
    {
        foreach (var (name, value) in expected)
        {
            Assert.True(Math.Abs(result.Series(name)[0] - value) < 1e-9, $"{name}: expected {value}, got {result.Series(name)[0]}");
        }
    }

    [Fact]
    public void AllocateAvailable_EnoughForEveryone_GivesEachItsRequest()
    {
        var result = Run(Branches + """
            request[branch] = 10, 20, 30 ~~|
            profile[branch,pprofile] = 1,5,2,0; 1,7,2,0; 1,3,2,0; ~~|
            shipped[branch] = ALLOCATE AVAILABLE(request[branch], profile[branch,ptype], 100) ~~|
            """);

        Assert.Equal([10.0, 20, 30], [result.Series("shipped[Boston]")[0], result.Series("shipped[Dayton]")[0], result.Series("shipped[Fresno]")[0]]);
    }

    [Fact]
    public void AllocateAvailable_RectangularProfiles_SplitsAtTheClearingPriority()
    {
        // Widths of 2 around 5 and 7: at a clearing priority of 5.5 Dayton gets all 20 and Boston a quarter of its 40.
        var result = Run(Branches + """
            request[branch] = 40, 20, 0 ~~|
            profile[branch,pprofile] = 1,5,2,0; 1,7,2,0; 1,3,2,0; ~~|
            shipped[branch] = ALLOCATE AVAILABLE(request[branch], profile[branch,ptype], 30) ~~|
            """);

        Assert.Equal(10, result.Series("shipped[Boston]")[0], 9);
        Assert.Equal(20, result.Series("shipped[Dayton]")[0], 9);
        Assert.Equal(0, result.Series("shipped[Fresno]")[0], 9);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void AllocateAvailable_AnyProfileShape_SharesAddUpToWhatIsAvailable(int shape)
    {
        var result = Run(Branches + $"""
            request[branch] = 500, 300, 750 ~~|
            profile[branch,pprofile] = {shape},5,1,0; {shape},7,2,0; {shape},3,2,0; ~~|
            shipped[branch] = ALLOCATE AVAILABLE(request[branch], profile[branch,ptype], 20 * Time) ~~|
            """);

        for (var t = 1; t <= 4; t++)
        {
            var total = result.Series("shipped[Boston]")[t] + result.Series("shipped[Dayton]")[t] + result.Series("shipped[Fresno]")[t];
            Assert.Equal(20.0 * t, total, 9);
            Assert.True(result.Series("shipped[Dayton]")[t] > result.Series("shipped[Fresno]")[t], "the higher priority gets more");
        }
    }

    [Fact]
    public void AllocateAvailable_ProfileNotEndingWithFourFields_IsAnErrorNamingIt()
    {
        var model = ModelText.Vensim(Branches + """
            request[branch] = 40, 20, 0 ~~|
            profile[branch,pprofile] = 1,5,2,0; 1,7,2,0; 1,3,2,0; ~~|
            shipped[branch] = ALLOCATE AVAILABLE(request[branch], profile[branch,pwidth], 30) ~~|
            """);

        var error = Assert.Throws<ModelException>(() => model.Compile());

        Assert.Contains("four fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllocateAvailable_FixedQuantityProfile_IsServedBeforeThePricedRequests()
    {
        // ptype 0 asks for the same at every priority: Boston's 40 is served, the 10 left goes to Dayton (rectangular
        // around 7, width 2) at a clearing priority of 7, where it gets half its 20, before Fresno (around 3) gets any.
        var result = Run(Branches + """
            request[branch] = 40, 20, 10 ~~|
            profile[branch,pprofile] = 0,0,0,0; 1,7,2,0; 1,3,2,0; ~~|
            shipped[branch] = ALLOCATE AVAILABLE(request[branch], profile[branch,ptype], 50) ~~|
            """);

        AssertInitial(result, ("shipped[Boston]", 40), ("shipped[Dayton]", 10), ("shipped[Fresno]", 0));
    }

    [Fact]
    public void AllocateAvailable_FixedQuantitiesAboveWhatIsAvailable_ShareItInProportion()
    {
        var result = Run(Branches + """
            request[branch] = 40, 20, 10 ~~|
            profile[branch,pprofile] = 0,0,0,0; 0,0,0,0; 1,9,2,0; ~~|
            shipped[branch] = ALLOCATE AVAILABLE(request[branch], profile[branch,ptype], 30) ~~|
            """);

        Assert.Equal([20.0, 10, 0], [result.Series("shipped[Boston]")[0], result.Series("shipped[Dayton]")[0], result.Series("shipped[Fresno]")[0]]);
    }

    [Fact]
    public void AllocateAvailable_ShapePlusTen_GivesWholeNumbersAddingUpToWhatIsAvailable()
    {
        // Vensim: adding 10 to the shape returns integer allocations. Equal rectangular curves share 5 + Time/2 as
        // 2.5 + Time/4 each; the whole-number allocations stay within one unit of those shares and add up to
        // what is available, rounded down.
        var result = Run(Branches + """
            request[branch] = 10, 10, 10 ~~|
            profile[branch,pprofile] = 11,5,2,0; 11,5,2,0; 11,1,2,0; ~~|
            shipped[branch] = ALLOCATE AVAILABLE(request[branch], profile[branch,ptype], 5 + Time / 2) ~~|
            """);

        for (var t = 0; t <= 4; t++)
        {
            var shipped = new[] { "Boston", "Dayton", "Fresno" }.Select(b => result.Series($"shipped[{b}]")[t]).ToArray();
            Assert.All(shipped, value => Assert.Equal(Math.Round(value), value));
            Assert.Equal(Math.Floor(5 + (t / 2.0)), shipped.Sum());
            Assert.InRange(shipped[0], Math.Floor(2.5 + (t / 4.0)), Math.Ceiling(2.5 + (t / 4.0)));
            Assert.Equal(0, shipped[2]);
        }
    }

    private const string Market = """
        supplier: s1, s2 ~~|
        demander: d1, d2 ~~|
        pprofile: ptype, ppriority, pwidth, pextra ~~|
        capacity[supplier] = 100, 0 ~~|
        supply curve[supplier,pprofile] = 1,8,4,0; 1,1,1,0; ~~|
        market price = FIND MARKET PRICE(satiation[d1], demand curve[d1,ptype], capacity[s1], supply curve[s1,ptype]) ~~|
        supplied[supplier] = SUPPLY AT PRICE(capacity[supplier], supply curve[supplier,ptype], market price) ~~|
        demanded[demander] = DEMAND AT PRICE(satiation[demander], demand curve[demander,ptype], market price) ~~|

        """;

    [Fact]
    public void FindMarketPrice_RectangularCurves_ClearsWhereDemandMeetsSupply()
    {
        // Demand 100 falling from 12 to 8 (rectangular around 10, width 4), supply 100 rising from 6 to 10 (around 8):
        // 100·(0.5 − (P − 10)/4) = 100·(0.5 + (P − 8)/4) at P = 9, where 75 is asked for and offered. The second
        // supplier has no capacity and the second demander asks for nothing, so they take no part.
        var result = Run(Market + """
            satiation[demander] = 100, 0 ~~|
            demand curve[demander,pprofile] = 1,10,4,0; 1,1,1,0; ~~|
            """);

        AssertInitial(result, ("market price", 9), ("supplied[s1]", 75), ("demanded[d1]", 75), ("supplied[s2]", 0));
    }

    [Fact]
    public void FindMarketPrice_FixedDemand_AddsToTheMarketDemandAtEveryPrice()
    {
        // A fixed demand of 20 (ptype 0) moves the balance to 100·(0.5 − (P − 10)/4) + 20 = 100·(0.5 + (P − 8)/4),
        // P = 9.4: d1 asks for 65, d2 for its 20, and the supplier offers their 85.
        var result = Run(Market + """
            satiation[demander] = 100, 20 ~~|
            demand curve[demander,pprofile] = 1,10,4,0; 0,0,0,0; ~~|
            """);

        AssertInitial(result, ("market price", 9.4), ("demanded[d1]", 65), ("demanded[d2]", 20), ("supplied[s1]", 85));
    }

    [Fact]
    public void FindMarketPrice_DemandAboveAllCapacity_IsThePriceAtWhichEverySupplierOffersAll()
    {
        // Vensim: when supply never meets demand, the suppliers supply all they can.
        var result = Run(Market + """
            satiation[demander] = 150, 0 ~~|
            demand curve[demander,pprofile] = 0,0,0,0; 1,1,1,0; ~~|
            """);

        AssertInitial(result, ("market price", 10), ("supplied[s1]", 100), ("demanded[d1]", 150));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void FindMarketPrice_AnyCurveShape_BalancesDemandAndSupply(int shape)
    {
        var result = Run(Market.Replace("1,8,4,0;", $"{shape},8,4,0;", StringComparison.Ordinal) + $"""
            satiation[demander] = 100, 60 ~~|
            demand curve[demander,pprofile] = {shape},10,4,0; {shape},7,2,0; ~~|
            """);

        var demanded = result.Series("demanded[d1]")[0] + result.Series("demanded[d2]")[0];
        Assert.Equal(result.Series("supplied[s1]")[0], demanded, 9);
        Assert.InRange(result.Series("market price")[0], 6, 12);
    }

    [Fact]
    public void GammaLn_KnownValues_AreTheLogOfTheGammaFunction()
    {
        // Γ(5) = 4! = 24, Γ(1/2) = √π, Γ(1) = 1; Γ has a pole at 0.
        var result = Run("a = GAMMA LN(5) ~~|\nb = GAMMA LN(0.5) ~~|\nc = GAMMA LN(1) ~~|\nd = GAMMA LN(0) ~~|");

        Assert.Equal(Math.Log(24), result.Series("a")[0], 13);
        Assert.Equal(0.5 * Math.Log(Math.PI), result.Series("b")[0], 13);
        Assert.Equal(0, result.Series("c")[0], 13);
        Assert.True(double.IsNaN(result.Series("d")[0]));
    }

    [Fact]
    public void Npv_ConstantStream_SumsItDiscountedOncePerPeriod()
    {
        // Vensim's NPV: (accum + stream·dt·df)·factor, df falling by rate/(1 + rate·dt) each step: with dt = 1 it is
        // the sum of 10/1.1^k for k = 0..t, doubled by the factor of 2.
        var result = Run("v = NPV(10, 0.1, 0, 2) ~~|", final: 3);

        for (var t = 0; t <= 3; t++)
        {
            var expected = 2 * Enumerable.Range(0, t + 1).Sum(k => 10 / Math.Pow(1.1, k));
            Assert.Equal(expected, result.Series("v")[t], 10);
        }
    }

    [Fact]
    public void InvertMatrix_LargerThanThirtyTwo_InvertsIt()
    {
        // A 40×40 diagonal matrix with k on the diagonal: its inverse has 1/k there and 0 elsewhere.
        var result = Run("""
            row: (r1-r40) ~~|
            col: (c1-c40) ~~|
            m[row, col] = IF THEN ELSE(row = col, row, 0) ~~|
            inverse[row, col] = INVERT MATRIX(m[row, col], 40) ~~|
            """);

        Assert.Equal(1.0 / 7, result.Series("inverse[r7,c7]")[0], 12);
        Assert.Equal(1.0 / 40, result.Series("inverse[r40,c40]")[0], 12);
        Assert.Equal(0, result.Series("inverse[r3,c9]")[0], 12);
    }

    [Fact]
    public void GetDataBetweenTimes_EachMode_ReadsTheDataAtAnotherTime()
    {
        // Data at 0 and 10 (0 and 100): at Time + 5, interpolated (mode 0), the later point (1), the earlier one
        // (-1); :NA: past the last point.
        var model = ModelText.Vensim("""
            demand ~~|
            ahead = GET DATA BETWEEN TIMES(demand, Time + 5, 0) ~~|
            forward = GET DATA BETWEEN TIMES(demand, Time + 5, 1) ~~|
            backward = GET DATA BETWEEN TIMES(demand, Time + 5, -1) ~~|
            """, final: 6).Compile();

        var result = model.Run(new SimulationOptions { Data = new Dictionary<string, DataSeries> { ["demand"] = new([0, 10], [0, 100]) } });

        Assert.Equal([50.0, 60, 70, 80, 90, 100], result.Series("ahead").Take(6));
        Assert.Equal([100.0, 100, 100, 100, 100, 100], result.Series("forward").Take(6));
        Assert.Equal([0.0, 0, 0, 0, 0, 100], result.Series("backward").Take(6));
        Assert.True(double.IsNaN(result.Series("ahead")[6]));
    }

    [Fact]
    public void DepreciateStraightline_OneInvestment_IsSpreadEquallyOverTheDepreciationTime()
    {
        // 30 invested in the first year, depreciated over 3 years with yearly fiscal periods: 10 a year, then nothing.
        var result = Run("d = DEPRECIATE STRAIGHTLINE(IF THEN ELSE(Time = 0, 30, 0), 3, 1, 0) ~~|", final: 5);

        Assert.Equal([10.0, 10, 10, 0, 0, 0], result.Series("d").Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void DepreciateStraightline_StreamAtItsInitialValue_StaysConstant()
    {
        // The documentation: if str keeps the value init, the output stays constant at that value.
        var result = Run("d = DEPRECIATE STRAIGHTLINE(5, 4, 2, 5) ~~|", final: 8);

        Assert.All(result.Series("d"), v => Assert.Equal(5, v, 12));
    }

    [Fact]
    public void AllocateByPriority_WidthZero_ServesHigherPrioritiesFirst()
    {
        // Vensim: when the gap between two priorities exceeds the width and the higher one is not filled, the lower
        // one gets nothing. With width 0, 45 goes to Fresno (30, priority 3) and Dayton (20, priority 2) gets the
        // 15 left; equal priorities share in proportion to their requests.
        var result = Run(Branches + """
            request[branch] = 10, 20, 30 ~~|
            priority[branch] = 1, 2, 3 ~~|
            shipped[branch] = ALLOCATE BY PRIORITY(request[branch], priority[branch], ELMCOUNT(branch), 0, 45) ~~|
            same[branch] = 1 ~~|
            tied[branch] = ALLOCATE BY PRIORITY(request[branch], same[branch], ELMCOUNT(branch), 0, 30) ~~|
            """);

        Assert.Equal([0.0, 15, 30], [result.Series("shipped[Boston]")[0], result.Series("shipped[Dayton]")[0], result.Series("shipped[Fresno]")[0]]);
        Assert.Equal([5.0, 10, 15], [result.Series("tied[Boston]")[0], result.Series("tied[Dayton]")[0], result.Series("tied[Fresno]")[0]]);
    }

    [Fact]
    public void EqualsNa_MissingValue_IsTrue()
    {
        // Vensim's :NA: is a value like any other, so x = :NA: tests whether x is missing (C-LEARN's targets do).
        var result = Run("missing = :NA: ~~|\nset = 3 ~~|\na = IF THEN ELSE(missing = :NA:, 1, 0) ~~|\nb = IF THEN ELSE(set = :NA:, 1, 0) ~~|\nc = IF THEN ELSE(missing <> :NA:, 1, 0) ~~|");

        Assert.Equal([1.0, 0, 0], [result.Series("a")[0], result.Series("b")[0], result.Series("c")[0]]);
    }

    [Fact]
    public void DelayN_DelayTimeChanges_EachStageKeepsTheStageTimeItWasEnteredWith()
    {
        // Order 2, delay 4 then 6 from t=3, each stage holding 8. At t=3 the output still divides the last stage
        // by the old stage time (8/2), while the first stage already drains at the new one (8/3); at t=4 the
        // last stage holds 8 + 8/3 − 4 and drains at the new stage time, 3.
        var result = Run("out = DELAY N(4, 4 + STEP(2, 3), 4, 2) ~~|", final: 5);

        Assert.Equal([4.0, 4, 4, 4, Math.Round((8 + (8 / 3.0) - 4) / 3, 12)], result.Series("out").Take(5).Select(v => Math.Round(v, 12)));
    }

    [Theory]
    [InlineData(0, 0.5 * 2 + (-1 * 4))]
    [InlineData(1, 0.5 * 2 * (-1 * 4))]
    [InlineData(2, -1 * 4.0)]
    [InlineData(3, 0.5 * 2)]
    [InlineData(4, ((0.5 * 2) + (-1 * 4)) / 2)]
    [InlineData(6, 2.0 + 4)]
    [InlineData(7, 2.0 * 4)]
    [InlineData(8, 2.0)]
    [InlineData(9, 4.0)]
    [InlineData(10, 3.0)]
    public void VectorSelect_EachNumericalAction_ComputesItOverTheSelected(int action, double expected)
    {
        var result = Run($"""
            dim: (A1-A3) ~~|
            sel[dim] = 0.5, 0, -1 ~~|
            val[dim] = 2, 3, 4 ~~|
            out = VECTOR SELECT(sel[dim!], val[dim!], -99, {action}, 0) ~~|
            """);

        Assert.Equal(expected, result.Series("out")[0], 12);
    }

    [Fact]
    public void VectorSelect_ActionFromAnExpression_FollowsItDuringTheRun()
    {
        var result = Run("""
            dim: (A1-A3) ~~|
            sel[dim] = 1, 0, 1 ~~|
            val[dim] = 2, 3, 4 ~~|
            out = VECTOR SELECT(sel[dim!], val[dim!], -99, Time, 0) ~~|
            """);

        Assert.Equal([6.0, 8, 2, 4, 3], result.Series("out"));
    }

    [Fact]
    public void VectorSelect_ArraysOfDifferentRanges_CombineEveryPair()
    {
        var result = Run("""
            rows: (R1-R2) ~~|
            cols: (C1-C3) ~~|
            sel[rows] = 1, 2 ~~|
            val[cols] = 1, 10, 100 ~~|
            out = VECTOR SELECT(sel[rows!], val[cols!], -99, 0, 0) ~~|
            none = VECTOR SELECT(sel[rows!] * 0, val[cols!], -99, 0, 0) ~~|
            """);

        Assert.Equal(3 * 111, result.Series("out")[0], 12);
        Assert.Equal(-99, result.Series("none")[0]);
    }

    [Fact]
    public void VectorSelect_ErrorActionOneWhenNothingIsSelected_StopsTheRunNamingVariableAndTime()
    {
        var model = ModelText.Vensim(Branches + """
            sel[branch] = 0, 1, 0 ~~|
            val[branch] = 10, 20, 30 ~~|
            picked = VECTOR SELECT(sel[branch!] * (1 - STEP(1, 2)), val[branch!], -1, 0, 1) ~~|
            """).Compile();

        var error = Assert.Throws<ModelException>(() => model.Run());

        Assert.Equal("picked", error.Variable);
        Assert.Equal(5, error.Line);
        Assert.Contains("at time 2 VECTOR SELECT selected no element", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("model.mdl:5:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VectorSelect_ErrorActionTwoWhenSeveralAreSelected_NamesTheElement()
    {
        var model = ModelText.Vensim(Branches + """
            sel[branch] = 0, 1, 0 ~~|
            val[branch] = 10, 20, 30 ~~|
            picked[branch] = VECTOR SELECT(sel[branch!] + STEP(1, 3), val[branch!], -1, 0, 2) ~~|
            """).Compile();

        var error = Assert.Throws<ModelException>(() => model.Run());

        Assert.Contains("variable 'picked[Boston]'", error.Message, StringComparison.Ordinal);
        Assert.Contains("at time 3 VECTOR SELECT selected 3 elements", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, -1.0)]
    [InlineData(1, 50.0)]
    public void VectorSelect_ErrorActionsThatAllowTheSelection_GiveTheSelectedValue(int action, double expected)
    {
        // Action 2 lets an empty selection through (the missing value); action 1 lets several through (their sum).
        var selection = action == 2 ? "0, 0, 0" : "0, 1, 1";
        var result = Run(Branches + $"""
            sel[branch] = {selection} ~~|
            val[branch] = 10, 20, 30 ~~|
            picked = VECTOR SELECT(sel[branch!], val[branch!], -1, 0, {action}) ~~|
            """);

        Assert.Equal(expected, result.Series("picked")[0]);
    }

    [Fact]
    public void VectorSelect_ErrorActionThree_AcceptsExactlyOneAndRejectsNone()
    {
        var one = Run(Branches + """
            sel[branch] = 0, 1, 0 ~~|
            val[branch] = 10, 20, 30 ~~|
            picked = VECTOR SELECT(sel[branch!], val[branch!], -1, 0, 3) ~~|
            """);
        var none = ModelText.Vensim(Branches + """
            sel[branch] = 0, 0, 0 ~~|
            val[branch] = 10, 20, 30 ~~|
            picked = VECTOR SELECT(sel[branch!], val[branch!], -1, 0, 3) ~~|
            """).Compile();

        Assert.Equal(20, one.Series("picked")[0]);
        var error = Assert.Throws<ModelException>(() => none.Run());
        Assert.Contains("at time 0 VECTOR SELECT selected no element, and its error action (3) requires at least one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VectorSelect_ErrorActionOutOfRange_IsACompileError()
    {
        var model = ModelText.Vensim(Branches + """
            sel[branch] = 0, 1, 0 ~~|
            picked = VECTOR SELECT(sel[branch!], sel[branch!], -1, 0, 4) ~~|
            """);

        var error = Assert.Throws<ModelException>(() => model.Compile());

        Assert.Contains("error action of VECTOR SELECT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetTimeValue_ComputerClock_GivesTheCalendarMeasures()
    {
        var before = DateTime.Now;
        var result = Run("year = GET TIME VALUE(2, 0, 1) ~~|\nmonth = GET TIME VALUE(2, 0, 3) ~~|\nweekday = GET TIME VALUE(2, 0, 5) ~~|\ndays = GET TIME VALUE(2, 0, 6) ~~|\nsimulated = GET TIME VALUE(0, 2, 0) ~~|");
        var after = DateTime.Now;

        Assert.InRange(result.Series("year")[0], before.Year, after.Year);
        Assert.InRange(result.Series("month")[0], 1, 12);
        Assert.InRange(result.Series("weekday")[0], 0, 6);
        // Days since 1 January of year 0 (1 BC): the days since 1 January of year 1 plus the 366 of 1 BC.
        Assert.InRange(result.Series("days")[0], (before - DateTime.MinValue).Days + 366, (after - DateTime.MinValue).Days + 366);
        Assert.Equal([2.0, 3, 4, 5, 6], result.Series("simulated"));
    }
}
