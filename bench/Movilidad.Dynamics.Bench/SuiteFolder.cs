namespace Movilidad.Dynamics.Bench;

/// <summary>The suite copied into the test project, found from the working directory or the binaries.</summary>
internal static class SuiteFolder
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "tests", "Movilidad.Dynamics.Tests", "TestModels");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("tests/Movilidad.Dynamics.Tests/TestModels not found; run from the repository");
    }
}
