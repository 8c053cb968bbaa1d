using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Movilidad.Web.Infrastructure.Api;

namespace Movilidad.Web.Infrastructure.Web;

public static class ErrorPages
{
    private static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");

    /// <summary>The API answers errors with problem details; pages answer with a page in the reader's language.</summary>
    public static WebApplication UseMovilidadErrorPages(this WebApplication app)
    {
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseApiStatusProblems();
            api.UseDatabaseUnavailable();
        });
        app.UseWhen(http => !IsApi(http), pages =>
        {
            pages.UseExceptionHandler("/Error");
            pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
            pages.UseDatabaseUnavailable();
        });
        return app;
    }

    /// <summary><c>/health</c> checks the database; <c>/health/live</c> answers without doing any work.</summary>
    public static WebApplication MapMovilidadHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapGet("/health/live", () => TypedResults.Text("Healthy")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
