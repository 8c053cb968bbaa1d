using System.Globalization;
using System.Text;

namespace Movilidad.Dynamics;

/// <summary>One named argument of a <see cref="Diagnostic"/>: a name its texts refer to as <c>{name}</c> or <c>{name:format}</c>, and its value.</summary>
/// <param name="Name">The name the message texts use.</param>
/// <param name="Value">A number, a text, or another diagnostic (said in the same language).</param>
public readonly record struct DiagnosticArgument(string Name, object? Value);

/// <summary>
/// A message of the engine as a stable <see cref="DiagnosticCode"/> and named arguments, said in English or Spanish by
/// <see cref="ToString(CultureInfo)"/> from the catalogue in <see cref="DiagnosticTexts"/>. The engine's exceptions carry one,
/// so a page says the message in its reader's language and the command line in English.
/// </summary>
public sealed class Diagnostic
{
    /// <summary>Creates a diagnostic with its code and arguments.</summary>
    public Diagnostic(DiagnosticCode code, IReadOnlyList<DiagnosticArgument> arguments)
    {
        Code = code;
        Arguments = arguments;
    }

    /// <summary>Creates a diagnostic from (name, value) pairs.</summary>
    public Diagnostic(DiagnosticCode code, params (string Name, object? Value)[] arguments)
        : this(code, [.. arguments.Select(a => new DiagnosticArgument(a.Name, a.Value))])
    {
    }

    /// <summary>What is wrong, stable across versions and languages.</summary>
    public DiagnosticCode Code { get; }

    /// <summary>The values the message names (variables, numbers, lines).</summary>
    public IReadOnlyList<DiagnosticArgument> Arguments { get; }

    /// <summary>The value of the named argument, or null.</summary>
    public object? this[string name] => Arguments.FirstOrDefault(a => a.Name == name).Value;

    /// <summary>The message in English, numbers written invariantly: what the command line and the exception's Message say.</summary>
    public override string ToString() => ToString(CultureInfo.InvariantCulture);

    /// <summary>The message in the culture's language (Spanish for any <c>es</c> culture, English otherwise), numbers written in that culture (English ones invariantly).</summary>
    public string ToString(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var spanish = DiagnosticTexts.IsSpanish(culture);
        var template = DiagnosticTexts.Template(Code, spanish);
        var numbers = spanish ? culture : CultureInfo.InvariantCulture;
        var sb = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c != '{')
            {
                sb.Append(c);
                continue;
            }

            var close = template.IndexOf('}', i);
            var hole = template[(i + 1)..close];
            var colon = hole.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? hole : hole[..colon];
            var format = colon < 0 ? null : hole[(colon + 1)..];
            sb.Append(Say(this[name], format, culture, numbers));
            i = close;
        }

        return sb.ToString();
    }

    private static string Say(object? value, string? format, CultureInfo culture, CultureInfo numbers) => value switch
    {
        null => string.Empty,
        Diagnostic inner => inner.ToString(culture),
        IFormattable formattable => formattable.ToString(format, numbers),
        _ => value.ToString() ?? string.Empty,
    };
}
