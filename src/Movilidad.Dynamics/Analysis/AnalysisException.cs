using System.Globalization;

namespace Movilidad.Dynamics.Analysis;

/// <summary>
/// A sensitivity run, a calibration or a scenario that cannot be carried out as asked (bad ranges, bad data, limits).
/// <see cref="Diagnostic"/> holds what is wrong as a code with its arguments; the message is its English text.
/// </summary>
public sealed class AnalysisException : Exception
{
    /// <summary>Creates the exception from a message of the engine's catalogue.</summary>
    public AnalysisException(Diagnostic diagnostic)
        : base(diagnostic?.ToString(CultureInfo.InvariantCulture))
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        Diagnostic = diagnostic;
    }

    /// <summary>Creates the exception from a text that is not in the engine's catalogue (said as given in every language).</summary>
    public AnalysisException(string message)
        : this(message, null!)
    {
    }

    /// <summary>Creates the exception from a text that is not in the engine's catalogue, with its cause.</summary>
    public AnalysisException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostic = new Diagnostic(DiagnosticCode.Text, ("text", message));
    }

    /// <summary>Creates the exception without a message.</summary>
    public AnalysisException()
        : this("the analysis cannot be carried out")
    {
    }

    /// <summary>What is wrong, as a code and its arguments.</summary>
    public Diagnostic Diagnostic { get; }

    /// <summary>The message in the culture's language: Spanish for <c>es</c>, English otherwise.</summary>
    public string Describe(CultureInfo culture) => Diagnostic.ToString(culture);
}
