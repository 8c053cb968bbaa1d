using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.SocialSecurity;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.SocialSecurity;

/// <summary>
/// The social-security instruments registry and the portability checker, answered from the shipped, sourced registry.
/// The expected answers below were worked out by hand from <c>data/agreements/social-security.yaml</c> and
/// <c>data/social-security/*.yaml</c> (the parties' statuses as their sources give them):
/// Canada and the United States: agreement in force since 1984 (SSA, POMS GN 01701.005), old age, invalidity, survivors;
/// Canada and Mexico: agreement in force (Service Canada), the same branches; El Salvador and the Dominican Republic:
/// both apply the Ibero-American Multilateral Agreement (OISS, Spain's Social Security), old age, invalidity, survivors
/// and work injury; Mexico and the United States: the 2004 totalisation agreement is signed, not in force (SSA 2019,
/// GAO); Costa Rica and Nicaragua: the 1967 Central American agreement is ratified by Nicaragua, Costa Rica's status not
/// verified, and Nicaragua has not signed the Ibero-American one, so no instrument applies.
/// </summary>
public abstract class PortabilityTests(MovilidadApp app)
{
    private async Task<JsonElement> CheckAsync(string query)
    {
        var response = await app.Browser().GetAsync($"/api/social-security/portability?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Pair(JsonElement answer, string a, string b) =>
        answer.GetProperty("pairs").EnumerateArray().Single(p => p.GetProperty("a").GetString() == a && p.GetProperty("b").GetString() == b);

    private static List<string?> Keys(JsonElement list) => [.. list.EnumerateArray().Select(i => i.GetProperty("key").GetString())];

    private static JsonElement Detail(JsonElement answer, string country) =>
        answer.GetProperty("details").EnumerateArray().Single(d => d.GetProperty("country").GetString() == country);

    [Theory]
    [InlineData("CA", "US", "employee", "ca-us-social-security", "old-age invalidity survivors", "")]
    [InlineData("US", "CA", "employee", "ca-us-social-security", "old-age invalidity survivors", "")]
    [InlineData("US", "CA", "self-employed", "ca-us-social-security", "old-age invalidity survivors", "")]
    [InlineData("CA", "MX", "employee", "ca-mx-social-security", "old-age invalidity survivors", "")]
    [InlineData("MX", "CA", "employee", "ca-mx-social-security", "old-age invalidity survivors", "")]
    [InlineData("SV", "DO", "employee", "cmiss", "old-age invalidity survivors work-injury", "")]
    [InlineData("DO", "SV", "employee", "cmiss", "old-age invalidity survivors work-injury", "")]
    [InlineData("DO", "SV", "self-employed", "cmiss", "old-age invalidity survivors work-injury", "")]
    [InlineData("MX", "US", "employee", "", "", "us-mx-totalization")]
    [InlineData("US", "MX", "employee", "", "", "us-mx-totalization")]
    [InlineData("US", "MX", "self-employed", "", "", "us-mx-totalization")]
    [InlineData("CR", "NI", "employee", "", "", "ca-multilateral-1967")]
    [InlineData("NI", "CR", "employee", "", "", "ca-multilateral-1967")]
    [InlineData("GT", "HN", "employee", "", "", "ca-multilateral-1967")]
    [InlineData("HN", "GT", "self-employed", "", "", "ca-multilateral-1967")]
    [InlineData("SV", "ES", "employee", "cmiss", "old-age invalidity survivors work-injury", "")]
    [InlineData("ES", "SV", "employee", "cmiss", "old-age invalidity survivors work-injury", "")]
    [InlineData("BZ", "PA", "employee", "", "", "")]
    [InlineData("PA", "BZ", "self-employed", "", "", "")]
    public async Task Pair_AnswersAsItsSourcesSay_InBothDirections(string a, string b, string status, string applies, string branches, string notApplying)
    {
        var answer = await CheckAsync($"countries={a},{b}&status={status}");
        Assert.Equal(status, answer.GetProperty("status").GetString());
        var pair = Pair(answer, a, b);
        Assert.Equal(applies.Length == 0 ? [] : [applies], Keys(pair.GetProperty("applies")));
        Assert.Equal(notApplying.Length == 0 ? [] : [notApplying], Keys(pair.GetProperty("notApplying")));
        Assert.Equal(applies.Length > 0, answer.GetProperty("anyInstrument").GetBoolean());
        if (applies.Length > 0)
        {
            var instrument = pair.GetProperty("applies")[0];
            Assert.Equal(branches, string.Join(' ', instrument.GetProperty("branches").EnumerateArray().Select(x => x.GetString())));
            Assert.Equal($"/agreements/{applies}", instrument.GetProperty("path").GetString());
            Assert.NotEmpty(instrument.GetProperty("sources").EnumerateArray());

            // Covered by an agreement with every other country: no voluntary enrolment to offer, nothing more to do.
            Assert.All(answer.GetProperty("details").EnumerateArray(), d => Assert.True(d.GetProperty("covered").GetBoolean()));
            Assert.All(answer.GetProperty("details").EnumerateArray(), d => Assert.Empty(d.GetProperty("options").EnumerateArray()));
            Assert.Equal(JsonValueKind.Null, answer.GetProperty("whatToDo").ValueKind);
        }
        else
        {
            // No instrument found: said so, with what to do, in both languages.
            Assert.All(answer.GetProperty("details").EnumerateArray(), d => Assert.False(d.GetProperty("covered").GetBoolean()));
            Assert.StartsWith("What to do:", answer.GetProperty("whatToDo").GetProperty("en").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("Qué hacer:", answer.GetProperty("whatToDo").GetProperty("es").GetString(), StringComparison.Ordinal);
        }

        // Every answer says where to ask in the member states (the registry names no institution of Spain).
        Assert.All(answer.GetProperty("details").EnumerateArray().Where(d => d.GetProperty("country").GetString() != "ES"), d => Assert.NotEmpty(d.GetProperty("institutions").EnumerateArray()));
    }

    /// <summary>
    /// Belize and Panama: no agreement of the registry names both (the Ibero-American one lists them as not signed, the
    /// 1967 Central American one does not list Belize): no instrument, said so with what to do, and each country's
    /// voluntary enrolment options (Belize's voluntary contributor is for people not self-employed, its self-employed
    /// scheme for them; Panama's voluntary insurance says nothing of it). The page says the same.
    /// </summary>
    [Fact]
    public async Task APairWithNoData_SaysNoInstrumentWasFound_WithWhatToDo_OnTheApiAndThePage()
    {
        var employee = await CheckAsync("countries=BZ,PA&status=employee");
        Assert.Empty(Pair(employee, "BZ", "PA").GetProperty("applies").EnumerateArray());
        Assert.Empty(Pair(employee, "BZ", "PA").GetProperty("notApplying").EnumerateArray());
        Assert.Equal(["bz-ssb-self-employed", "bz-ssb-voluntary-contributor"], Keys(Detail(employee, "BZ").GetProperty("options")));
        Assert.Equal(["pa-css-seguro-voluntario"], Keys(Detail(employee, "PA").GetProperty("options")));
        var self = await CheckAsync("countries=BZ,PA&status=self-employed");
        Assert.Equal(["bz-ssb-self-employed"], Keys(Detail(self, "BZ").GetProperty("options")));
        Assert.Equal(["pa-css-seguro-voluntario"], Keys(Detail(self, "PA").GetProperty("options")));

        foreach (var (language, expected) in new[] { ("en", "What to do: keep proof"), ("es", "Qué hacer: conserve las pruebas") })
        {
            var response = await app.ClientIn(language).GetAsync("/social-security/portability?country=BZ&country=PA&status=self-employed");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("data-testid=\"no-instrument\"", html, StringComparison.Ordinal);
            Assert.Contains(expected, html, StringComparison.Ordinal);
            Assert.Contains(language == "en" ? "No social-security agreement in force between Belize and Panama" : "ningún convenio de seguridad social en vigor entre Belice y Panamá", html, StringComparison.Ordinal);
            Assert.Equal(2, Regex.Count(html, "data-testid=\"option\""));
        }
    }

    /// <summary>
    /// Three countries, self-employed, worked out by hand: El Salvador and the Dominican Republic apply the Ibero-American
    /// agreement; Guatemala has signed neither it nor (as far as a source says) anything with the Dominican Republic, and
    /// the 1967 Central American agreement's statuses for El Salvador and Guatemala are not verified. So only one pair is
    /// covered, every country has an uncovered pair, and the self-employed options are offered: El Salvador's ISSS scheme
    /// for the self-employed, Guatemala's IGSS voluntary cover; the Dominican Republic's option abroad is for employees only.
    /// </summary>
    [Fact]
    public async Task ThreeCountries_SelfEmployed_OnePairCovered_OptionsForEachCountryWithAnUncoveredPair()
    {
        var answer = await CheckAsync("countries=SV,DO,GT&status=self-employed&years=3,5,2");
        Assert.Equal(["cmiss"], Keys(Pair(answer, "SV", "DO").GetProperty("applies")));
        Assert.Equal(8, Pair(answer, "SV", "DO").GetProperty("yearsTogether").GetInt32());
        Assert.Empty(Keys(Pair(answer, "SV", "GT").GetProperty("applies")));
        Assert.Equal(["ca-multilateral-1967"], Keys(Pair(answer, "SV", "GT").GetProperty("notApplying")));
        Assert.Empty(Keys(Pair(answer, "DO", "GT").GetProperty("applies")));
        Assert.Empty(Keys(Pair(answer, "DO", "GT").GetProperty("notApplying")));
        Assert.True(answer.GetProperty("anyInstrument").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, answer.GetProperty("whatToDo").ValueKind);
        Assert.All(answer.GetProperty("details").EnumerateArray(), d => Assert.False(d.GetProperty("covered").GetBoolean()));
        Assert.Equal(["sv-isss-independientes"], Keys(Detail(answer, "SV").GetProperty("options")));
        Assert.Empty(Keys(Detail(answer, "DO").GetProperty("options")));
        Assert.Equal(["gt-igss-cobertura-voluntaria-independientes"], Keys(Detail(answer, "GT").GetProperty("options")));
    }

    [Fact]
    public async Task ThreeCountries_AnswerEveryPair_AndOfferVoluntaryEnrolmentOnlyWhereAPairHasNoAgreement()
    {
        var answer = await CheckAsync("countries=CA,MX,US&status=employee&years=10,4,6");
        Assert.Equal(3, answer.GetProperty("pairs").GetArrayLength());
        Assert.Equal(["ca-mx-social-security"], Keys(Pair(answer, "CA", "MX").GetProperty("applies")));
        Assert.Equal(["ca-us-social-security"], Keys(Pair(answer, "CA", "US").GetProperty("applies")));
        Assert.Empty(Keys(Pair(answer, "MX", "US").GetProperty("applies")));
        Assert.Equal(["us-mx-totalization"], Keys(Pair(answer, "MX", "US").GetProperty("notApplying")));
        Assert.Equal(14, Pair(answer, "CA", "MX").GetProperty("yearsTogether").GetInt32());
        Assert.Equal(16, Pair(answer, "CA", "US").GetProperty("yearsTogether").GetInt32());
        Assert.Equal(JsonValueKind.Null, Pair(answer, "MX", "US").GetProperty("yearsTogether").ValueKind);

        Assert.True(Detail(answer, "CA").GetProperty("covered").GetBoolean());
        Assert.Empty(Detail(answer, "CA").GetProperty("options").EnumerateArray());
        Assert.Equal(["mx-imss-continuacion-voluntaria", "mx-imss-incorporacion-voluntaria", "mx-imss-seguro-salud-familia"], Keys(Detail(answer, "MX").GetProperty("options")));

        // The United States: no option was read, and the answer says so (the file's gap), rather than nothing.
        var us = Detail(answer, "US");
        Assert.Empty(us.GetProperty("options").EnumerateArray());
        Assert.Contains("not verified", us.GetProperty("optionsGap").GetProperty("en").GetString(), StringComparison.Ordinal);
        Assert.Equal(["US-SSA"], us.GetProperty("institutions").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
        // Canada: Service Canada, which pays the pensions of its agreements abroad (its archived page, ca-servicecanada-intl).
        Assert.Equal(["CA-SC"], Detail(answer, "CA").GetProperty("institutions").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task SelfEmployed_KeepsOnlyOptionsOpenToThem_SourcedOnesFirst()
    {
        var self = await CheckAsync("countries=GT,MX&status=self-employed");
        Assert.Equal("self-employed", self.GetProperty("status").GetString());
        Assert.Equal(["gt-igss-cobertura-voluntaria-independientes"], Keys(Detail(self, "GT").GetProperty("options")));
        Assert.Equal(["mx-imss-continuacion-voluntaria", "mx-imss-incorporacion-voluntaria", "mx-imss-seguro-salud-familia"], Keys(Detail(self, "MX").GetProperty("options")));

        // Costa Rica's voluntary insurance is for people without an income-generating activity (selfEmployed: false).
        var employee = await CheckAsync("countries=CR,NI&status=employee");
        Assert.Equal(["cr-ccss-asegurado-voluntario", "cr-ccss-trabajador-independiente"], Keys(Detail(employee, "CR").GetProperty("options")));
        var independent = await CheckAsync("countries=NI,CR&status=self-employed");
        Assert.Equal(["cr-ccss-trabajador-independiente"], Keys(Detail(independent, "CR").GetProperty("options")));
        Assert.Equal(["ni-inss-seguro-facultativo"], Keys(Detail(independent, "NI").GetProperty("options")));
    }

    [Theory]
    [InlineData("countries=GT", "countries")]
    [InlineData("countries=GT,MX,US,CA", "countries")]
    [InlineData("countries=GT,GT", "countries")]
    [InlineData("countries=GT,XX", "countries")]
    [InlineData("countries=GT,MX&status=retired", "status")]
    [InlineData("countries=GT,MX&years=-3,2", "years")]
    [InlineData("countries=GT,MX&years=5", "years")]
    [InlineData("countries=GT,MX&years=abc,2", "years")]
    [InlineData("", "countries")]
    public async Task BadQuestion_IsA400NamingTheField(string query, string field)
    {
        var response = await app.Browser().GetAsync($"/api/social-security/portability?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.NotEmpty(messages[0].GetString()!);
    }

    [Fact]
    public async Task Instruments_ListTheAgreementsByKeyOnce_AndTheIloConventionsWithEachStatesStatus()
    {
        var list = await app.Browser().GetFromJsonAsync<JsonElement>("/api/social-security/instruments");
        var keys = Keys(list);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        await using var db = app.CreateDb();
        var agreements = await db.Agreements.Where(a => a.Subject == "social-security" && a.Content != null).Select(a => a.Key).ToListAsync();
        Assert.Subset(keys.ToHashSet(), agreements.ToHashSet<string?>());
        Assert.Subset(keys.ToHashSet(), new HashSet<string?> { "c097", "c102", "c118", "c143", "c157", "c189" });
        var c097 = list.EnumerateArray().Single(i => i.GetProperty("key").GetString() == "c097");
        Assert.Equal("ilo-convention", c097.GetProperty("kind").GetString());
        var bz = c097.GetProperty("countries").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "BZ");
        Assert.Equal("ratified", bz.GetProperty("status").GetString());
        Assert.Contains("ilo-normlex-c097", bz.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        var cmiss = list.EnumerateArray().Single(i => i.GetProperty("key").GetString() == "cmiss");
        Assert.Equal("/agreements/cmiss", cmiss.GetProperty("page").GetString());

        var forBelize = Keys(await app.Browser().GetFromJsonAsync<JsonElement>("/api/social-security/instruments?country=BZ"));
        Assert.Contains("c097", forBelize);
        Assert.DoesNotContain("ca-us-social-security", forBelize);

        // Every source the registry cites is loaded, and a convention is findable by the platform-wide search.
        var references = (await db.SourceReferences.Select(r => r.Key).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        Assert.All(list.EnumerateArray().SelectMany(i => i.GetProperty("sources").EnumerateArray()), s => Assert.Contains(s.GetString()!, references));
        var entry = (await db.IloConventions.SingleAsync(c => c.Key == "c189")).ToSearchEntry()!;
        Assert.Equal(("instrument", "/social-security/instruments/c189", 2011), (entry.Kind, entry.Path, entry.Year));
        Assert.Contains("MX", entry.Countries);
        Assert.StartsWith("C189: Domestic Workers", entry.TitleEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_IsRepeatable_AndBringsTheRowsUpToTheFiles()
    {
        await using var db = app.CreateDb();
        var before = (await db.IloConventions.CountAsync(), await db.EnrolmentOptions.CountAsync(), await db.NationalBodies.CountAsync(), await db.CountryGaps.CountAsync());
        Assert.Equal(14, before.Item2);
        var loader = new SocialSecurityLoader(db, TimeProvider.System);
        await loader.LoadAsync(Path.Combine(LocalizationTests.RepositoryRoot(), "data"));
        Assert.Equal(before, (await db.IloConventions.CountAsync(), await db.EnrolmentOptions.CountAsync(), await db.NationalBodies.CountAsync(), await db.CountryGaps.CountAsync()));
    }

    [Theory]
    [InlineData("es", "Acuerdo sobre Seguridad Social entre Canadá y los Estados Unidos de América", "no una decisión legal")]
    [InlineData("en", "Agreement on Social Security between Canada and the United States of America", "not a legal decision")]
    public async Task Guide_IsAPdfOfThePairReadBackAsText_AndRendersToPng(string language, string instrument, string disclaimer)
    {
        var response = await app.Browser().GetAsync($"/api/social-security/guide?countries=CA,US,MX&status=self-employed&language={language}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        var folder = Path.Combine(LocalizationTests.RepositoryRoot(), "artifacts", "social-security-guide");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{app.Provider}-{language}.pdf".ToLowerInvariant());
        await File.WriteAllBytesAsync(file, pdf);
        var text = Run("pdftotext", file, "-").Replace("\n", " ", StringComparison.Ordinal);
        Assert.Contains(instrument, text, StringComparison.Ordinal);
        Assert.Contains(disclaimer, text, StringComparison.Ordinal);
        Assert.Contains("https://www.ssa.gov", text, StringComparison.Ordinal);
        Assert.Contains(language == "es" ? "Incorporación Voluntaria al Régimen Obligatorio del IMSS" : "Voluntary Incorporation into the IMSS Compulsory Scheme", text, StringComparison.Ordinal);
        Assert.Contains(language == "es" ? "No se encontró en el registro ningún convenio" : "No social-security agreement in force between United States of America and Mexico", text, StringComparison.Ordinal);

        foreach (var old in Directory.GetFiles(folder, Path.GetFileNameWithoutExtension(file) + "-*.png"))
        {
            File.Delete(old);
        }

        Run("pdftoppm", "-png", "-r", "60", file, Path.Combine(folder, Path.GetFileNameWithoutExtension(file)));
        var pages = Directory.GetFiles(folder, Path.GetFileNameWithoutExtension(file) + "-*.png");
        Assert.True(pages.Length >= 2, $"{pages.Length} pages");
        Assert.All(pages, p => Assert.True(new FileInfo(p).Length > 3000, $"{p}: a blank page?"));

        var bad = await app.Browser().GetAsync("/api/social-security/guide?countries=CA,US&language=fr");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("language", out _));
    }

    [Theory]
    [InlineData("/social-security", "instruments-ilo-convention")]
    [InlineData("/social-security/instruments/c097", "ilo.org/dyn/normlex")]
    [InlineData("/search?q=convenio", "<span class=\"kind\">ILO convention</span>")]
    [InlineData("/social-security/portability", "name=\"country\"")]
    [InlineData("/social-security/portability?country=MX&country=US&status=employee", "data-testid=\"no-instrument\"")]
    [InlineData("/social-security/portability?country=CA&country=US&status=employee&years=3&years=", "data-testid=\"applies\"")]
    [InlineData("/social-security/portability?country=GT&country=GT", "data-testid=\"errors\"")]
    public async Task Pages_Answer(string page, string expected)
    {
        var response = await app.Browser().GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownConvention_IsNotFound() =>
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync("/social-security/instruments/c999")).StatusCode);

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start; test.sh installs it (poppler-utils).");
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed ({process.ExitCode})");
        return output;
    }
}

public sealed class PortabilityTestsOnSqlite(SqliteApp app) : PortabilityTests(app), IClassFixture<SqliteApp>;

public sealed class PortabilityTestsOnPostgres(PostgresApp app) : PortabilityTests(app), IClassFixture<PostgresApp>;
