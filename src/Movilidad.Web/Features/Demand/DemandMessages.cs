using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Movilidad.Dynamics;
using Movilidad.Dynamics.Analysis;

namespace Movilidad.Web.Features.Demand;

/// <summary>
/// The engine's messages at the web boundary, said in the reader's language from the engine's catalogue
/// (<see cref="DiagnosticTexts"/>): a refused upload or input at once, and a background run that failed from its stored code
/// and arguments (JSON in the run's <c>Error</c>), so its page says it in the language of whoever reads it.
/// </summary>
public static class DemandMessages
{
    /// <summary>The engine's message in the culture's language (the request's: <c>CultureInfo.CurrentUICulture</c>), with its file, line or element and variable.</summary>
    public static string Say(Exception error, CultureInfo culture) => error switch
    {
        ModelException m => m.Describe(culture),
        AnalysisException a => a.Describe(culture),
        _ => error.Message,
    };

    /// <summary>
    /// What a failed run keeps (at most <see cref="MaxStored"/> characters): the message as its code, arguments and place, to be
    /// said later in any language; one whose arguments are too long to keep whole is kept as its English text, shortened.
    /// </summary>
    public static string Store(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var stored = error switch
        {
            ModelException m => new JsonObject
            {
                ["diagnostic"] = Write(m.Diagnostic),
                ["file"] = m.File is null ? null : Path.GetFileName(m.File),
                ["line"] = m.Line,
                ["column"] = m.Column,
                ["element"] = m.Element,
                ["variable"] = m.Variable,
            },
            AnalysisException a => new JsonObject { ["diagnostic"] = Write(a.Diagnostic) },
            _ => new JsonObject { ["diagnostic"] = Write(new Diagnostic(DiagnosticCode.Text, ("text", error.Message))) },
        };
        var json = stored.ToJsonString();
        return json.Length <= MaxStored ? json : error.Message.Length > MaxStored ? error.Message[..MaxStored] : error.Message;
    }

    /// <summary>The length of a run's stored error.</summary>
    public const int MaxStored = 4000;

    /// <summary>A stored run error said in the culture's language; a text stored before messages had codes is said as it is.</summary>
    public static string? Read(string? stored, CultureInfo culture)
    {
        if (stored is null || !stored.StartsWith("{\"diagnostic\"", StringComparison.Ordinal))
        {
            return stored;
        }

        var node = JsonNode.Parse(stored)!.AsObject();
        var diagnostic = ReadDiagnostic(node["diagnostic"]!.AsObject());
        if (!node.ContainsKey("file"))
        {
            return diagnostic.ToString(culture);
        }

        var line = (int)node["line"]!;
        var element = (string?)node["element"];
        var error = element is null
            ? new ModelException(diagnostic, (string?)node["file"], line, (int)node["column"]!, (string?)node["variable"])
            : new ModelException(diagnostic, (string?)node["file"], line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{element} (line {line})") : element, (string?)node["variable"]);
        return error.Describe(culture);
    }

    private static JsonObject Write(Diagnostic diagnostic)
    {
        var arguments = new JsonArray();
        foreach (var argument in diagnostic.Arguments)
        {
            arguments.Add(new JsonObject
            {
                ["name"] = argument.Name,
                ["value"] = argument.Value switch
                {
                    null => null,
                    Diagnostic inner => Write(inner),
                    string text => text,
                    IConvertible number when number.GetTypeCode() is >= TypeCode.SByte and <= TypeCode.Decimal => JsonValue.Create(number.ToDouble(CultureInfo.InvariantCulture)),
                    var other => Convert.ToString(other, CultureInfo.InvariantCulture),
                },
            });
        }

        return new JsonObject { ["code"] = diagnostic.Code.ToString(), ["arguments"] = arguments };
    }

    private static Diagnostic ReadDiagnostic(JsonObject node)
    {
        var code = Enum.TryParse<DiagnosticCode>((string?)node["code"], out var known) ? known : DiagnosticCode.Text;
        var arguments = node["arguments"]!.AsArray().Select(a => new DiagnosticArgument((string)a!["name"]!, a["value"] switch
        {
            null => null,
            JsonObject inner => ReadDiagnostic(inner),
            JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.GetValue<double>(),
            var value => (object?)(string?)value,
        }));
        return new Diagnostic(code, [.. arguments]);
    }
}
