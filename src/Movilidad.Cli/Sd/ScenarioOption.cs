using System.CommandLine;
using Movilidad.Dynamics;
using Movilidad.Dynamics.Analysis;

namespace Movilidad.Cli.Sd;

/// <summary><c>--scenario FILE.cin</c>, shared by sd run, sensitivity and calibrate.</summary>
internal static class ScenarioOption
{
    public static Option<FileInfo> Create() =>
        new("--scenario") { Description = "A Vensim changes file (.cin) whose constants and lookups override the model's" };

    /// <summary>The options a changes file gives (none without a file).</summary>
    /// <exception cref="AnalysisException">A line of the file is not a change.</exception>
    public static SimulationOptions Read(FileInfo? file) =>
        file is null ? new SimulationOptions() : ChangesFile.Read(file.FullName).ApplyTo(new SimulationOptions());
}
