namespace Movilidad.Dynamics.Tests;

/// <summary>Finds the published models copied into <c>bench/models</c> (World3-03, C-LEARN) from the test binaries.</summary>
internal static class BenchModelsFolder
{
    public static string Path(string file)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "bench", "models", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            directory = directory.Parent;
        }

        throw new FileNotFoundException("bench/models/" + file + " not found above " + AppContext.BaseDirectory);
    }
}
