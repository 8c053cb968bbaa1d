using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Movilidad.Dynamics;

/// <summary>
/// A model that cannot be read, compiled or run. The message names the file, the place in it
/// (line and column, or XMILE element), the variable and what is wrong; <see cref="Diagnostic"/> holds what is wrong as a
/// code with its arguments, and <see cref="Describe"/> says the whole in English or Spanish.
/// </summary>
public sealed partial class ModelException : Exception
{
    /// <summary>Creates an error located in a model file.</summary>
    public ModelException(Diagnostic problem, string? file, int line, int column, string? variable)
        : base(Say(problem, file, line, column, null, variable, CultureInfo.InvariantCulture))
    {
        Diagnostic = problem;
        File = file;
        Line = line;
        Column = column;
        Variable = variable;
    }

    /// <summary>Creates an error located at an XMILE element (as the reader writes it, "&lt;aux name="x"&gt; (line 12)") or with no precise place.</summary>
    public ModelException(Diagnostic problem, string? file, string? element, string? variable)
        : this(problem, file, SplitElement(element), variable)
    {
    }

    /// <summary>Creates an error with only a description.</summary>
    public ModelException(Diagnostic problem)
        : this(problem, null, null, null)
    {
    }

    /// <summary>Creates an error from a text that is not in the engine's catalogue (said as given in every language).</summary>
    public ModelException(string message)
        : this(Given(message))
    {
    }

    /// <summary>Creates an error from a text that is not in the engine's catalogue, wrapping the failure that caused it.</summary>
    public ModelException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostic = Given(message);
    }

    /// <summary>Creates an error with no description; prefer a constructor that says what is wrong.</summary>
    public ModelException()
        : this("the model is invalid")
    {
    }

    private ModelException(Diagnostic problem, string? file, (string? Element, int Line) place, string? variable)
        : base(Say(problem, file, place.Line, 0, place.Element, variable, CultureInfo.InvariantCulture))
    {
        Diagnostic = problem;
        File = file;
        Element = place.Element;
        Line = place.Line;
        Variable = variable;
    }

    /// <summary>An error at a location written by the readers: "file:line:column" for Vensim, an element path for XMILE.</summary>
    internal static ModelException At(Diagnostic problem, string? file, string location, string? variable)
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

    /// <summary>What is wrong, as a code and its arguments.</summary>
    public Diagnostic Diagnostic { get; }

    /// <summary>What is wrong, in English, without the location.</summary>
    public string Problem => Diagnostic.ToString(CultureInfo.InvariantCulture);

    /// <summary>The model or data file, when known.</summary>
    public string? File { get; }

    /// <summary>1-based line in the file (of the error in a Vensim file, of the element in an XMILE file), 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column in a Vensim file, 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The XMILE element holding the error, when the model is XMILE.</summary>
    public string? Element { get; }

    /// <summary>The variable whose equation is wrong, when there is one.</summary>
    public string? Variable { get; }

    /// <summary>The whole message (file, line or element, variable, what is wrong) in the culture's language: Spanish for <c>es</c>, English otherwise.</summary>
    public string Describe(CultureInfo culture) => Say(Diagnostic, File, Line, Column, Element, Variable, culture);

    private static Diagnostic Given(string message) => new(DiagnosticCode.Text, ("text", message));

    private static (string? Element, int Line) SplitElement(string? element)
    {
        if (element is not null && ElementLine().Match(element) is { Success: true } m)
        {
            return (m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        }

        return (element, 0);
    }

    [GeneratedRegex(@"^(.*) \(line (\d+)\)$", RegexOptions.Singleline)]
    private static partial Regex ElementLine();

    private static string Say(Diagnostic problem, string? file, int line, int column, string? element, string? variable, CultureInfo culture)
    {
        var sb = new StringBuilder();
        if (file is not null)
        {
            var name = Path.GetFileName(file);
            sb.Append(element is null && line > 0
                ? new Diagnostic(DiagnosticCode.LocationFileLine, ("file", name), ("line", line), ("column", column)).ToString(culture)
                : new Diagnostic(DiagnosticCode.LocationFile, ("file", name)).ToString(culture));
        }

        if (element is not null)
        {
            sb.Append(line > 0
                ? new Diagnostic(DiagnosticCode.LocationElementLine, ("element", element), ("line", line)).ToString(culture)
                : new Diagnostic(DiagnosticCode.LocationElement, ("element", element)).ToString(culture));
        }

        if (variable is not null)
        {
            sb.Append(new Diagnostic(DiagnosticCode.LocationVariable, ("variable", variable)).ToString(culture));
        }

        sb.Append(problem.ToString(culture));
        return sb.ToString();
    }
}
