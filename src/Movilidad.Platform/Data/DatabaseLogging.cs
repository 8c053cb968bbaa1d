using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Movilidad.Platform.Data;

public static class DatabaseLogging
{
    /// <summary>
    /// A logger from the host's logging, reached through the context the code already holds: the writes, imports and
    /// exports are functions over the context, not services, so they need no logger of their own passed in.
    /// </summary>
    public static ILogger Logger(this MovilidadDb db, string category) => db.GetService<ILoggerFactory>().CreateLogger(category);
}
