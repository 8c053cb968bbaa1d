namespace Movilidad.Dynamics.Builtins;

/// <summary>
/// The mutable part of one run that is not a number in the state array: tables (which a run may override),
/// fixed-delay pipelines and random streams. One per run, so compiled models stay shareable.
/// </summary>
internal sealed class RunContext(LookupTable[] tables, int delayLines, int randomStreams, int slotCount)
{
    public LookupTable[] Tables { get; } = tables;

    public DelayLine[] Lines { get; } = new DelayLine[delayLines];

    public Random[] Randoms { get; } = new Random[randomStreams];

    /// <summary>Slots whose value was set from outside (overrides, run control) and must not be recomputed.</summary>
    public bool[] Fixed { get; } = new bool[slotCount];

    public int Seed { get; set; }

    public static double StartLine(RunContext context, int line, double delay, double dt, double initial)
    {
        var length = Math.Max(1, (int)Math.Round(delay / dt, MidpointRounding.AwayFromZero));
        context.Lines[line] = new DelayLine(length, initial);
        return initial;
    }

    public static double Uniform(RunContext context, int stream, double min, double max, double seed)
    {
        var random = context.Randoms[stream] ??= new Random(unchecked((int)seed + context.Seed));
        return min + ((max - min) * random.NextDouble());
    }

    /// <summary>XMILE EXPRND: exponentially distributed with the given mean.</summary>
    public static double Exponential(RunContext context, int stream, double mean, double seed)
    {
        var random = context.Randoms[stream] ??= new Random(unchecked((int)seed + context.Seed));
        return -mean * Math.Log(1.0 - random.NextDouble());
    }

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
        var random = context.Randoms[stream] ??= new Random(unchecked((int)seed + context.Seed));
        var limit = Math.Exp(-mean);
        var count = 0;
        var product = random.NextDouble();
        while (product > limit && count < 100_000)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }

    public static double Normal(RunContext context, int stream, double min, double max, double mean, double sd, double seed)
    {
        var random = context.Randoms[stream] ??= new Random(unchecked((int)seed + context.Seed));
        double value;
        var attempts = 0;
        do
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
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

    public static double Output(DelayLine line) => line._buffer[line._head];

    public static void Push(DelayLine line, double input)
    {
        line._buffer[line._head] = input;
        line._head = line._head + 1 == line._buffer.Length ? 0 : line._head + 1;
    }
}
