using System.ComponentModel.DataAnnotations;

namespace Movilidad.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for the embedded SQLite database, relative to the content root unless absolute.</summary>
    [Required]
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>Folder of the content to load; the shipped <c>data/</c> folder beside the binaries unless set.</summary>
    public string? ContentDirectory { get; set; }

    /// <summary>Loads the shipped plans and reference tables on start (an upgrade never duplicates nor overwrites edits).</summary>
    public bool LoadContent { get; set; } = true;

    /// <summary>How often a web node reads the stored data version to see content changes made by other nodes or the command line.</summary>
    [Range(20, 60_000)]
    public int VersionPollMilliseconds { get; set; } = 250;
}
