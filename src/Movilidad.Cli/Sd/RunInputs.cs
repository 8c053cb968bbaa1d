using System.CommandLine;
using Movilidad.Dynamics;
using Movilidad.Dynamics.Analysis;
using Movilidad.Dynamics.Results;

namespace Movilidad.Cli.Sd;

/// <summary>What feeds every run of the sd commands besides the model: a scenario (<c>.cin</c>) and data files.</summary>
internal static class RunInputs
{
    public static Option<FileInfo> ScenarioOption() =>
        new("--scenario") { Description = "A Vensim changes file (.cin) whose constants and lookups override the model's" };

    public static Option<FileInfo[]> DataOption(string name) =>
        new(name) { Description = "A data file (.tab, .csv, .dat) feeding data variables (repeatable)" };

    /// <summary>The options the scenario and the data files give (nothing set without them).</summary>
    /// <exception cref="AnalysisException">A line of the changes file is not a change.</exception>
    /// <exception cref="ModelException">A data file cannot be read.</exception>
    public static SimulationOptions Read(FileInfo? scenario, IEnumerable<FileInfo> dataFiles)
    {
        var options = scenario is null ? new SimulationOptions() : ChangesFile.Read(scenario.FullName).ApplyTo(new SimulationOptions());
        var data = new Dictionary<string, DataSeries>(StringComparer.Ordinal);
        foreach (var file in dataFiles)
        {
            foreach (var (name, series) in ReferenceOutput.Load(file.FullName).ToSeries())
            {
                data[name] = series;
            }
        }

        return options with { Data = data };
    }
}
