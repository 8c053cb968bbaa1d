extern alias cli;

using System.CommandLine;
using System.Globalization;
using SdCommand = cli::Movilidad.Cli.Sd.SdCommand;

namespace Movilidad.Web.Tests.Cli;

/// <summary>Runs <c>movilidad sd ...</c> in process, as a modeller would type it, capturing both streams.</summary>
internal static class SdCli
{
    public static (int Exit, string Out, string Error) Run(params string[] args) => RunIn(null, args);

    /// <summary>As <see cref="Run"/>, with the locale read from <paramref name="environment"/> (the process's when null).</summary>
    public static (int Exit, string Out, string Error) RunIn(Func<string, string?>? environment, params string[] args)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var root = new RootCommand { SdCommand.Create(environment) };
        var exit = root.Parse(["sd", .. args]).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Writes a file in <paramref name="folder"/> (creating subfolders) and returns its path.</summary>
    public static string Write(DirectoryInfo folder, string name, string text)
    {
        var path = Path.Combine(folder.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
