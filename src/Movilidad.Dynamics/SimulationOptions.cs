namespace Movilidad.Dynamics;

/// <summary>The integration method advancing stocks from one step to the next.</summary>
public enum IntegrationMethod
{
    /// <summary>Euler's method, Vensim's default.</summary>
    Euler,

    /// <summary>Second-order Runge-Kutta (Heun).</summary>
    RungeKutta2,

    /// <summary>Classical fourth-order Runge-Kutta.</summary>
    RungeKutta4,
}

/// <summary>The floating-point precision of a compiled model's arithmetic.</summary>
public enum Precision
{
    /// <summary>64-bit doubles, as Vensim DSS's double-precision builds and Stella compute.</summary>
    Double,

    /// <summary>
    /// 32-bit floats: every operation, function result, constant and stock update is rounded to single
    /// precision, as Vensim's single-precision builds compute; to reproduce their results.
    /// </summary>
    Single,
}

/// <summary>What a compiled model's machine code is made for.</summary>
public enum CompileFor
{
    /// <summary>Many runs, or long ones (sensitivity, calibration, the web): fully optimised machine code.</summary>
    ManyRuns,

    /// <summary>
    /// One run of a few thousand steps (the command line's <c>sd run</c>): a large model's generated methods are cut
    /// into parts past the size at which the JIT stops optimising them (its MinOpts), which it compiles in about half
    /// the time, and each step takes longer. On C-LEARN's 1,000 steps this saved about a quarter of the command's
    /// processor time (machine code 0.37-0.41 s instead of 0.56-0.77 s, the run 0.09 s instead of 0.06 s).
    /// </summary>
    OneRun,
}

/// <summary>A series of (x, y) points: a data variable over time, or a lookup's table.</summary>
/// <param name="X">Times or lookup inputs, increasing.</param>
/// <param name="Y">The values at those points.</param>
public sealed record DataSeries(IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>How to run a compiled model. Unset values come from the model.</summary>
public sealed record SimulationOptions
{
    /// <summary>Initial time; the model's INITIAL TIME or start when unset.</summary>
    public double? Start { get; init; }

    /// <summary>Final time; the model's FINAL TIME or stop when unset.</summary>
    public double? Stop { get; init; }

    /// <summary>Time step; the model's TIME STEP or dt when unset.</summary>
    public double? Dt { get; init; }

    /// <summary>Interval between saved rows; the model's SAVEPER (or the time step) when unset.</summary>
    public double? SaveStep { get; init; }

    /// <summary>The integration method; the model's own when unset, else Euler.</summary>
    public IntegrationMethod? Method { get; init; }

    /// <summary>Values replacing constants, by variable name (<c>name</c> for every element, or <c>name[a,b]</c>).</summary>
    public IReadOnlyDictionary<string, double> Constants { get; init; } = new Dictionary<string, double>();

    /// <summary>Tables replacing lookups, by lookup name.</summary>
    public IReadOnlyDictionary<string, DataSeries> Lookups { get; init; } = new Dictionary<string, DataSeries>();

    /// <summary>Time series feeding data variables, by variable name.</summary>
    public IReadOnlyDictionary<string, DataSeries> Data { get; init; } = new Dictionary<string, DataSeries>();

    /// <summary>Runs needing more steps than this stop with an error before starting.</summary>
    public long MaxSteps { get; init; } = 100_000_000;

    /// <summary>Runs taking longer than this stop with an error.</summary>
    public TimeSpan? MaxWallTime { get; init; }

    /// <summary>Added to the seed of every random function, to vary runs.</summary>
    public int Seed { get; init; }

    /// <summary>Receives the fraction of the run done, at most about a hundred times per run.</summary>
    public IProgress<double>? Progress { get; init; }
}
