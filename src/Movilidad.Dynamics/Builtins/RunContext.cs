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

    /// <summary>Starts the pipeline of a DELAY MATERIAL: the initial value comes out for the first delay/dt steps.</summary>
    public static double StartMaterialLine(RunContext context, int line, double delay, double dt, double initial)
    {
        var pipeline = context.Lines[line] as MaterialLine ?? new MaterialLine();
        pipeline.Start(delay, dt, initial);
        context.Lines[line] = pipeline;
        return initial;
    }

    /// <summary>Starts the pipeline of a DELAY INFORMATION: the initial value holds until the first input is due.</summary>
    public static double StartInformationLine(RunContext context, int line, double delay, double dt, double initial)
    {
        var pipeline = context.Lines[line] as InformationLine ?? new InformationLine();
        pipeline.Start(delay, dt, initial);
        context.Lines[line] = pipeline;
        return initial;
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
internal class DelayLine
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

/// <summary>
/// A pipeline whose delay may change (DELAY MATERIAL, DELAY INFORMATION): what enters at a step is due delay/dt steps
/// later (at least one), the delay taken when it enters. Kept per due step in a ring that grows with the longest delay.
/// </summary>
internal abstract class ScheduledLine : DelayLine
{
    private double _dt = 1;

    protected ScheduledLine()
        : base(1, 0)
    {
    }

    protected double[] Values { get; private set; } = new double[16];

    /// <summary>The step at which the value due at each slot entered (the latest, when several are due together).</summary>
    protected long[] Entries { get; private set; } = new long[16];

    protected bool[] Present { get; private set; } = new bool[16];

    protected long Step { get; private set; }

    protected int Slot(long step) => (int)(step % Values.Length);

    /// <summary>Empties the pipeline for a new run and returns the number of steps the delay at the start spans.</summary>
    protected int Restart(double delay, double dt)
    {
        _dt = dt;
        Step = 0;
        Array.Clear(Values);
        Array.Clear(Entries);
        Array.Clear(Present);
        var steps = Steps(delay);
        Reserve(steps);
        return steps;
    }

    /// <summary>The slot at which this step's input, delayed by <paramref name="delay"/>, is due.</summary>
    protected int DueSlot(double delay)
    {
        var steps = Steps(delay);
        Reserve(steps);
        return Slot(Step + steps);
    }

    /// <summary>Empties the current step's slot and moves on to the next step.</summary>
    protected void Advance()
    {
        var now = Slot(Step);
        Values[now] = 0;
        Present[now] = false;
        Step++;
    }

    private int Steps(double delay) =>
        double.IsFinite(delay) ? Math.Max(1, (int)Math.Round(delay / _dt, MidpointRounding.AwayFromZero)) : 1;

    /// <summary>Makes room for a value due <paramref name="steps"/> ahead, keeping every pending value at its step.</summary>
    private void Reserve(int steps)
    {
        if (steps < Values.Length)
        {
            return;
        }

        var capacity = Values.Length;
        while (capacity <= steps)
        {
            capacity *= 2;
        }

        var values = new double[capacity];
        var entries = new long[capacity];
        var present = new bool[capacity];
        for (var k = Step; k < Step + Values.Length; k++)
        {
            var from = Slot(k);
            var to = (int)(k % capacity);
            values[to] = Values[from];
            entries[to] = Entries[from];
            present[to] = Present[from];
        }

        Values = values;
        Entries = entries;
        Present = present;
    }
}

/// <summary>
/// Vensim's DELAY MATERIAL(input, delay time, initial value, missing value): DELAY FIXED with a delay that may change.
/// When the delay shortens, what enters may be due at the same step as earlier input and the two are added; when it
/// lengthens, a step at which nothing is due gives the missing value. The initial value leaves during the first
/// delay/dt steps, as in DELAY FIXED.
/// </summary>
internal sealed class MaterialLine : ScheduledLine
{
    public void Start(double delay, double dt, double initial)
    {
        var steps = Restart(delay, dt);
        for (var k = 0; k < steps; k++)
        {
            Values[k] = initial;
            Present[k] = true;
        }
    }

    /// <summary>What leaves at the current step: the sum of what was due now, or <paramref name="missing"/> if nothing was.</summary>
    public static double Output(DelayLine pipeline, double missing)
    {
        var line = (MaterialLine)pipeline;
        var slot = line.Slot(line.Step);
        return line.Present[slot] ? line.Values[slot] : missing;
    }

    /// <summary>Schedules this step's input to leave after <paramref name="delay"/>, then moves on to the next step.</summary>
    public static void Push(DelayLine pipeline, double input, double delay)
    {
        var line = (MaterialLine)pipeline;
        var due = line.DueSlot(delay);
        line.Values[due] = line.Present[due] ? line.Values[due] + input : input;
        line.Present[due] = true;
        line.Advance();
    }
}

/// <summary>
/// Vensim's DELAY INFORMATION(input, delay time, initial value): DELAY FIXED with a delay that may change. When the
/// delay shortens, earlier input still on its way is discarded once more recent input has come out ("replaced by more
/// recent inputs"); when it lengthens, the value that came out last is held until the next one is due. So the output
/// never leaves the range of the input and the initial value. The initial value holds until the first input is due.
/// </summary>
internal sealed class InformationLine : ScheduledLine
{
    private double _held;
    private long _heldEntry;

    public void Start(double delay, double dt, double initial)
    {
        Restart(delay, dt);
        _held = initial;
        _heldEntry = -1;
    }

    public static double Latest(DelayLine pipeline) => ((InformationLine)pipeline)._held;

    /// <summary>Schedules this step's input after <paramref name="delay"/>, moves on, and takes what is due then if it is newer.</summary>
    public static void Push(DelayLine pipeline, double input, double delay)
    {
        var line = (InformationLine)pipeline;
        var due = line.DueSlot(delay);
        line.Values[due] = input;
        line.Entries[due] = line.Step;
        line.Present[due] = true;
        line.Advance();
        var now = line.Slot(line.Step);
        if (line.Present[now] && line.Entries[now] > line._heldEntry)
        {
            line._held = line.Values[now];
            line._heldEntry = line.Entries[now];
        }
    }
}
