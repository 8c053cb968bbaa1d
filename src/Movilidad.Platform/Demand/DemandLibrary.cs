using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Movilidad.Dynamics;

namespace Movilidad.Platform.Demand;

/// <summary>A file uploaded with a model.</summary>
public sealed record UploadedFile(string FileName, byte[] Content);

/// <summary>
/// Reads model files with the engine: an upload is kept only when it reads and compiles (the engine's message, with
/// its line and variable, otherwise); versions are read back from their stored text, their data files beside them.
/// Compiled models are kept per version hash, since a version's text never changes.
/// </summary>
public static class DemandLibrary
{
    /// <summary>The largest model file accepted (the largest published Vensim models are a few megabytes).</summary>
    public const int MaxModelBytes = 20_000_000;

    private static readonly ConcurrentDictionary<string, Lazy<CompiledModel>> Compiled = new(StringComparer.Ordinal);

    /// <summary>Reads and compiles an upload; the version (not yet added to a model) or the engine's refusal.</summary>
    public static (DemandModelVersion? Version, ModelException? Error) Read(UploadedFile model, IReadOnlyList<UploadedFile> dataFiles, string uploadedBy, DateTime at)
    {
        var text = Encoding.UTF8.GetString(model.Content);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var version = new DemandModelVersion
        {
            FileName = Path.GetFileName(model.FileName),
            Format = "vensim",
            Source = text,
            Sha256 = Hash(model, dataFiles),
            UploadedBy = uploadedBy,
            UploadedAt = at,
            DataFiles = [.. dataFiles.Select(f => new DemandDataFile { FileName = Path.GetFileName(f.FileName), Content = f.Content })],
        };
        try
        {
            var compiled = Compile(version);
            version.Format = compiled.Model.Format == ModelFormat.Xmile ? "xmile" : "vensim";
            version.VariableCount = compiled.Model.Describe().Count(v => v.Kind != StructureKind.Control);
            return (version, null);
        }
        catch (ModelException e)
        {
            Compiled.TryRemove(version.Sha256, out _);
            return (null, e);
        }
    }

    /// <summary>The version's model, compiled once per process.</summary>
    /// <exception cref="ModelException">The stored text no longer compiles (an engine change).</exception>
    public static CompiledModel Compile(DemandModelVersion version)
    {
        var lazy = Compiled.GetOrAdd(version.Sha256, _ => new Lazy<CompiledModel>(() => CompileFresh(version)));
        try
        {
            return lazy.Value;
        }
        catch (ModelException)
        {
            Compiled.TryRemove(version.Sha256, out _);
            throw;
        }
    }

    /// <summary>Reads and compiles the version's text; with data files, in a temporary folder that holds them beside the model.</summary>
    private static CompiledModel CompileFresh(DemandModelVersion version)
    {
        if (version.DataFiles.Count == 0)
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(version.Source));
            return SystemDynamicsModel.Load(stream, Path.Combine(Path.GetTempPath(), version.FileName)).Compile();
        }

        var folder = Directory.CreateTempSubdirectory("movilidad-model-");
        try
        {
            foreach (var file in version.DataFiles)
            {
                File.WriteAllBytes(Path.Combine(folder.FullName, Path.GetFileName(file.FileName)), file.Content);
            }

            var path = Path.Combine(folder.FullName, version.FileName);
            File.WriteAllText(path, version.Source, new UTF8Encoding(false));
            return SystemDynamicsModel.Load(path).Compile();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A slug for a title or file name: lower-case ASCII letters, digits and single hyphens.</summary>
    public static string Slug(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder();
        foreach (var c in normalized)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
    }

    private static string Hash(UploadedFile model, IReadOnlyList<UploadedFile> dataFiles)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in dataFiles.OrderBy(f => f.FileName, StringComparer.Ordinal).Prepend(model))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file.FileName) + "\n" + file.Content.Length + "\n"));
            sha.AppendData(file.Content);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
