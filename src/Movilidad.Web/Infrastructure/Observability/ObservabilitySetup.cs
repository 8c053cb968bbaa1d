using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Movilidad.Platform.Data;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Movilidad.Web.Infrastructure.Observability;

/// <summary>
/// What an operator sees: OpenTelemetry metrics and traces of requests (by route), outgoing HTTP calls and database
/// commands, served to Prometheus on a token-protected path; JSON console logs in production; a correlation id on every
/// log line of a request and on the error page; the heavy pages run once at start.
/// </summary>
public static class ObservabilitySetup
{
    /// <summary>The meter and source of the platform's own measures (imports, exports).</summary>
    public const string PlatformSource = "Movilidad";

    public static WebApplicationBuilder AddMovilidadObservability(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ObservabilityOptions.Section);
        builder.Services.AddOptions<ObservabilityOptions>().Bind(section);
        var options = section.Get<ObservabilityOptions>() ?? new ObservabilityOptions();

        if (builder.Environment.IsProduction())
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        builder.Services.AddSingleton<DatabaseTelemetry>();
        builder.Services.ConfigureDbContext<MovilidadDb>((services, db) => db.AddInterceptors(services.GetRequiredService<DatabaseTelemetry>()));

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("movilidad"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddMeter(DatabaseTelemetry.SourceName, PlatformSource, "Npgsql", "Microsoft.EntityFrameworkCore");
                if (options.MetricsToken is { Length: > 0 })
                {
                    metrics.AddPrometheusExporter();
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = http => !http.Request.Path.StartsWithSegments(options.MetricsPath))
                    .AddHttpClientInstrumentation()
                    .AddSource(DatabaseTelemetry.SourceName, PlatformSource, "Npgsql");

                // Spans leave the process only when a collector is named (the standard OTEL_EXPORTER_OTLP_ENDPOINT).
                if (builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 })
                {
                    tracing.AddOtlpExporter();
                }
            });

        if (options.WarmUp)
        {
            builder.Services.AddHostedService<StartupWarmUp>();
        }

        return builder;
    }

    /// <summary>Puts the request's correlation id on every log line written while it runs, and on the response.</summary>
    public static WebApplication UseCorrelation(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Movilidad.Requests");
        app.Use(async (http, next) =>
        {
            var id = CorrelationId(http);

            // Set as the response starts: an error page clears the headers set before it.
            http.Response.OnStarting(() =>
            {
                http.Response.Headers["X-Correlation-Id"] = id;
                return Task.CompletedTask;
            });
            using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
            {
                await next(http);
            }
        });
        return app;
    }

    /// <summary>The id that ties an error page, its log lines and its trace together: the trace id when there is one.</summary>
    public static string CorrelationId(HttpContext http) => Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier;

    /// <summary>
    /// The Prometheus scrape endpoint, served only when <c>Observability:MetricsToken</c> is set and answered only to a
    /// request that sends it as a bearer token (compared in constant time).
    /// </summary>
    public static WebApplication MapMovilidadMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
        if (options.MetricsToken is not { Length: > 0 } token)
        {
            return app;
        }

        var expected = Encoding.UTF8.GetBytes("Bearer " + token);
        app.UseWhen(http => http.Request.Path.Equals(options.MetricsPath, StringComparison.Ordinal), scrape => scrape.Use(async (http, next) =>
        {
            var sent = Encoding.UTF8.GetBytes(http.Request.Headers.Authorization.ToString());
            if (!CryptographicOperations.FixedTimeEquals(sent, expected))
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            await next(http);
        }));
        app.MapPrometheusScrapingEndpoint(options.MetricsPath).AllowAnonymous();
        return app;
    }
}
