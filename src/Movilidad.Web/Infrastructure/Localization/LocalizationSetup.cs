using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Movilidad.Web.Infrastructure.Localization;

public static class LocalizationSetup
{
    public static readonly CultureInfo[] Cultures = [Unambiguous("es"), Unambiguous("en")];

    /// <summary>
    /// A culture whose dates read the same in every country of the region: the day, the month by name and the year
    /// (6 dic 2026, 6 Dec 2026), never 12/6/2026; times on the 24-hour clock (18:05).
    /// </summary>
    private static CultureInfo Unambiguous(string name)
    {
        var culture = new CultureInfo(name);
        var format = culture.DateTimeFormat;
        format.ShortDatePattern = "d MMM yyyy";
        format.LongDatePattern = "d MMMM yyyy";
        format.ShortTimePattern = "HH:mm";
        format.LongTimePattern = "HH:mm:ss";
        format.FullDateTimePattern = "d MMMM yyyy HH:mm:ss";
        format.MonthDayPattern = "d MMMM";
        format.YearMonthPattern = "MMMM yyyy";
        return culture;
    }

    public static IServiceCollection AddMovilidadLocalization(this IServiceCollection services)
    {
        services.AddSingleton<TextLocalizer>();
        services.AddSingleton<IStringLocalizer>(sp => sp.GetRequiredService<TextLocalizer>());
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("es");
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary><c>GET /language/{culture}?returnUrl=</c>: remembers the choice in a cookie and goes back.</summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/language/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            if (!Cultures.Any(c => c.Name == culture))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: $"culture: '{culture}' is not es or en.");
            }

            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
            var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                ? returnUrl
                : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
