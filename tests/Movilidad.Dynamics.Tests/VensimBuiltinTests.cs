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

    [Theory]
    [InlineData(5)]
    [InlineData(15)]
    [InlineData(7)]
    public void AllocateAvailable_ProfileTypeWithoutADocumentedFormula_StopsTheRunNamingTypeVariableAndTime(int type)
    {
        // Type 5 is Vensim's truncated constant elasticity curve, named but not given a formula in its help; 15 is the
        // same in whole numbers, 7 no type at all. Fresno asks for nothing, so its type 5 takes no part: the error
        // names Dayton's type.
        var model = ModelText.Vensim(Branches + $"""
            request[branch] = 10, 20, 0 ~~|
            profile[branch,pprofile] = 1,5,2,0; {type},7,2,1; 5,3,2,1; ~~|
            shipped[branch] = ALLOCATE AVAILABLE(request[branch], profile[branch,ptype], 20) ~~|
            """).Compile();

        var error = Assert.Throws<ModelException>(() => model.Run());

        Assert.Equal(DiagnosticCode.PriorityTypeNotComputed, error.Diagnostic.Code);
        Assert.Contains("variable 'shipped[Boston]'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"at time 0 a priority profile has type {type}: the allocation functions compute types 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("el tipo 5 (elasticidad constante) no está implementado", error.Describe(new System.Globalization.CultureInfo("es-MX")), StringComparison.Ordinal);
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

    private const string NormalSuppliers = """
        supplier: s1, s2 ~~|
        pprofile: ptype, ppriority, pwidth, pextra ~~|
        capacity[supplier] = 1, 1 ~~|
        supply curve[supplier,pprofile] = 3,10,{width},0; 3,10.03,{width},0; ~~|
        demander: d1, d2 ~~|
        fixed demand[demander,pprofile] = 0 ~~|
        demand[demander] = {demand}, 0 ~~|
        market price = FIND MARKET PRICE(demand[d1], fixed demand[d1,ptype], capacity[s1], supply curve[s1,ptype]) ~~|

        """;

    [Theory]
    [InlineData(0)]
    [InlineData(0.01)]
    [InlineData(0.05)]
    public void DemandAtPrice_NormalCurveNarrowerThanFiveHundredths_SpreadsAsIfItWere(double width)
    {
        // Vensim gives a normal curve a standard deviation of at least 0.05 (its runs of SDEverywhere's allocate_normal_width
        // model agree for widths 0 to 0.05). At 0.03 above the priority: 0.5·erfc(0.03 / (0.05·√2)) = 0.5·erfc(0.4243) = 0.27425,
        // and Vensim's own run says 0.274264 (its erfc is Abramowitz and Stegun's 7.1.25, within 2.5e-5).
        var result = Run($"pprofile: ptype, ppriority, pwidth, pextra ~~|\ncurve[pprofile] = 3, 10, {width.ToString(System.Globalization.CultureInfo.InvariantCulture)}, 0 ~~|\nasked = DEMAND AT PRICE(1, curve[ptype], 10.03) ~~|");

        Assert.Equal(0.274264, result.Series("asked")[0], 5);
    }

    [Fact]
    public void FindMarketPrice_DemandCurveOfTypeFive_StopsTheRunNamingTheType()
    {
        var model = ModelText.Vensim(Market + """
            satiation[demander] = 100, 0 ~~|
            demand curve[demander,pprofile] = 5,10,4,1; 1,1,1,0; ~~|
            """).Compile();

        var error = Assert.Throws<ModelException>(() => model.Run());

        Assert.Equal(DiagnosticCode.PriorityTypeNotComputed, error.Diagnostic.Code);
        Assert.Contains("variable 'market price'", error.Message, StringComparison.Ordinal);
        Assert.Contains("a priority profile has type 5", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DEMAND AT PRICE", 5)]
    [InlineData("SUPPLY AT PRICE", 13)]
    public void AtPrice_CurveOfATypeTheMarketFunctionsDoNotCompute_StopsTheRun(string function, int type)
    {
        var model = ModelText.Vensim($"pprofile: ptype, ppriority, pwidth, pextra ~~|\ncurve[pprofile] = {type}, 10, 2, 1 ~~|\nasked = {function}(1, curve[ptype], 10) ~~|").Compile();

        var error = Assert.Throws<ModelException>(() => model.Run());

        Assert.Contains($"variable 'asked': at time 0 a priority profile has type {type}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.05", "0", 9.75)]
    [InlineData("1", "0", 5)]
    [InlineData("0.05", "2", 10.28)]
    [InlineData("1", "2", 15.03)]
    public void FindMarketPrice_NormalSupplyNeverMeetingDemand_SitsFiveStandardDeviationsBeyondThePriorities(string width, string demand, double price)
    {
        // Vensim searches a normal curve over five standard deviations either side of its priority: with nothing asked for
        // the price is the lowest priority (10) less 5σ, with the whole capacity (2) asked for, which a normal supply curve
        // never quite offers, the highest priority (10.03) plus 5σ (SDEverywhere's allocate_normal_width model, run by Vensim).
        var result = Run(NormalSuppliers.Replace("{width}", width, StringComparison.Ordinal).Replace("{demand}", demand, StringComparison.Ordinal));

        Assert.Equal(price, result.Series("market price")[0], 9);
    }

    [Fact]
    public void FindMarketPrice_ExponentialSupplyWithNothingDemanded_IsTenWidthsBelowTheLowestPriority()
    {
        // Vensim searches an exponential curve over ten widths either side of its priority: supply around 1 and 2 with width 1
        // and no demand give 1 − 10 = −9 (SDEverywhere's allocate_price model, run by Vensim).
        var result = Run("""
            supplier: s1, s2 ~~|
            pprofile: ptype, ppriority, pwidth, pextra ~~|
            capacity[supplier] = 200, 300 ~~|
            supply curve[supplier,pprofile] = 4,1,1,0; 4,2,1,0; ~~|
            demand curve[supplier,pprofile] = 4,1,1,0; 4,2,1,0; ~~|
            satiation[supplier] = 0, 0 ~~|
            market price = FIND MARKET PRICE(satiation[s1], demand curve[s1,ptype], capacity[s1], supply curve[s1,ptype]) ~~|
            """);

        Assert.Equal(-9, result.Series("market price")[0], 9);
    }

    [Fact]
    public void VectorLookup_EachMode_ReadsTheVectorAsALookupOverEquallySpacedPoints()
    {
        // Vensim: vec's values sit at x = xmin .. xmax in equal steps (here 0, 1, 2 for 0, 10, 40). By hand: interpolated
        // 5 at 0.5 and held at 40 beyond 2; extrapolated 70 at 3; backward 10 and forward 40 at 1.5; area from 0 to 1.5
        // 5 + (10 + 25)/2·0.5 = 13.75, to 3 held 30 + 40 = 70, extended 5 + (10 + 70)/2·2 = 85; 25 is reached at 1.5 and
        // an extended 70 at 3; the slope at 1.5 is 30, beyond the end 0 (held) or 30 (extended); mode 10 is undefined.
        var result = Run("""
            pt: p1, p2, p3 ~~|
            vec[pt] = 0, 10, 40 ~~|
            interpolated = VECTOR LOOKUP(vec[p1], 0.5, 0, 2, 0) ~~|
            held = VECTOR LOOKUP(vec[p1], 3, 0, 2, 0) ~~|
            extrapolated = VECTOR LOOKUP(vec[p1], 3, 0, 2, 3) ~~|
            backward = VECTOR LOOKUP(vec[p1], 1.5, 0, 2, 2) ~~|
            forward = VECTOR LOOKUP(vec[p1], 1.5, 0, 2, 4) ~~|
            area = VECTOR LOOKUP(vec[p1], 1.5, 0, 2, 1) ~~|
            area held = VECTOR LOOKUP(vec[p1], 3, 0, 2, 1) ~~|
            area extended = VECTOR LOOKUP(vec[p1], 3, 0, 2, 7) ~~|
            inverse = VECTOR LOOKUP(vec[p1], 25, 0, 2, 5) ~~|
            inverse extended = VECTOR LOOKUP(vec[p1], 70, 0, 2, 8) ~~|
            slope = VECTOR LOOKUP(vec[p1], 1.5, 0, 2, 6) ~~|
            slope held = VECTOR LOOKUP(vec[p1], 3, 0, 2, 6) ~~|
            slope extended = VECTOR LOOKUP(vec[p1], 3, 0, 2, 9) ~~|
            undefined = VECTOR LOOKUP(vec[p1], 1, 0, 2, 10) ~~|
            """);

        AssertInitial(
            result,
            ("interpolated", 5),
            ("held", 40),
            ("extrapolated", 70),
            ("backward", 10),
            ("forward", 40),
            ("area", 13.75),
            ("area held", 70),
            ("area extended", 85),
            ("inverse", 1.5),
            ("inverse extended", 3),
            ("slope", 30),
            ("slope held", 0),
            ("slope extended", 30));
        Assert.True(double.IsNaN(result.Series("undefined")[0]));
    }

    [Fact]
    public void Sinteg_DocumentedExamples_BoundQuantiseAndSnapTheStock()
    {
        // Vensim's examples: all :NA: is INTEG; min 0 keeps it from going below 0; 0, 100, 1 keeps it a whole number from 0
        // to 100; spec 0 with thresh 0.01 makes it 0 whenever it would be within 0.01 of 0. By hand, with TIME STEP 1:
        // 5 − 3t; 5, 2, 0, 0; 10, 40.6 → 41, 71.6 → 72, 102.6 → 100; 1, 0.5045, 0.009 → 0, −0.4955.
        var result = Run("""
            plain = SINTEG(-3, 5, :NA:, :NA:, :NA:, :NA:, :NA:) ~~|
            floored = SINTEG(-3, 5, 0, :NA:, :NA:, :NA:, :NA:) ~~|
            whole = SINTEG(30.6, 10, 0, 100, 1, :NA:, :NA:) ~~|
            snapped = SINTEG(-0.4955, 1, :NA:, :NA:, :NA:, 0, 0.01) ~~|
            """, final: 3);

        Assert.Equal([5.0, 2, -1, -4], result.Series("plain"));
        Assert.Equal([5.0, 2, 0, 0], result.Series("floored"));
        Assert.Equal([10.0, 41, 72, 100], result.Series("whole"));
        Assert.Equal(1, result.Series("snapped")[0], 12);
        Assert.Equal(0.5045, result.Series("snapped")[1], 12);
        Assert.Equal(0, result.Series("snapped")[2], 12);
        Assert.Equal(-0.4955, result.Series("snapped")[3], 12);
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

    [Fact]
    public void DelayMaterial_DelayShortening_AddsEarlierInputToTheLaterOneLeavingAtTheSameTime()
    {
        // Vensim: "If delay time is decreasing, some values of the input will be added to more recent inputs for
        // output." Delay 3 until time 2, then 1: the 10 entering at 0 and the 30 entering at 2 both leave at 3
        // (40), the 20 entering at 1 and the 40 entering at 3 at 4 (60); the initial 5 leaves for the first 3 steps.
        var result = Run("""
            input = 10 * Time + 10 ~~|
            delay = IF THEN ELSE(Time < 2, 3, 1) ~~|
            out = DELAY MATERIAL(input, delay, 5, -1) ~~|
            """, 6);

        Assert.Equal([5.0, 5, 5, 40, 60, 50, 60], result.Series("out"));
    }

    [Fact]
    public void DelayMaterial_DelayLengthening_GivesTheMissingValueWhenNothingLeaves()
    {
        // "If delay time is increasing, missval will be used when no output is available at a time": delay 1 until
        // time 2, then 3, so nothing leaves at 3 and 4 (-1); the 30 entering at 2 leaves at 5, the 40 at 6.
        var result = Run("""
            input = 10 * Time + 10 ~~|
            delay = IF THEN ELSE(Time < 2, 1, 3) ~~|
            out = DELAY MATERIAL(input, delay, 5, -1) ~~|
            """, 6);

        Assert.Equal([5.0, 10, 20, -1, -1, 30, 40], result.Series("out"));
    }

    [Fact]
    public void DelayMaterial_ConstantDelay_IsDelayFixed()
    {
        // "The same as DELAY FIXED except that delay time can be a variable."
        var result = Run("""
            input = Time * Time ~~|
            material = DELAY MATERIAL(input, 2.5, 7, 0) ~~|
            fixed = DELAY FIXED(input, 2.5, 7) ~~|
            """, 8);

        Assert.Equal(result.Series("fixed"), result.Series("material"));
        Assert.Equal([7.0, 7, 7, 0, 1, 4, 9, 16, 25], result.Series("material"));
    }

    [Fact]
    public void DelayN_OrderGivenByAConstantExpressionThroughAMacro_IsFixedAtTheStart()
    {
        // metasd's thyroid model passes MAX(1, Delay Order) to a macro wrapping DELAY N; the order is known at the start.
        var result = Run("""
            :MACRO: DELAYN(Input,DelayTime,Init,Order)
            DELAYN = DELAY N(Input,DelayTime,Init,Order) ~ Input ~ |
            :END OF MACRO:
            order = 0 ~~|
            input = STEP(10, 1) ~~|
            wrapped = DELAYN(input, 3, 0, MAX(1, order)) ~~|
            first = DELAY1I(input, 3, 0) ~~|
            """, 6);

        Assert.Equal(result.Series("first"), result.Series("wrapped"));
    }

    [Fact]
    public void DelayInformation_DelayShortening_ReplacesEarlierInputByMoreRecentInput()
    {
        // Vensim: "If delay time is decreasing some values of the input will be discarded and replaced by more recent
        // inputs." Delay 3 until time 2, then 1: the 30 entering at 2 is due at 3 with the 10 entering at 0, and
        // replaces it; the 40 entering at 3 replaces the 20 at 4.
        var result = Run("""
            input = 10 * Time + 10 ~~|
            delay = IF THEN ELSE(Time < 2, 3, 1) ~~|
            out = DELAY INFORMATION(input, delay, 5) ~~|
            """, 6);

        Assert.Equal([5.0, 5, 5, 30, 40, 50, 60], result.Series("out"));
    }

    [Fact]
    public void DelayInformation_DelayLengthening_HoldsTheLastValue()
    {
        // "If delay time is increasing existing values will be held": delay 1 until time 2, then 3, so 20 holds at 3
        // and 4 until the 30 entering at 2 is due at 5.
        var result = Run("""
            input = 10 * Time + 10 ~~|
            delay = IF THEN ELSE(Time < 2, 1, 3) ~~|
            out = DELAY INFORMATION(input, delay, 5) ~~|
            """, 6);

        Assert.Equal([5.0, 10, 20, 20, 20, 30, 40], result.Series("out"));
    }

    [Fact]
    public void DelayInformation_OlderInputDueAfterNewerCameOut_IsDiscarded()
    {
        // The 10 entering at 0 with delay 4 is due at 4, after the 20 entering at 1 with delay 1 came out at 2: it is
        // discarded and 20 holds (an information delay never goes back to older input).
        var result = Run("""
            input = 10 * Time + 10 ~~|
            delay = IF THEN ELSE(Time < 1, 4, IF THEN ELSE(Time < 2, 1, 5)) ~~|
            out = DELAY INFORMATION(input, delay, 5) ~~|
            """, 8);

        Assert.Equal([5.0, 5, 20, 20, 20, 20, 20, 30, 40], result.Series("out"));
    }
}
