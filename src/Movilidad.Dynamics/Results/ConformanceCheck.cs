namespace Movilidad.Dynamics.Results;

/// <summary>The outcome of checking one model against its reference output.</summary>
public enum CheckStatus
{
    /// <summary>Every compared value matched.</summary>
    Passed,

    /// <summary>The model ran but a value differs (or nothing could be compared).</summary>
    Failed,

    /// <summary>The model could not be read, compiled or run.</summary>
    Error,
}

/// <summary>One model checked against its reference output.</summary>
/// <param name="ModelPath">The model file.</param>
/// <param name="ReferencePath">The reference output used.</param>
/// <param name="Status">Passed, failed or error.</param>
/// <param name="Detail">The first differing variable and time, or the error message.</param>
public sealed record ModelCheck(string ModelPath, string ReferencePath, CheckStatus Status, string Detail);

/// <summary>Runs models that have a reference output beside them and compares, as <c>movilidad sd check</c> does.</summary>
public static class ConformanceCheck
{
    private static readonly string[] ModelExtensions = [".mdl", ".xmile", ".stmx", ".itmx"];

    /// <summary>Every model under <paramref name="directory"/> with a reference output, in a stable order.</summary>
    public static IReadOnlyList<(string Model, string Reference)> FindModels(string directory)
    {
        var found = new List<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!ModelExtensions.Contains(Path.GetExtension(file).ToLowerInvariant()))
            {
                continue;
            }

            var reference = ReferenceFor(file);
            if (reference is not null)
            {
                found.Add((file, reference));
            }
        }

        return found;
    }

    /// <summary>The reference output beside a model: output.tab, output.csv, or a Vensim .dat with the model's name.</summary>
    public static string? ReferenceFor(string model)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(model))!;
        string[] candidates =
        [
            Path.Combine(directory, "output.tab"),
            Path.Combine(directory, "output.csv"),
            Path.ChangeExtension(model, ".dat"),
        ];
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Loads, compiles and runs a model, then compares with the reference (see <see cref="ResultComparison.Compare"/>
    /// for <paramref name="relativeTolerance"/>). Data files beside the model feed its data variables; the model
    /// computes in <paramref name="precision"/> (single for references from a single-precision Vensim).
    /// </summary>
    public static ModelCheck Check(string model, string reference, TimeSpan wallTimeLimit, double relativeTolerance = ResultComparison.DefaultTolerance, Precision precision = Precision.Double, CancellationToken cancellationToken = default)
    {
        try
        {
            var compiled = SystemDynamicsModel.Load(model).Compile(precision, cancellationToken);
            var options = new SimulationOptions { MaxWallTime = wallTimeLimit, Data = DataBeside(model, reference) };
            var result = compiled.Run(options, cancellationToken);
            var report = ResultComparison.Compare(result, ReferenceOutput.Load(reference), relativeTolerance);
            if (report.Passed)
            {
                return new ModelCheck(model, reference, CheckStatus.Passed, $"{report.ComparedVariables} variables, {report.ComparedRows} rows");
            }

            var detail = report.FirstMismatch?.ToString() ?? (report.ComparedVariables == 0 ? "no variable in common with the reference" : "no time in common with the reference");
            return new ModelCheck(model, reference, CheckStatus.Failed, detail);
        }
        catch (ModelException e)
        {
            return new ModelCheck(model, reference, CheckStatus.Error, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One model exposing an engine defect must not stop the check of the others.
            return new ModelCheck(model, reference, CheckStatus.Error, $"internal error ({e.GetType().Name}): {e.Message}");
        }
    }

    private static Dictionary<string, DataSeries> DataBeside(string model, string reference)
    {
        var data = new Dictionary<string, DataSeries>(StringComparer.Ordinal);
        var directory = Path.GetDirectoryName(Path.GetFullPath(model))!;
        foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            var extension = Path.GetExtension(file).ToLowerInvariant();
            if (extension is not (".tab" or ".dat") || Path.GetFullPath(file) == Path.GetFullPath(reference) || Path.GetFileName(file).StartsWith("output", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var (name, series) in ReferenceOutput.Load(file).ToSeries())
            {
                data[name] = series;
            }
        }

        return data;
    }
}
