using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Practices;
using Movilidad.Platform.Search;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Search;

/// <summary>
/// The platform-wide search on each database, through <c>/api/search</c> and <c>/search</c>: relevance on a fixed set of
/// bilingual queries, phrases, ranking, snippets, facets, paging, who finds what, the index kept in step with saves,
/// and bad input. Each test writes practices with a word of its own, so tests do not see each other's.
/// </summary>
public abstract class SearchTests(MovilidadApp app)
{
    private readonly HttpClient anonymous = app.ClientIn("es");

    private async Task<int> PracticeAsync(string titleEs, string titleEn, string textEs, string textEn, bool published = true, string country = "GT")
    {
        await using var db = app.CreateDb();
        var institution = await db.Institutions.Where(i => i.CountryCode == country).Select(i => i.Id).FirstAsync();
        var practice = new Practice
        {
            Title = new(titleEs, titleEn), Summary = Bilingual.Empty, Body = new(textEs, textEn), InstitutionId = institution,
            Status = published ? PracticeStatus.Published : PracticeStatus.Submitted, SubmittedAt = DateTime.UtcNow, PublishedAt = published ? new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc) : null,
            Countries = [new() { CountryCode = country }], GcmObjectives = [new() { Objective = 6 }],
        };
        db.Practices.Add(practice);
        await db.SaveChangesAsync();
        return practice.Id;
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/search?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string> Paths(JsonElement answer) =>
        answer.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("path").GetString()!).ToList();

    private static string Q(string q) => "q=" + Uri.EscapeDataString(q);

    [Fact]
    public async Task Search_SpanishPluralFeminine_FindsSingularMasculine()
    {
        var found = await PracticeAsync("Apoyo al trabajador migrante en Alfaqueta", "Support for the migrant worker in Alfaqueta", "Orientación en el consulado.", "Guidance at the consulate.");
        var other = await PracticeAsync("Alfaqueta: ferias de empleo", "Alfaqueta: job fairs", "Ferias.", "Fairs.");
        var paths = Paths(await SearchAsync(anonymous, Q("alfaqueta trabajadoras migrantes")));
        Assert.Equal([$"/practices/{found}"], paths);
        Assert.DoesNotContain($"/practices/{other}", paths);
    }

    [Theory]
    [InlineData("BORINQUELA MIGRACIÓN laboral")]
    [InlineData("borinquela migracion LABORAL")]
    [InlineData("Borinquela Migración Laborales")]
    public async Task Search_AccentsAndCase_AreIgnored(string query)
    {
        var id = await PracticeAsync($"Borinquela {query.Length}: migración laboral ordenada", "Orderly labour migration", "Texto.", "Text.");
        Assert.Contains($"/practices/{id}", Paths(await SearchAsync(anonymous, Q(query))));
    }

    [Fact]
    public async Task Search_QuotedPhrase_FindsOnlyTheWordsTogether()
    {
        var together = await PracticeAsync("Cantamorra", "Cantamorra", "La contratación equitativa de jornaleros.", "Fair recruitment of day labourers.");
        var apart = await PracticeAsync("Cantamorra", "Cantamorra", "Una contratación que no fue equitativa ni justa.", "A recruitment that was not fair.");
        var phrase = Paths(await SearchAsync(anonymous, Q("cantamorra \"contratación equitativa\"")));
        Assert.Equal([$"/practices/{together}"], phrase);
        var words = Paths(await SearchAsync(anonymous, Q("cantamorra contratación equitativa")));
        Assert.Contains($"/practices/{together}", words);
        Assert.Contains($"/practices/{apart}", words);
    }

    [Fact]
    public async Task Search_EnglishQuery_FindsEnglishTextByItsStems()
    {
        var id = await PracticeAsync("Pelendrina", "Pelendrina", "Formación.", "The ministry trained recruiters and employers on ethical recruitment.");
        var answer = await SearchAsync(app.ClientIn("en"), Q("pelendrina training recruiter"));
        Assert.Equal([$"/practices/{id}"], Paths(answer));
        Assert.Contains("<mark>", answer.GetProperty("results")[0].GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WordInTheTitle_RanksBeforeTheWordInTheText()
    {
        var inText = await PracticeAsync("Un programa de la región", "A programme of the region", "El programa trata de la tormenquia de la región.", "About tormenquia.");
        var inTitle = await PracticeAsync("Tormenquia en la región", "Tormenquia in the region", "Un texto sin la palabra.", "A text.");
        Assert.Equal([$"/practices/{inTitle}", $"/practices/{inText}"], Paths(await SearchAsync(anonymous, Q("tormenquia"))));
    }

    [Fact]
    public async Task Search_Snippet_MarksTheWordsAndEscapesTheRest()
    {
        await PracticeAsync("Quelbrantina", "Quelbrantina", "Un texto con <script>alert(1)</script> & la palabra quelbrantina en medio de otras.", "English.");
        var result = (await SearchAsync(anonymous, Q("quelbrantina"))).GetProperty("results")[0];
        var snippet = result.GetProperty("snippet").GetString()!;
        Assert.Contains("<mark>quelbrantina</mark>", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<", snippet.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("Quelbrantina", result.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Search_Facets_CountTheResultsAndFilterThem()
    {
        await PracticeAsync("Vadomiel en Honduras", "Vadomiel in Honduras", "Texto.", "Text.", country: "HN");
        await PracticeAsync("Vadomiel en Honduras, otra", "Vadomiel in Honduras, another", "Texto.", "Text.", country: "HN");
        var mexico = await PracticeAsync("Vadomiel en México", "Vadomiel in Mexico", "Texto.", "Text.", country: "MX");
        var all = await SearchAsync(anonymous, Q("vadomiel"));
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        var countries = all.GetProperty("facets").GetProperty("country").EnumerateArray().ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("count").GetInt32());
        Assert.Equal(2, countries["HN"]);
        Assert.Equal(1, countries["MX"]);
        Assert.Equal(3, all.GetProperty("facets").GetProperty("type").EnumerateArray().Single(v => v.GetProperty("value").GetString() == "practice").GetProperty("count").GetInt32());
        Assert.Equal(3, all.GetProperty("facets").GetProperty("year").EnumerateArray().Single(v => v.GetProperty("value").GetString() == "2025").GetProperty("count").GetInt32());
        Assert.Equal([$"/practices/{mexico}"], Paths(await SearchAsync(anonymous, Q("vadomiel") + "&country=MX&type=practice&lang=es&objective=6&year=2025")));
        Assert.Empty(Paths(await SearchAsync(anonymous, Q("vadomiel") + "&type=pledge")));
    }

    [Fact]
    public async Task Search_FacetCounts_TheSameFromTheMatchFromTheFacetIndexFromTheFacetSetsAndKept()
    {
        await PracticeAsync("Tremolina en Honduras", "Tremolina in Honduras", "Texto.", "Text.", country: "HN");
        await PracticeAsync("Tremolina en Panamá", "Tremolina in Panama", "Texto.", "Text.", country: "PA");
        await PracticeAsync("Tremolina sin publicar", "Unpublished tremolina", "Texto.", "Text.", published: false, country: "PA");
        await using var db = app.CreateDb();
        var counts = new SearchCounts(new FakeTimeProvider());
        // "en" is a Spanish stop word and not an English one, "in" the reverse: a clause one configuration ignores.
        foreach (var (query, filters) in new[] { new Dictionary<string, string>(), new() { ["country"] = "PA" }, new() { ["country"] = " PA ", ["year"] = "2025" }, new() { ["country"] = "ZZ" } }
            .Select(f => ("tremolina", f)).Append(("tremolina en Honduras", [])).Append(("tremolina in Panama", [])))
        {
            foreach (var restricted in new[] { false, true })
            {
                var request = new SearchRequest(query, filters, 1, restricted, English: false);
                var stages = new List<string>();
                var fromMatch = await SearchEngine.SearchCountedAsync(db, request, stages.Add, counts: null, broadCount: false, SearchEngine.RankedAtMost, CancellationToken.None);
                var fromIndex = await SearchEngine.SearchCountedAsync(db, request, _ => { }, counts: null, broadCount: true, SearchEngine.RankedAtMost, CancellationToken.None);
                var fromSets = await SearchEngine.SearchCountedAsync(db, request, _ => { }, counts, broadCount: null, SearchEngine.RankedAtMost, CancellationToken.None);
                var kept = await SearchEngine.SearchCountedAsync(db, request, _ => { }, counts, broadCount: null, SearchEngine.RankedAtMost, CancellationToken.None);
                Assert.Equal(SearchEngine.Stages, stages.Take(SearchEngine.Stages.Count)); // PostgreSQL looks for similar titles after a match of none

                if (query != "tremolina")
                {
                    Assert.Equal(1, fromMatch.Total);
                }
                else if (!filters.ContainsKey("year"))
                {
                    Assert.Equal(filters.Count == 0 ? (restricted ? 3 : 2) : filters.ContainsValue("ZZ") ? 0 : restricted ? 2 : 1, fromMatch.Total);
                }

                foreach (var other in new[] { fromIndex, fromSets, kept })
                {
                    Assert.Equal(fromMatch.Total, other.Total);
                    Assert.Equal(fromMatch.Results.Select(r => r.Path), other.Results.Select(r => r.Path));
                    Assert.Equal(fromMatch.Facets.Keys.Order(), other.Facets.Keys.Order());
                    Assert.All(fromMatch.Facets, f => Assert.Equal(f.Value, other.Facets[f.Key]));
                }

                Assert.Same(fromSets.Facets, kept.Facets);
            }
        }
    }

    [Fact]
    public async Task Search_MoreMatchesThanRanked_RanksTheNewestThenTheOlderNewestFirstWithBothWaysOfCounting()
    {
        // Written in this order (ids grow): A and the newer C, E, F have the word in their title; E also three times in its text.
        var a = await PracticeAsync("Zarandela en la región", "Zarandela in the region", "Un texto.", "A text.");
        var b = await PracticeAsync("Otra práctica de la región", "Another practice", "Trata de la zarandela.", "About zarandela.");
        var c = await PracticeAsync("Zarandela en la región", "Zarandela in the region", "Un texto sin la palabra.", "A text.");
        var d = await PracticeAsync("Otra práctica de la región", "Another practice", "Trata de la zarandela.", "About zarandela.");
        var e = await PracticeAsync("Zarandela en la región", "Zarandela in the region", "Zarandela, zarandela y más zarandela.", "Zarandela.");
        var f = await PracticeAsync("Zarandela en la región", "Zarandela in the region", "Un texto sin la palabra.", "A text.", published: false);
        await using var db = app.CreateDb();
        var counts = new SearchCounts(new FakeTimeProvider());
        foreach (var (restricted, expected) in new[] { (false, new[] { e, c, d, b, a }), (true, new[] { e, f, d, c, b, a }) })
        {
            foreach (var kept in new[] { null, counts })
            {
                // Three ranked: the newest three the reader finds; the older ones follow, newest first.
                var request = new SearchRequest("zarandela", new Dictionary<string, string>(), 1, restricted, English: false);
                var answer = await SearchEngine.SearchCountedAsync(db, request, _ => { }, kept, broadCount: null, rankedAtMost: 3, CancellationToken.None);
                Assert.Equal(expected.Length, answer.Total);
                Assert.Equal(expected.Select(id => $"/practices/{id}"), answer.Results.Select(r => r.Path));
                Assert.Empty((await SearchEngine.SearchCountedAsync(db, request with { Page = 2 }, _ => { }, kept, broadCount: null, rankedAtMost: 3, CancellationToken.None)).Results);

                // As many ranked as match: all of them ranked, A (its word in the title) before the newer D (in the text).
                var all = await SearchEngine.SearchCountedAsync(db, request, _ => { }, kept, broadCount: null, rankedAtMost: expected.Length, CancellationToken.None);
                Assert.Equal($"/practices/{e}", all.Results[0].Path);
                var paths = all.Results.Select(r => r.Path).ToList();
                Assert.True(paths.IndexOf($"/practices/{a}") < paths.IndexOf($"/practices/{d}"), string.Join(", ", paths));
            }
        }
    }

    [Fact]
    public async Task Search_KeptCounts_AWriteMovesTheStoredVersionAndTheNextQueryCountsTheNewEntry()
    {
        // Two processes' counts (two web nodes) on a clock that never moves: only the version read from the database renews them.
        var (node1, node2) = (new SearchCounts(new FakeTimeProvider()), new SearchCounts(new FakeTimeProvider()));
        await PracticeAsync("Cascabelina en Honduras", "Cascabelina in Honduras", "Texto.", "Text.", country: "HN");
        await using var db = app.CreateDb();
        var request = new SearchRequest("cascabelina", new Dictionary<string, string>(), 1, false, English: false);
        foreach (var node in new[] { node1, node2 })
        {
            var before = await db.SearchAsync(request, node, CancellationToken.None);
            Assert.Equal(1, before.Total);
            Assert.Equal([new FacetValue("HN", 1)], before.Facets["country"]);
        }

        var version = await db.ReadStoredVersionAsync(CancellationToken.None);
        var id = await PracticeAsync("Cascabelina en Belice", "Cascabelina in Belize", "Texto.", "Text.", country: "BZ");
        Assert.True(await db.ReadStoredVersionAsync(CancellationToken.None) > version);
        foreach (var node in new[] { node1, node2 })
        {
            var after = await db.SearchAsync(request, node, CancellationToken.None);
            Assert.Equal(2, after.Total);
            Assert.Contains($"/practices/{id}", after.Results.Select(r => r.Path));
            Assert.Equal([new FacetValue("BZ", 1), new FacetValue("HN", 1)], after.Facets["country"]);
            Assert.Equal(1, (await db.SearchAsync(request with { Filters = new Dictionary<string, string> { ["country"] = "BZ" } }, node, CancellationToken.None)).Total);
        }
    }

    [Fact]
    public async Task Search_KeptCounts_ASignedInReadersCountsNeverReachAnAnonymousReader()
    {
        await PracticeAsync("Pirulina publicada", "Published pirulina", "Texto.", "Text.", country: "CR");
        await PracticeAsync("Pirulina sin publicar", "Unpublished pirulina", "Texto.", "Text.", published: false, country: "SV");
        var secretariat = await app.ClientAsAsync("secretariat");
        foreach (var round in new[] { 1, 2 })
        {
            var signedIn = await SearchAsync(secretariat, Q("pirulina"));
            Assert.Equal(2, signedIn.GetProperty("total").GetInt32());
            var anonymousAnswer = await SearchAsync(anonymous, Q("pirulina") + $"&page={round}");
            Assert.Equal(1, anonymousAnswer.GetProperty("total").GetInt32());
            Assert.Equal(["CR"], anonymousAnswer.GetProperty("facets").GetProperty("country").EnumerateArray().Select(v => v.GetProperty("value").GetString()));
            Assert.Equal(1, (await SearchAsync(anonymous, Q("pirulina") + $"&country=CR&page={round}")).GetProperty("total").GetInt32());
            Assert.Equal(0, (await SearchAsync(anonymous, Q("pirulina") + $"&country=SV&page={round}")).GetProperty("total").GetInt32());
        }
    }

    [Fact]
    public async Task Search_Match_IsReadThroughTheFullTextIndexNeverTheWholeTable()
    {
        await using var db = app.CreateDb();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var plan = new List<string>();
        if (app.Provider == DatabaseProvider.Postgres)
        {
            // A table this small is read whole by the planner's choice; the search's statements rule that out, in their batch only.
            command.CommandText = SearchEngine.ThroughIndexes("""
                EXPLAIN SELECT e."Id" FROM "SearchEntries" e WHERE e."Document" @@ websearch_to_tsquery('movilidad_es', 'migrantes')
                """);
            await using (var reader = await command.ExecuteReaderAsync())
            {
                await reader.NextResultAsync();
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(0));
                }
            }

            Assert.Contains(plan, line => line.Contains("Bitmap Index Scan on \"IX_SearchEntries_Document\"", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, line => line.Contains("Seq Scan", StringComparison.Ordinal));
            command.CommandText = "SELECT current_setting('enable_seqscan')";
            Assert.Equal("on", await command.ExecuteScalarAsync());
        }
        else
        {
            command.CommandText = $"""EXPLAIN QUERY PLAN SELECT rowid FROM "{SearchSql.Fts5Table}" WHERE "{SearchSql.Fts5Table}" MATCH '"migrant"'""";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }

            Assert.Contains(plan, line => line.Contains("VIRTUAL TABLE INDEX", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Search_Pages_OfTwentyWithTheTotal()
    {
        for (var i = 0; i < 23; i++)
        {
            await PracticeAsync($"Rampaluna {i}", $"Rampaluna {i}", "Texto.", "Text.");
        }

        var first = await SearchAsync(anonymous, Q("rampaluna"));
        var second = await SearchAsync(anonymous, Q("rampaluna") + "&page=2");
        Assert.Equal(23, first.GetProperty("total").GetInt32());
        Assert.Equal(20, Paths(first).Count);
        Assert.Equal(3, Paths(second).Count);
        Assert.Empty(Paths(first).Intersect(Paths(second)));
    }

    [Fact]
    public async Task Search_UnpublishedPractice_FoundBySecretariatNotByAnonymousReaders()
    {
        var id = await PracticeAsync("Sorbetina sin publicar", "Unpublished sorbetina", "Texto.", "Text.", published: false);
        Assert.Empty(Paths(await SearchAsync(anonymous, Q("sorbetina"))));
        var secretariat = await app.ClientAsAsync("secretariat");
        var found = await SearchAsync(secretariat, Q("sorbetina"));
        Assert.Equal([$"/practices/{id}"], Paths(found));
        Assert.False(found.GetProperty("results")[0].GetProperty("public").GetBoolean());
    }

    [Fact]
    public async Task Save_EditAndRejection_KeepTheIndexInStep()
    {
        var id = await PracticeAsync("Mirtolanda antigua", "Old mirtolanda", "Texto.", "Text.");
        await using (var db = app.CreateDb())
        {
            var practice = await db.Practices.SingleAsync(p => p.Id == id);
            practice.Title = new("Quimbolanda nueva", "New quimbolanda");
            await db.SaveChangesAsync();
        }

        Assert.Empty(Paths(await SearchAsync(anonymous, Q("mirtolanda"))));
        Assert.Equal([$"/practices/{id}"], Paths(await SearchAsync(anonymous, Q("quimbolanda"))));
        await using (var db = app.CreateDb())
        {
            var practice = await db.Practices.SingleAsync(p => p.Id == id);
            practice.Status = PracticeStatus.Rejected;
            await db.SaveChangesAsync();
            Assert.False(await db.SearchEntries.AnyAsync(e => e.Source == $"Practice:{id}"));
        }

        Assert.Empty(Paths(await SearchAsync(app.ClientIn("en"), Q("quimbolanda"))));
    }

    [Fact]
    public async Task Save_RolledBack_LeavesNoEntry()
    {
        await using var db = app.CreateDb();
        var institution = await db.Institutions.Where(i => i.CountryCode != null).Select(i => i.Id).FirstAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Practices.Add(new Practice { Title = new("Trapisonda", "Trapisonda"), InstitutionId = institution, Status = PracticeStatus.Published, SubmittedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            Assert.True(await db.SearchEntries.AnyAsync(e => e.TitleEs == "Trapisonda"));
        }

        Assert.False(await db.SearchEntries.AnyAsync(e => e.TitleEs == "Trapisonda"));
    }

    [Fact]
    public async Task Search_ShippedPlans_FoundInBothLanguagesAndHiddenWhenTheirPlanIsUnpublished()
    {
        var spanish = await SearchAsync(anonymous, Q("contratación equitativa") + "&type=element");
        Assert.NotEmpty(Paths(spanish));
        Assert.All(Paths(spanish), p => Assert.StartsWith("/elements/", p, StringComparison.Ordinal));
        Assert.NotEmpty(Paths(await SearchAsync(app.ClientIn("en"), Q("fair recruitment") + "&type=element")));

        await using var db = app.CreateDb();
        var plan = await db.Plans.SingleAsync(p => p.Key == "taller-ptmt-2009");
        var element = await db.PlanElements.Where(e => e.PlanId == plan.Id && e.Code != null).OrderBy(e => e.Id).FirstAsync();
        var path = $"/elements/{element.Id}";
        var filter = $"&type=element&line={Uri.EscapeDataString(element.Code!)}";
        Assert.Contains(path, Paths(await SearchAsync(anonymous, Q(element.Title.Es) + filter)));
        plan.IsPublished = false;
        await db.SaveChangesAsync();
        try
        {
            Assert.DoesNotContain(path, Paths(await SearchAsync(anonymous, Q(element.Title.Es) + filter)));
            Assert.Contains(path, Paths(await SearchAsync(await app.ClientAsAsync("secretariat"), Q(element.Title.Es) + filter)));
        }
        finally
        {
            plan.IsPublished = true;
            await db.SaveChangesAsync();
        }

        Assert.Contains(path, Paths(await SearchAsync(anonymous, Q(element.Title.Es) + filter + "&page=1")));
    }

    [Fact]
    public async Task Reindex_RebuildsEveryEntry()
    {
        var id = await PracticeAsync("Zumbalete", "Zumbalete", "Texto.", "Text.");
        await using var db = app.CreateDb();
        var before = await db.SearchEntries.CountAsync();
        var written = await SearchIndexer.ReindexAsync(db);
        Assert.Equal(before, written);
        Assert.Equal(before, await db.SearchEntries.CountAsync());
        Assert.True(await db.SearchEntries.CountAsync(e => e.Kind == "element") > 100);
        Assert.Equal([$"/practices/{id}"], Paths(await SearchAsync(app.ClientIn("en"), Q("zumbalete") + "&page=1&type=practice")));
    }

    [Fact]
    public async Task Search_Misspelt_FindsSimilarTitlesOnPostgresOnly()
    {
        var id = await PracticeAsync("Gorgoritanza regional", "Regional gorgoritanza", "Texto.", "Text.");
        var answer = await SearchAsync(anonymous, Q("gorgoritansa"));
        if (app.Provider == DatabaseProvider.Postgres)
        {
            Assert.True(answer.GetProperty("similar").GetBoolean());
            Assert.Contains($"/practices/{id}", Paths(answer));
        }
        else
        {
            // SQLite's FTS5 has no fuzzy matching: a misspelt word finds nothing.
            Assert.Equal(0, answer.GetProperty("total").GetInt32());
        }
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("NEAR(")]
    [InlineData("'; DROP TABLE \"SearchEntries\"; --")]
    [InlineData("\"migración")]
    [InlineData("migración AND OR NOT ^ : -")]
    [InlineData("((( )))")]
    public async Task Search_OperatorsOfEitherDatabase_AreReadAsWords(string query)
    {
        foreach (var url in new[] { "/api/search?", "/search?" })
        {
            var response = await anonymous.GetAsync(url + Q(query));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Search_TenThousandCharactersOrABadPage_IsRefusedNamingTheParameter()
    {
        var response = await anonymous.GetAsync("/api/search?" + Q(new string('a', 10_000)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/search?q=a&page=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/search?q=a&page=x")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/search?" + Q(new string('a', 10_000)))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/search?q=a&country=" + new string('x', 101))).StatusCode);
    }

    [Fact]
    public async Task SearchPage_ShowsFacetsSnippetsAndPagesInTheReadersLanguage()
    {
        for (var i = 0; i < 21; i++)
        {
            await PracticeAsync($"Bambolina {i} en la región", $"Bambolina {i} in the region", "La bambolina ayuda a las trabajadoras.", "Bambolina helps women workers.", country: i % 2 == 0 ? "CR" : "PA");
        }

        var english = await (await app.ClientIn("en").GetAsync("/search?q=bambolina")).Content.ReadAsStringAsync();
        Assert.Contains("21 results for", english, StringComparison.Ordinal);
        Assert.Contains("<mark>Bambolina</mark> helps", english, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=bambolina&amp;country=CR\"", english, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\"", english, StringComparison.Ordinal);
        Assert.Contains("Good practice", english, StringComparison.Ordinal);
        var spanish = await (await anonymous.GetAsync("/search?q=bambolina&country=CR")).Content.ReadAsStringAsync();
        Assert.Contains("11 resultados", spanish, StringComparison.Ordinal);
        Assert.Contains("Buena práctica", spanish, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", spanish, StringComparison.Ordinal);
    }
}

public sealed class SearchTestsOnSqlite(SqliteApp app) : SearchTests(app), IClassFixture<SqliteApp>;

public sealed class SearchTestsOnPostgres(PostgresApp app) : SearchTests(app), IClassFixture<PostgresApp>;

/// <summary>The Spanish stemmer against words whose Snowball stems are published with the algorithm.</summary>
public sealed class SpanishStemmerTests
{
    [Theory]
    [InlineData("trabajadoras", "trabaj")]
    [InlineData("trabajador", "trabaj")]
    [InlineData("migrantes", "migrant")]
    [InlineData("migrante", "migrant")]
    [InlineData("contratacion", "contrat")]
    [InlineData("chica", "chic")]
    [InlineData("torniquete", "torniquet")]
    [InlineData("aprovechamiento", "aprovech")]
    [InlineData("lejanas", "lejan")]
    public void Stem_GivesTheSnowballStem(string word, string stem) => Assert.Equal(stem, SpanishStemmer.Stem(word));
}
