namespace Movilidad.Web.Infrastructure.Observability;

/// <summary>What an operator sees of the running platform (section <c>Observability</c>).</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>Where Prometheus scrapes the metrics.</summary>
    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>
    /// The bearer token a scrape must send (<c>Authorization: Bearer ...</c>). Without one the scrape endpoint is not
    /// served at all: request counts and latencies by route are not for everyone to read.
    /// </summary>
    public string? MetricsToken { get; set; }

    /// <summary>A database command slower than this is logged as a warning with its text (never its parameters).</summary>
    public int SlowQueryMilliseconds { get; set; } = 500;

    /// <summary>Whether the heavy pages' code runs once at start, so the first person after a start does not wait for the JIT.</summary>
    public bool WarmUp { get; set; } = true;
}
