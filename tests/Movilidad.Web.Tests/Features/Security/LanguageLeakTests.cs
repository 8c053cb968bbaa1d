using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Security;

/// <summary>
/// Every main page, public and signed in, read in both languages: no known leak from the other language, no raw text
/// key (<c>Users.Grant</c>), no field or entity code (<c>twoFactor</c>, <c>indicator-report</c>), no source file name and
/// no ambiguous date (12/6/2026, 6:18 PM). What is quoted in the other language on purpose is marked with its lang.
/// </summary>
public abstract partial class LanguageLeakTests(MovilidadApp app)
{
    /// <summary>Strings seen on English pages before they were translated.</summary>
    private static readonly string[] SpanishLeaks = ["LÍNEAS DE ACCIÓN", "Secretaría", "Sin meta", "Metas y logros", "Punto focal", "Países", "Actividades del plan"];

    /// <summary>
    /// Strings seen on Spanish pages before they were translated: codes of entities and fields, English words. ("(pledges)"
    /// is not one: the UN Network's work plan itself writes "compromisos formulados (pledges)", and its items are quoted as written.)
    /// </summary>
    private static readonly string[] EnglishLeaks =
        ["account 1", "indicator-report", "plan-element", "twoFactor", "displayName", "Technical Secretariat", "Executive Secretariat", "Focal point", "Sign in"];

    [Fact]
    public async Task EveryMainPage_InBothLanguages_HasNoLeakRawKeyOrAmbiguousDate()
    {
        int element;
        await using (var db = app.CreateDb())
        {
            element = await db.PlanElements.Where(e => e.Plan!.Key == "prml-2023-2027" && e.LevelKey == "action").OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        }

        string[] publicPages =
        [
            "/", "/plans", "/plans/prml-2023-2027", $"/elements/{element}", "/roadmap", "/institutions", "/monitoring/activities", "/indicators", "/reports",
            "/pledges", "/pledges/dashboard", "/practices", "/practices/calendar", "/search?q=migraci%C3%B3n",
        ];
        string[] signedInPages = ["/audit", "/accounts/users", "/first-run", "/account/security", "/indicators/reports", "/monitoring/matrix", "/monitoring/due"];

        // The Secretariat invites someone and edits their roles first, so the audit trail has accounts and fields to name.
        var person = await app.AddPersonAsync($"leaks-{Guid.NewGuid():N}@example.org", twoFactor: true, "secretariat");
        var secretariat = await app.SignInAsync(person);
        var invited = await secretariat.PostFormAsync("/accounts/users", "/accounts/users?handler=Invite",
            new() { ["Email"] = $"leak-invited-{Guid.NewGuid():N}@example.org", ["DisplayName"] = "Invitada", ["Role"] = "focal-point", ["Country"] = "HN" });
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);

        var problems = new List<string>();
        foreach (var language in new[] { "es", "en" })
        {
            var anonymous = app.Browser();
            foreach (var client in new[] { anonymous, secretariat })
            {
                Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/language/{language}?returnUrl=/")).StatusCode);
            }

            foreach (var (client, page) in publicPages.Select(p => (anonymous, p)).Concat(signedInPages.Select(p => (secretariat, p))))
            {
                var response = await client.GetAsync(page);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    problems.Add($"{language} {page}: {response.StatusCode}");
                    continue;
                }

                var text = VisibleText(await response.Content.ReadAsStringAsync());
                var leaks = (language == "en" ? SpanishLeaks : EnglishLeaks).Where(l => text.Contains(l, StringComparison.Ordinal))
                    .Concat(RawKey().Matches(text).Select(m => "raw key " + m.Value))
                    .Concat(SourceFile().Matches(text).Select(m => "file name " + m.Value))
                    .Concat(AmbiguousDate().Matches(text).Select(m => "date " + m.Value));
                problems.AddRange(leaks.Distinct().Select(l => $"{language} {page}: {l}"));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The text a reader sees: no scripts, styles or tags, and without what is quoted in Spanish on purpose (lang="es").</summary>
    private static string VisibleText(string html)
    {
        var main = html[html.IndexOf("<body", StringComparison.Ordinal)..];
        main = NonVisible().Replace(main, " ");
        main = QuotedInSpanish().Replace(main, " ");
        return System.Net.WebUtility.HtmlDecode(Tag().Replace(main, " "));
    }

    [GeneratedRegex("<(script|style|svg)\\b.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex NonVisible();

    [GeneratedRegex("<(\\w+)\\b[^>]*\\blang=\"es\"[^>]*>[^<]*</\\1>")]
    private static partial Regex QuotedInSpanish();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("\\b[A-Z][A-Za-z]+\\.[A-Z][A-Za-z]+(?:\\.[A-Za-z]+)*\\b")]
    private static partial Regex RawKey();

    [GeneratedRegex("\\b\\d{3}_[0-9a-f]{16}\\.txt\\b")]
    private static partial Regex SourceFile();

    [GeneratedRegex("\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b\\d{1,2}:\\d{2}(?::\\d{2})? ?[AP]M\\b")]
    private static partial Regex AmbiguousDate();
}

public sealed class LanguageLeakTestsOnSqlite(SqliteApp app) : LanguageLeakTests(app), IClassFixture<SqliteApp>;

public sealed class LanguageLeakTestsOnPostgres(PostgresApp app) : LanguageLeakTests(app), IClassFixture<PostgresApp>;
