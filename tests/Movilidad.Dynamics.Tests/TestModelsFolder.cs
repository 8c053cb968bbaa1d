namespace Movilidad.Dynamics.Tests;

/// <summary>Finds the copied SDXorg test-models folder from the test binaries, so a fresh clone needs nothing else.</summary>
internal static class TestModelsFolder
{
    public static string Root { get; } = Find();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "TestModels");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "tests")))
            {
                return candidate;
            }

            candidate = System.IO.Path.Combine(directory.FullName, "tests", "Movilidad.Dynamics.Tests", "TestModels");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            directory = directory.Parent;
        }

        throw new DirectoryNotFoundException("TestModels folder not found above " + AppContext.BaseDirectory);
    }
}
