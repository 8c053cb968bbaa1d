using System.Globalization;

namespace Movilidad.Dynamics.Analysis;

/// <summary>
/// A probability distribution for a constant in a sensitivity run, sampled through its quantile function so that
/// Latin hypercube sampling stratifies every kind the same way.
/// </summary>
public abstract record Distribution
{
    /// <summary>The value below which a fraction <paramref name="p"/> of draws fall (0 &lt; p &lt; 1).</summary>
    public abstract double Quantile(double p);

    /// <summary>Uniform between <paramref name="Low"/> and <paramref name="High"/>.</summary>
    public sealed record Uniform(double Low, double High) : Distribution
    {
        /// <inheritdoc/>
        public override double Quantile(double p) => Low + ((High - Low) * p);

        /// <inheritdoc/>
        public override string ToString() => Invariant($"uniform({Low},{High})");
    }

    /// <summary>Normal with the given mean and standard deviation.</summary>
    public sealed record Normal(double Mean, double StandardDeviation) : Distribution
    {
        /// <inheritdoc/>
        public override double Quantile(double p) => Mean + (StandardDeviation * Gaussian.InverseCdf(p));

        /// <inheritdoc/>
        public override string ToString() => Invariant($"normal({Mean},{StandardDeviation})");
    }

    /// <summary>Normal with the given mean and deviation, restricted to [<paramref name="Low"/>, <paramref name="High"/>].</summary>
    public sealed record TruncatedNormal(double Mean, double StandardDeviation, double Low, double High) : Distribution
    {
        /// <inheritdoc/>
        public override double Quantile(double p)
        {
            var a = Gaussian.Cdf((Low - Mean) / StandardDeviation);
            var b = Gaussian.Cdf((High - Mean) / StandardDeviation);
            return Math.Clamp(Mean + (StandardDeviation * Gaussian.InverseCdf(a + (p * (b - a)))), Low, High);
        }

        /// <inheritdoc/>
        public override string ToString() => Invariant($"truncnormal({Mean},{StandardDeviation},{Low},{High})");
    }

    /// <summary>Triangular between <paramref name="Low"/> and <paramref name="High"/> peaking at <paramref name="Mode"/>.</summary>
    public sealed record Triangular(double Low, double Mode, double High) : Distribution
    {
        /// <inheritdoc/>
        public override double Quantile(double p)
        {
            var width = High - Low;
            if (width == 0)
            {
                return Low;
            }

            var split = (Mode - Low) / width;
            return p < split
                ? Low + Math.Sqrt(p * width * (Mode - Low))
                : High - Math.Sqrt((1 - p) * width * (High - Mode));
        }

        /// <inheritdoc/>
        public override string ToString() => Invariant($"triangular({Low},{Mode},{High})");
    }

    /// <summary>One of <paramref name="Values"/>, each equally likely.</summary>
    public sealed record Discrete(IReadOnlyList<double> Values) : Distribution
    {
        /// <inheritdoc/>
        public override double Quantile(double p) => Values[Math.Min(Values.Count - 1, (int)(p * Values.Count))];

        /// <inheritdoc/>
        public override string ToString() => "discrete(" + string.Join(',', Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + ")";
    }

    /// <summary>
    /// Reads a distribution as written on the command line: <c>uniform(LOW,HIGH)</c>, <c>normal(MEAN,SD)</c>,
    /// <c>truncnormal(MEAN,SD,LOW,HIGH)</c>, <c>triangular(LOW,MODE,HIGH)</c>, <c>discrete(V1,V2,...)</c>.
    /// </summary>
    /// <exception cref="AnalysisException">The text is not one of these, or its numbers are inconsistent (LOW &gt; HIGH, SD &lt; 0...).</exception>
    public static Distribution Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0 || !text.TrimEnd().EndsWith(')'))
        {
            throw new AnalysisException(new Diagnostic(DiagnosticCode.NotADistribution, ("text", text)));
        }

        var kind = text[..open].Trim().ToUpperInvariant();
        var inside = text[(open + 1)..text.LastIndexOf(')')];
        var numbers = new List<double>();
        foreach (var part in inside.Split(','))
        {
            if (!double.TryParse(part.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            {
                throw new AnalysisException(new Diagnostic(DiagnosticCode.NumberInTextNotNumber, ("value", part.Trim()), ("text", text)));
            }

            numbers.Add(number);
        }

        Distribution distribution = kind switch
        {
            "UNIFORM" when numbers.Count == 2 => new Uniform(numbers[0], numbers[1]),
            "NORMAL" when numbers.Count == 2 => new Normal(numbers[0], numbers[1]),
            "TRUNCNORMAL" or "TRUNCATEDNORMAL" when numbers.Count == 4 => new TruncatedNormal(numbers[0], numbers[1], numbers[2], numbers[3]),
            "TRIANGULAR" when numbers.Count == 3 => new Triangular(numbers[0], numbers[1], numbers[2]),
            "DISCRETE" when numbers.Count >= 1 => new Discrete(numbers),
            "UNIFORM" or "NORMAL" or "TRUNCNORMAL" or "TRUNCATEDNORMAL" or "TRIANGULAR" =>
                throw new AnalysisException(new Diagnostic(DiagnosticCode.DistributionArity, ("text", text), ("count", numbers.Count), ("kind", kind.ToLowerInvariant()), ("arity", Arity(kind)))),
            _ => throw new AnalysisException(new Diagnostic(DiagnosticCode.UnknownDistribution, ("kind", text[..open].Trim()))),
        };
        distribution.Validate(text);
        return distribution;
    }

    private static string Arity(string kind) => kind switch
    {
        "UNIFORM" => "2 (LOW,HIGH)",
        "NORMAL" => "2 (MEAN,SD)",
        "TRIANGULAR" => "3 (LOW,MODE,HIGH)",
        _ => "4 (MEAN,SD,LOW,HIGH)",
    };

    /// <summary>Refuses parameters that describe no distribution.</summary>
    /// <exception cref="AnalysisException">LOW &gt; HIGH, a negative deviation, a mode outside its range.</exception>
    public void Validate(string? written = null)
    {
        var name = written ?? ToString();
        switch (this)
        {
            case Uniform u when u.Low > u.High:
                throw new AnalysisException(new Diagnostic(DiagnosticCode.DistributionLowGreaterThanHigh, ("name", name), ("low", Format(u.Low)), ("high", Format(u.High))));
            case Normal n when n.StandardDeviation < 0:
                throw new AnalysisException(new Diagnostic(DiagnosticCode.StandardDeviationNegative, ("name", name)));
            case TruncatedNormal t when t.Low > t.High:
                throw new AnalysisException(new Diagnostic(DiagnosticCode.DistributionLowGreaterThanHigh, ("name", name), ("low", Format(t.Low)), ("high", Format(t.High))));
            case TruncatedNormal t when t.StandardDeviation <= 0:
                throw new AnalysisException(new Diagnostic(DiagnosticCode.StandardDeviationNotPositive, ("name", name)));
            case Triangular t when t.Low > t.High:
                throw new AnalysisException(new Diagnostic(DiagnosticCode.DistributionLowGreaterThanHigh, ("name", name), ("low", Format(t.Low)), ("high", Format(t.High))));
            case Triangular t when t.Mode < t.Low || t.Mode > t.High:
                throw new AnalysisException(new Diagnostic(DiagnosticCode.ModeOutsideRange, ("name", name), ("mode", Format(t.Mode))));
            case Discrete d when d.Values.Count == 0:
                throw new AnalysisException(new Diagnostic(DiagnosticCode.DiscreteWithoutValues, ("name", name)));
            default:
                break;
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
