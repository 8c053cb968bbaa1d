namespace Movilidad.Dynamics.Builtins;

/// <summary>
/// The mutable part of one run that is not a number in the state array: tables (which a run may override),
/// fixed-delay pipelines and random streams. One per run at a time, reused by the next run of the same buffer,
/// so compiled models stay shareable and repeated runs allocate nothing.
/// </summary>
internal sealed class RunContext(LookupTable[] tables, int delayLines, int randomStreams, int slotCount)
{
    public LookupTable[] Tables { get; } = tables;

    public DelayLine?[] Lines { get; } = new DelayLine?[delayLines];

    /// <summary>The state of each random stream (SplitMix64), seeded on the stream's first draw of a run.</summary>
    private readonly ulong[] _randomState = new ulong[randomStreams];

    private readonly bool[] _randomStarted = new bool[randomStreams];

    /// <summary>Slots whose value was set from outside (overrides, run control) and must not be recomputed.</summary>
    public bool[] Fixed { get; } = new bool[slotCount];

    public int Seed { get; set; }

    /// <summary>Makes the context ready for a new run: the model's own tables, nothing fixed, streams unseeded.</summary>
    public void Reset(LookupTable[] modelTables, int seed)
    {
        Array.Copy(modelTables, Tables, modelTables.Length);
        Array.Clear(Fixed);
        Array.Clear(_randomStarted);
        Seed = seed;
    }

    public static double StartLine(RunContext context, int line, double delay, double dt, double initial)
    {
        var length = Math.Max(1, (int)Math.Round(delay / dt, MidpointRounding.AwayFromZero));
        if (context.Lines[line] is { } existing && existing.Length == length)
        {
            existing.Fill(initial);
        }
        else
        {
            context.Lines[line] = new DelayLine(length, initial);
        }

        return initial;
    }

    /// <summary>
    /// The next number in [0, 1) of a stream. Each stream is seeded from the function's seed argument plus the run's
    /// seed, so two runs with the same seeds draw the same numbers and runs of a Monte Carlo set differ.
    /// </summary>
    private double Next(int stream, double seed)
    {
        if (!_randomStarted[stream])
        {
            _randomStarted[stream] = true;
            _randomState[stream] = unchecked((ulong)(long)((int)seed + Seed) * 0x9E3779B97F4A7C15UL) ^ 0xD1B54A32D192ED03UL;
        }

        var z = unchecked(_randomState[stream] += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    public static double Uniform(RunContext context, int stream, double min, double max, double seed) =>
        min + ((max - min) * context.Next(stream, seed));

    /// <summary>XMILE EXPRND: exponentially distributed with the given mean.</summary>
    public static double Exponential(RunContext context, int stream, double mean, double seed) =>
        -mean * Math.Log(1.0 - context.Next(stream, seed));

    /// <summary>XMILE LOGNORMAL: exp of a normal draw, parameterised by the mean and deviation of the result.</summary>
    public static double LogNormal(RunContext context, int stream, double mean, double sd, double seed)
    {
        var variance = Math.Log(1 + (sd * sd / (mean * mean)));
        var mu = Math.Log(mean) - (variance / 2);
        return Math.Exp(Normal(context, stream, double.NegativeInfinity, double.PositiveInfinity, mu, Math.Sqrt(variance), seed));
    }

    /// <summary>XMILE POISSON: Knuth's product-of-uniforms method, adequate for the small means models use.</summary>
    public static double Poisson(RunContext context, int stream, double mean, double seed)
    {
        var limit = Math.Exp(-mean);
        var count = 0;
        var product = context.Next(stream, seed);
        while (product > limit && count < 100_000)
        {
            count++;
            product *= context.Next(stream, seed);
        }

        return count;
    }

    public static double Normal(RunContext context, int stream, double min, double max, double mean, double sd, double seed)
    {
        double value;
        var attempts = 0;
        do
        {
            var u1 = 1.0 - context.Next(stream, seed);
            var u2 = context.Next(stream, seed);
            value = mean + (sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
            attempts++;
        }
        while ((value < min || value > max) && attempts < 1000);

        return Math.Clamp(value, min, max);
    }
}

/// <summary>The pipeline of DELAY FIXED: a ring buffer sized delay/dt when the run starts.</summary>
internal sealed class DelayLine
{
    private readonly double[] _buffer;
    private int _head;

    public DelayLine(int length, double initial)
    {
        _buffer = new double[length];
        Array.Fill(_buffer, initial);
    }

    public int Length => _buffer.Length;

    public void Fill(double initial)
    {
        Array.Fill(_buffer, initial);
        _head = 0;
    }

    public static double Output(DelayLine line) => line._buffer[line._head];

    public static void Push(DelayLine line, double input)
    {
        line._buffer[line._head] = input;
        line._head = line._head + 1 == line._buffer.Length ? 0 : line._head + 1;
    }
}
