namespace Movilidad.Dynamics.Analysis;

/// <summary>A sensitivity run, a calibration or a scenario that cannot be carried out as asked (bad ranges, bad data, limits).</summary>
public sealed class AnalysisException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public AnalysisException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public AnalysisException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public AnalysisException()
    {
    }
}
