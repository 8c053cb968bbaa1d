namespace Movilidad.Dynamics.Tests;

/// <summary>Finds files of the repository (<c>bench/models</c>, <c>data/models</c>, <c>data/records</c>) from the test binaries.</summary>
internal static class RepositoryFolder
{
    public static string File(params string[] parts)
    {
        var relative = Path.Combine(parts);
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (System.IO.File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }

            directory = directory.Parent;
        }

        throw new FileNotFoundException(relative + " not found above " + AppContext.BaseDirectory);
    }
}
