using System.Text;
using Movilidad.Dynamics.Builtins;
using Movilidad.Dynamics.Equations;
using Movilidad.Dynamics.Model;
using Movilidad.Dynamics.Vensim;
using Movilidad.Dynamics.Xmile;

namespace Movilidad.Dynamics;

/// <summary>The file format a model was read from.</summary>
public enum ModelFormat
{
    /// <summary>A Vensim text model (.mdl).</summary>
    Vensim,

    /// <summary>An XMILE model (.xmile, .stmx, .itmx).</summary>
    Xmile,
}

/// <summary>A model as read from a Vensim or XMILE file, before compilation.</summary>
public sealed class SystemDynamicsModel
{
    private SystemDynamicsModel(string source, ModelFormat format, string baseDirectory)
    {
        Source = source;
        Format = format;
        BaseDirectory = baseDirectory;
        DataSources = new DataSources(source);
    }

    /// <summary>The file the model came from (or the name given with a stream).</summary>
    public string Source { get; }

    /// <summary>The format the model was read from.</summary>
    public ModelFormat Format { get; }

    /// <summary>The names of the model's variables as the modelling tool writes them.</summary>
    public IReadOnlyList<string> VariableNames => [.. Main.Order.Select(v => v.Name)];

    /// <summary>
    /// The units the model declares for a variable (without Vensim's [min,max] range), or null when it declares
    /// none or the variable is unknown.
    /// </summary>
    public string? UnitsOf(string variable)
    {
        if (!Main.Variables.TryGetValue(Equations.Names.Canonical(variable), out var definition) || definition.Units is not { } units)
        {
            return null;
        }

        var range = units.IndexOf('[', StringComparison.Ordinal);
        var text = (range >= 0 ? units[..range] : units).Trim();
        return text.Length == 0 ? null : text;
    }

    internal string BaseDirectory { get; }

    internal ModelBody Main { get; } = new();

    internal Dictionary<string, DimensionDefinition> Dimensions { get; } = [];

    internal Dictionary<string, MacroDefinition> Macros { get; } = [];

    internal Dictionary<string, ModelBody> Submodels { get; } = [];

    internal SimulationSpecs Specs { get; } = new();

    internal DataSources DataSources { get; }

    /// <summary>Reads a model file; the format comes from the extension, or from the content when the extension is unknown.</summary>
    /// <exception cref="ModelException">The file is missing or is not a valid model.</exception>
    public static SystemDynamicsModel Load(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new ModelException(new Diagnostic(DiagnosticCode.ModelFileMissing), path, null, null);
        }

        using var stream = System.IO.File.OpenRead(path);
        return Load(stream, Path.GetFullPath(path));
    }

    /// <summary>Reads a model from a stream; <paramref name="fileName"/> gives the format and the folder where data files are looked for.</summary>
    /// <exception cref="ModelException">The content is not a valid model.</exception>
    public static SystemDynamicsModel Load(Stream stream, string fileName)
    {
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            stream.CopyTo(buffer);
            bytes = buffer.ToArray();
        }

        var text = Decode(bytes);
        var extension = Path.GetExtension(fileName).ToUpperInvariant();
        var format = extension switch
        {
            ".MDL" => ModelFormat.Vensim,
            ".XMILE" or ".STMX" or ".ITMX" or ".XML" => ModelFormat.Xmile,
            _ => text.TrimStart().StartsWith('<') ? ModelFormat.Xmile : ModelFormat.Vensim,
        };
        if (!LooksLikeModel(text, format))
        {
            throw new ModelException(NotAModel, fileName, null, null);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(fileName)) ?? Directory.GetCurrentDirectory();
        var model = new SystemDynamicsModel(fileName, format, directory);
        if (format == ModelFormat.Vensim)
        {
            MdlReader.Read(fileName, text, model);
        }
        else
        {
            XmileReader.Read(fileName, text, model);
        }

        return model;
    }

    /// <summary>Compiles the model into a runnable form.</summary>
    /// <exception cref="ModelException">An equation refers to something unknown, is circular, or has the wrong shape.</exception>
    public CompiledModel Compile(CancellationToken cancellationToken = default) => ModelCompiler.Compile(this, Precision.Double, CompileFor.ManyRuns, cancellationToken);

    /// <summary>Compiles the model into a runnable form computing in the given precision.</summary>
    /// <exception cref="ModelException">An equation refers to something unknown, is circular, or has the wrong shape.</exception>
    public CompiledModel Compile(Precision precision, CancellationToken cancellationToken = default) => ModelCompiler.Compile(this, precision, CompileFor.ManyRuns, cancellationToken);

    /// <summary>Compiles the model computing in the given precision, its machine code made for <paramref name="purpose"/>.</summary>
    /// <exception cref="ModelException">An equation refers to something unknown, is circular, or has the wrong shape.</exception>
    public CompiledModel Compile(Precision precision, CompileFor purpose, CancellationToken cancellationToken = default) => ModelCompiler.Compile(this, precision, purpose, cancellationToken);

    internal static readonly Diagnostic NotAModel = new Diagnostic(DiagnosticCode.NotAModel);

    /// <summary>
    /// A Vensim model is text whose equations end in '|' (a table, a CSV or notes have none); an XMILE model is XML.
    /// Binary content (control characters other than line breaks and tabs) is neither.
    /// </summary>
    private static bool LooksLikeModel(string text, ModelFormat format)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 4096));
        var control = 0;
        foreach (var c in sample)
        {
            if ((char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')) || c == '\uFFFD')
            {
                control++;
            }
        }

        if (control > sample.Length / 100)
        {
            return false;
        }

        return format == ModelFormat.Xmile ? text.TrimStart().StartsWith('<') : text.Contains('|', StringComparison.Ordinal);
    }

    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }
}
