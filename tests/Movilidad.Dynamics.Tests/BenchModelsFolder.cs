namespace Movilidad.Dynamics.Tests;

/// <summary>Finds the published models copied into <c>bench/models</c> (World3-03, C-LEARN) from the test binaries.</summary>
internal static class BenchModelsFolder
{
    public static string Path(string file) => RepositoryFolder.File("bench", "models", file);
}
