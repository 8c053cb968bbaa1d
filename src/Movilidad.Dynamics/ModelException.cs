using System.Globalization;
using System.Text;

namespace Movilidad.Dynamics;

/// <summary>
/// A model that cannot be read, compiled or run. The message names the file, the place in it
/// (line and column, or XMILE element), the variable and what is wrong.
/// </summary>
public sealed class ModelException : Exception
{
    /// <summary>Creates an error located in a model file.</summary>
    public ModelException(string problem, string? file, int line, int column, string? variable)
        : base(Format(problem, file, line, column, null, variable))
    {
        Problem = problem;
        File = file;
        Line = line;
        Column = column;
        Variable = variable;
    }

    /// <summary>Creates an error located at an XMILE element or with no precise place.</summary>
    public ModelException(string problem, string? file, string? element, string? variable)
        : base(Format(problem, file, 0, 0, element, variable))
    {
        Problem = problem;
        File = file;
        Element = element;
        Variable = variable;
    }

    /// <summary>Creates an error with only a description.</summary>
    public ModelException(string problem)
        : this(problem, null, null, null)
    {
    }

    /// <summary>Creates an error wrapping the failure that caused it.</summary>
    public ModelException(string problem, Exception innerException)
        : base(problem, innerException)
    {
        Problem = problem;
    }

    /// <summary>Creates an error with no description; prefer a constructor that says what is wrong.</summary>
    public ModelException()
        : this("the model is invalid")
    {
    }

    /// <summary>An error at a location written by the readers: "file:line:column" for Vensim, an element path for XMILE.</summary>
    internal static ModelException At(string problem, string? file, string location, string? variable)
    {
        var parts = location.Split(':');
        if (parts.Length >= 3 &&
            int.TryParse(parts[^2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var line) &&
            int.TryParse(parts[^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var column))
        {
            return new ModelException(problem, file, line, column, variable);
        }

        return new ModelException(problem, file, location.Length == 0 ? null : location, variable);
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; } = string.Empty;

    /// <summary>The model or data file, when known.</summary>
    public string? File { get; }

    /// <summary>1-based line in a Vensim file, 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column in a Vensim file, 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The XMILE element holding the error, when the model is XMILE.</summary>
    public string? Element { get; }

    /// <summary>The variable whose equation is wrong, when there is one.</summary>
    public string? Variable { get; }

    private static string Format(string problem, string? file, int line, int column, string? element, string? variable)
    {
        var sb = new StringBuilder();
        if (file is not null)
        {
            sb.Append(Path.GetFileName(file));
            if (line > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $":{line}:{column}");
            }

            sb.Append(": ");
        }

        if (element is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"in {element}: ");
        }

        if (variable is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"variable '{variable}': ");
        }

        sb.Append(problem);
        return sb.ToString();
    }
}
