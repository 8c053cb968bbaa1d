namespace Movilidad.Platform.Data;

/// <summary>The folder of shipped content (<c>data/</c> in the repository, copied beside the binaries on build).</summary>
public static class ShippedData
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "data");
}

/// <summary>A shipped data file that cannot be loaded; the message names the file and the element.</summary>
public sealed class DataFileException(string file, string message, Exception? inner = null)
    : Exception($"{file}: {message}", inner)
{
    public string File { get; } = file;

    /// <summary>The data-file error behind a start-up failure, however the host wrapped it.</summary>
    public static DataFileException? Find(Exception? e) => e switch
    {
        DataFileException d => d,
        AggregateException a => a.InnerExceptions.Select(Find).FirstOrDefault(d => d is not null),
        null => null,
        _ => Find(e.InnerException),
    };
}
