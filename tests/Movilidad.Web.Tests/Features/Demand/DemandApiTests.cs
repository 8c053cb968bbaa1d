using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Demand;

/// <summary>
/// The model library through its API on a real database: the reference model on a fresh install with its structure,
/// uploads and versions by who may, the engine's refusals, scenarios (written and from .cin), simulation runs that
/// reproduce exactly, CSV and XLSX read back, Monte Carlo sets in the background with bands, and bad input refused by field.
/// </summary>
public abstract class DemandApiTests(MovilidadApp app)
{
    private const string SmallModel = """
        {UTF-8}
        population = INTEG(births - deaths, 100)
        	~	People
        	~	The people counted.
        	|
        births = population * birth rate
        	~	People/Year
        	~		|
        deaths = population / lifetime
        	~	People/Year
        	~		|
        birth rate = 0.03
        	~	1/Year
        	~	Births per person and year.
        	|
        lifetime = 50
        	~	Year
        	~		|
        INITIAL TIME = 0
        	~	Year
        	~		|
        FINAL TIME = 10
        	~	Year
        	~		|
        TIME STEP = 0.25
        	~	Year
        	~		|
        SAVEPER = 1
        	~	Year
        	~		|
        """;

    internal static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static MultipartFormDataContent Upload(string text, string fileName, string? title = null, string? country = null, string? version = null)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text)), "file", fileName } };
        if (title is not null)
        {
            form.Add(new StringContent(title), "title");
        }

        if (country is not null)
        {
            form.Add(new StringContent(country), "country");
        }

        if (version is not null)
        {
            form.Add(new StringContent(version), "version");
        }

        return form;
    }

    private async Task<int> ReferenceIdAsync()
    {
        var list = await JsonAsync(await app.ClientIn("en").GetAsync("/api/models"));
        return list.EnumerateArray().Single(m => m.GetProperty("slug").GetString() == "seasonal-agricultural-workers").GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Library_FreshInstall_HoldsTheReferenceModelWithItsStructure()
    {
        var id = await ReferenceIdAsync();
        var details = await JsonAsync(await app.ClientIn("en").GetAsync($"/api/models/{id}"));
        var variables = details.GetProperty("variables").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!);
        var workforce = variables["domestic seasonal workforce"];
        Assert.Equal("stock", workforce.GetProperty("kind").GetString());
        Assert.Equal("Workers", workforce.GetProperty("units").GetString());
        Assert.Equal(["domestic entry"], workforce.GetProperty("inflows").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["domestic exit"], workforce.GetProperty("outflows").EnumerateArray().Select(e => e.GetString()));
        Assert.StartsWith("Resident workers", workforce.GetProperty("comment").GetString(), StringComparison.Ordinal);
        Assert.Equal("flow", variables["certified workers"].GetProperty("kind").GetString());
        Assert.Equal("constant", variables["domestic tenure"].GetProperty("kind").GetString());
        Assert.Equal(8, variables["domestic tenure"].GetProperty("value").GetDouble());
        Assert.Equal("auxiliary", variables["labour gap"].GetProperty("kind").GetString());
        Assert.Equal(7, variables.Values.Count(v => v.GetProperty("kind").GetString() == "stock"));
        Assert.Contains(details.GetProperty("model").GetProperty("scenarios").EnumerateArray(), s => s.GetProperty("name").GetString() == "Faster mechanisation");
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientIn("en").GetAsync("/api/models/987654")).StatusCode);
    }

    [Fact]
    public async Task Upload_ByWhoMay_KeepsVersionsAndRefusesWhatIsNotAModel()
    {
        var guatemala = await app.ClientAsAsync("focal-point:GT");
        var title = "Población " + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.PostAsync("/api/models", Upload(SmallModel, "population.mdl", title, "MX"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guatemala.PostAsync("/api/models", Upload(SmallModel, "population.mdl", title))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("civil-society")).PostAsync("/api/models", Upload(SmallModel, "population.mdl", title, "GT"))).StatusCode);

        var created = await JsonAsync(await guatemala.PostAsync("/api/models", Upload(SmallModel, "population.mdl", title, "GT")), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("GT", created.GetProperty("country").GetString());
        Assert.StartsWith("poblacion-", created.GetProperty("slug").GetString(), StringComparison.Ordinal);

        var second = await JsonAsync(await guatemala.PostAsync($"/api/models/{id}/versions", Upload(SmallModel.Replace("0.03", "0.04", StringComparison.Ordinal), "population.mdl", version: "0")));
        Assert.Equal(2, second.GetProperty("versions").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, (await guatemala.PostAsync($"/api/models/{id}/versions", Upload(SmallModel.Replace("0.03", "0.05", StringComparison.Ordinal), "population.mdl", version: "0"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("focal-point:MX")).PostAsync($"/api/models/{id}/versions", Upload(SmallModel, "population.mdl", version: "1"))).StatusCode);

        // A model that does not compile: the engine's message with the line and the variable.
        var broken = await JsonAsync(await guatemala.PostAsync($"/api/models/{id}/versions", Upload(SmallModel.Replace("population / lifetime", "population / lifespan", StringComparison.Ordinal), "population.mdl", version: "1")), HttpStatusCode.BadRequest);
        var message = broken.GetProperty("errors").GetProperty("file")[0].GetString()!;
        Assert.Contains("lifespan", message, StringComparison.Ordinal);
        Assert.Contains("deaths", message, StringComparison.Ordinal);
        var syntax = await JsonAsync(await guatemala.PostAsync($"/api/models/{id}/versions", Upload(SmallModel.Replace("population * birth rate", "population * (birth rate", StringComparison.Ordinal), "population.mdl", version: "1")), HttpStatusCode.BadRequest);
        Assert.Matches(@"population\.mdl:\d+:\d+", syntax.GetProperty("errors").GetProperty("file")[0].GetString()!);

        // Not a model at all.
        var notAModel = await JsonAsync(await guatemala.PostAsync("/api/models", Upload("Time,certified\n2010,5\n", "observed.csv", "Otra cosa", "GT")), HttpStatusCode.BadRequest);
        Assert.Contains("no es un modelo de dinámica de sistemas", notAModel.GetProperty("errors").GetProperty("file")[0].GetString()!, StringComparison.Ordinal);
        var xmile = await JsonAsync(await guatemala.PostAsync("/api/models", Upload("<html><body>hello</body></html>", "page.xmile", "Una página", "GT")), HttpStatusCode.BadRequest);
        Assert.True(xmile.GetProperty("errors").TryGetProperty("file", out _));

        await using var db = app.CreateDb();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.EntityType == "demand-model" && e.EntityId == Platform.Audit.AuditTrail.Key(id)));
    }

    /// <summary>English words a refusal said in Spanish must not carry (the engine's and the feature's texts, not names of the model).</summary>
    private static readonly string[] EnglishWords = [" is not ", " is required", " needs ", "Send the", " must ", " of the model", "Give at least", "Vary at least", " expected ", "unknown ", " only "];

    /// <summary>The messages of a 400 by field, each checked to be in the reader's language (the fragment of that language, none of the other's).</summary>
    private static async Task RefusedAsync(HttpResponseMessage response, string language, params (string Field, string Es, string En)[] expected)
    {
        var errors = (await JsonAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var (field, es, en) in expected)
        {
            Assert.True(errors.TryGetProperty(field, out var messages), $"'{field}' is not named: {errors}");
            var message = messages[0].GetString()!;
            Assert.Contains(language == "es" ? es : en, message, StringComparison.Ordinal);
            Assert.DoesNotContain(language == "es" ? en : es, message, StringComparison.Ordinal);
            if (language == "es")
            {
                Assert.DoesNotContain(EnglishWords, w => message.Contains(w, StringComparison.Ordinal));
            }
        }
    }

    /// <summary>The error box of a page refused with 400, decoded; in Spanish without English words.</summary>
    private static async Task<string> PageErrorsAsync(HttpResponseMessage response, string language)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {html}");
        var box = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"errors\">(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(box.Success, "the page shows no errors");
        var errors = WebUtility.HtmlDecode(box.Groups[1].Value);
        if (language == "es")
        {
            Assert.DoesNotContain(EnglishWords, w => errors.Contains(w, StringComparison.Ordinal));
        }

        return errors;
    }

    private static HttpClient InLanguage(HttpClient client, string language)
    {
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue(language));
        return client;
    }

    [Theory]
    [InlineData("es")]
    [InlineData("en")]
    public async Task BadInput_ThroughTheApi_IsRefusedInTheReadersLanguage_NamingTheField(string language)
    {
        var id = await ReferenceIdAsync();
        var client = await app.ClientInAsync(language, "secretariat");

        // Uploads and versions.
        await RefusedAsync(await client.PostAsync("/api/models", new MultipartFormDataContent { { new StringContent("x"), "title" } }), language,
            ("file", "Envíe el modelo", "Send the model"));
        await RefusedAsync(await client.PostAsync("/api/models", Upload(SmallModel, "population.mdl", country: "Guatemala")), language,
            ("title", "Falta 'title'", "'title' is required"), ("country", "no es un código de país", "is not an ISO 3166-1"));
        await RefusedAsync(await client.PostAsync($"/api/models/{id}/versions", Upload(SmallModel, "population.mdl", version: "x")), language,
            ("version", "versión del modelo", "model's version"));

        // Scenarios, written and imported.
        await RefusedAsync(await client.PostAsJsonAsync($"/api/models/{id}/scenarios", new { constants = new Dictionary<string, double> { ["no such"] = 1 } }), language,
            ("name", "Falta 'name'", "'name' is required"), ("overrides.constants.no such", "no es una constante del modelo", "is not a constant of the model"));
        await RefusedAsync(await client.PostAsync($"/api/models/{id}/scenarios/import", new MultipartFormDataContent { { new StringContent("x"), "name" } }), language,
            ("file", "archivo de cambios", "changes file"));

        // Bindings.
        await RefusedAsync(await client.PostAsJsonAsync($"/api/models/{id}/bindings", new { variable = "labour gap", kind = "other", alignment = "month" }), language,
            ("variable", "no es una variable de datos", "is not a data variable"), ("kind", "El tipo", "The kind"),
            ("measure", "La medida", "The measure"), ("alignment", "La alineación", "The alignment"));

        // Runs: a simulation, a Monte Carlo set, a calibration, a fit saved as a scenario.
        await RefusedAsync(await client.PostAsJsonAsync($"/api/models/{id}/runs", new { kind = "forecast", scenario = 987654 }), language,
            ("kind", "no es un tipo de corrida", "is not a kind of run"), ("scenario", "no tiene el escenario 987654", "has no scenario 987654"));
        await RefusedAsync(await client.PostAsJsonAsync($"/api/models/{id}/runs", new { kind = "sensitivity", runs = 10_000_000, sampling = "sobol", vary = Array.Empty<object>() }), language,
            ("runs", "10.000.000 corridas", "10,000,000 runs"), ("sampling", "no es un muestreo", "is not a sampling"), ("vary", "Varíe al menos", "Vary at least"));
        await RefusedAsync(await client.PostAsJsonAsync($"/api/models/{id}/runs", new
            {
                kind = "calibration",
                fit = new[] { new { name = "nope", low = 2, high = 1 } },
                payoff = "x",
                method = "y",
                starts = 99,
                observed = Array.Empty<object>(),
            }), language,
            ("fit[0].name", "no es una constante", "is not a constant"), ("fit[0].high", "rango está vacío", "range is empty"),
            ("payoff", "no es una función de pago", "is not a payoff"), ("method", "no es un método", "is not a method"),
            ("starts", "van de 1 a 16", "from 1 to 16"), ("observed", "al menos una serie observada", "at least one observed series"));
        var simulation = await JsonAsync(await client.PostAsJsonAsync($"/api/models/{id}/runs", new { kind = "simulation" }), HttpStatusCode.Created);
        await RefusedAsync(await client.PostAsJsonAsync($"/api/models/runs/{simulation.GetProperty("id").GetInt32()}/scenario", new { name = "x" }), language,
            ("run", "no es una calibración", "is not a calibration"));
    }

    [Theory]
    [InlineData("es")]
    [InlineData("en")]
    public async Task BadInput_ThroughThePages_IsSaidInTheReadersLanguage_NamingTheField(string language)
    {
        var es = language == "es";
        var uploader = await app.ClientAsAsync("focal-point:GT");
        var created = await JsonAsync(await uploader.PostAsync("/api/models", Upload(SmallModel, "population.mdl", "Idioma " + Guid.NewGuid().ToString("N")[..8], "GT")), HttpStatusCode.Created);
        var slug = created.GetProperty("slug").GetString()!;
        var run = await JsonAsync(await uploader.PostAsJsonAsync($"/api/models/{created.GetProperty("id").GetInt32()}/runs", new { kind = "simulation" }), HttpStatusCode.Created);
        var client = InLanguage(await app.SignInAsync(await app.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, "focal-point:GT")), language);
        var token = (await client.FormTokenAsync($"/models/{slug}"))!;

        async Task<string> PostAsync(string url, HttpContent content) => await PageErrorsAsync(await client.PostAsync(url, content), language);
        FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
            new([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new("__RequestVerificationToken", token)]);
        void Says(string errors, params (string Es, string En)[] expected)
        {
            foreach (var (spanish, english) in expected)
            {
                Assert.Contains(es ? spanish : english, errors, StringComparison.Ordinal);
            }
        }

        // The upload form: no file, then no title.
        var noFile = new MultipartFormDataContent { { new StringContent("Sin archivo"), "title" }, { new StringContent(token), "__RequestVerificationToken" } };
        Says(await PostAsync("/models", noFile), ("Archivo del modelo", "Model file"), ("Envíe el modelo", "Send the model"));
        var noTitle = Upload(SmallModel, "population.mdl", country: "GT");
        noTitle.Add(new StringContent(token), "__RequestVerificationToken");
        Says(await PostAsync("/models", noTitle), ("Título:", "Title:"), ("Falta 'title'", "'title' is required"));

        // The model page's forms: Monte Carlo, calibration, binding, changes file.
        Says(await PostAsync($"/models/{slug}?handler=Sensitivity", Form(("Sensitivity.Runs", es ? "10.000.000" : "10,000,000"), ("Sensitivity.Sampling", "lhs"), ("Sensitivity.Names[0]", "birth rate"), ("Sensitivity.Distributions[0]", "uniform(0.01,0.05)"))),
            ("Corridas:", "Runs:"), ("10.000.000 corridas", "10,000,000 runs"));
        Says(await PostAsync($"/models/{slug}?handler=Calibrate", Form(("Calibration.Names[0]", "birth rate"), ("Calibration.Lows[0]", "mucho"), ("Calibration.Highs[0]", "0.1"))),
            ("Constantes a ajustar", "Constants to fit"), ("'mucho' no es un número", "'mucho' is not a number"));
        Says(await PostAsync($"/models/{slug}?handler=Bind", Form(("Binding.Variable", "births"), ("Binding.Kind", "series"), ("Binding.Measure", ""), ("Binding.Alignment", "month"))),
            ("Variable:", "Variable:"), ("no es una variable de datos", "is not a data variable"), ("Medida:", "Measure:"), ("La medida", "The measure"), ("Alineación:", "Alignment:"));
        var noChanges = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        Says(await PostAsync($"/models/{slug}?handler=Import", noChanges), ("Archivo de cambios (.cin)", "Changes file (.cin)"));

        // A run that is not a calibration saved as a scenario.
        Says(await PostAsync($"/models/runs/{run.GetProperty("id").GetInt32()}?handler=SaveScenario", Form(("ScenarioName", "x"))),
            ("Corrida:", "Run:"), ("no es una calibración", "is not a calibration"));
    }

    [Theory]
    [InlineData("es", "no es un modelo de dinámica de sistemas", "se esperaba ')' pero la ecuación terminó", "función desconocida 'FROBNICATE'", "línea")]
    [InlineData("en", "not a system-dynamics model", "expected ')' but the equation ended", "unknown function 'FROBNICATE'", "line")]
    public async Task BrokenUpload_ThroughApiAndPage_TheEngineMessageInTheReadersLanguage_WithLineAndVariable(string language, string notAModel, string syntax, string unknownFunction, string line)
    {
        // A person signed in on the pages posts to the API with the antiforgery token in X-CSRF-TOKEN: without it the
        // antiforgery check refuses the post before the upload is read (the 400 without a 'file' error seen before; it
        // now names the header). A machine client posts with its bearer token; the page posts its form.
        var person = await app.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, "focal-point:GT");
        var browser = InLanguage(await app.SignInAsync(person), language);
        var token = (await browser.FormTokenAsync("/models"))!;
        await RefusedAsync(await browser.PostAsync("/api/models", Upload(SmallModel, "population.mdl", "Sin token", "GT")), language,
            ("X-CSRF-TOKEN", "encabezado X-CSRF-TOKEN", "X-CSRF-TOKEN header"));
        browser.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token);
        var machine = InLanguage(await app.TokenClientAsync(person), language);
        const string xmile = """
            <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
              <header><name>m</name></header>
              <sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
              <model><variables>
                <aux name="b"><eqn>FROBNICATE(1)</eqn></aux>
              </variables></model>
            </xmile>
            """;
        var garbage = new byte[4096];
        new Random(12).NextBytes(garbage);
        var cases = new (byte[] Bytes, string File, string Expected, string Place)[]
        {
            (garbage, "garbage.bin", notAModel, @"^garbage\.bin: "),
            (System.Text.Encoding.UTF8.GetBytes(SmallModel.Replace("population * birth rate", "population * (birth rate", StringComparison.Ordinal)), "population.mdl", syntax, @"^population\.mdl:6:\d+: variable 'births': "),
            (System.Text.Encoding.UTF8.GetBytes(xmile), "m.xmile", unknownFunction, $@"^m\.xmile: .*<aux name=""b"">.* \({line} \d+\): variable 'b': "),
        };
        foreach (var (bytes, file, expected, place) in cases)
        {
            MultipartFormDataContent Form() =>
                new() { { new ByteArrayContent(bytes), "file", file }, { new StringContent("Roto " + Guid.NewGuid().ToString("N")[..8]), "title" }, { new StringContent("GT"), "country" } };

            foreach (var client in new[] { browser, machine })
            {
                var message = (await JsonAsync(await client.PostAsync("/api/models", Form()), HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("file")[0].GetString()!;
                Assert.Contains(expected, message, StringComparison.Ordinal);
                Assert.Matches(place, message);
            }

            var page = Form();
            page.Add(new StringContent(token), "__RequestVerificationToken");
            var errors = await PageErrorsAsync(await browser.PostAsync("/models", page), language);
            Assert.Contains(expected, errors, StringComparison.Ordinal);
            Assert.Matches(place[1..], errors);
            Assert.DoesNotContain(nameof(Movilidad.Dynamics.DiagnosticCode.UnknownFunction), errors, StringComparison.Ordinal);
        }

        // A file over the model limit, and no file at all: refused naming 'file' in the reader's language.
        var large = new MultipartFormDataContent { { new ByteArrayContent(new byte[Platform.Demand.DemandLibrary.MaxModelBytes + 1]), "file", "large.mdl" }, { new StringContent("Grande"), "title" } };
        await RefusedAsync(await machine.PostAsync("/api/models", large), language, ("file", "20.000.001 bytes; el límite es 20.000.000", "20,000,001 bytes; the limit is 20,000,000"));
        await RefusedAsync(await browser.PostAsync("/api/models", new MultipartFormDataContent { { new StringContent("Nada"), "title" } }), language, ("file", "Envíe el modelo", "Send the model"));
    }

    [Fact]
    public async Task UploadPage_AModelPostedWithTheForm_GoesToItsPage()
    {
        // The page's form is read once by the antiforgery check before the upload reader sees it.
        var guatemala = await app.SignInAsync(await app.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: false, "focal-point:GT"));
        var form = Upload(SmallModel, "population.mdl", "Página " + Guid.NewGuid().ToString("N")[..8], "GT");
        form.Add(new StringContent((await guatemala.FormTokenAsync("/models"))!), "__RequestVerificationToken");

        var response = await guatemala.PostAsync("/models", form);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.StartsWith("/models/pagina-", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulation_StoresItsInputs_ReproducesExactly_AndDownloads()
    {
        var id = await ReferenceIdAsync();
        var details = await JsonAsync(await app.ClientIn("en").GetAsync($"/api/models/{id}"));
        var faster = details.GetProperty("model").GetProperty("scenarios").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Faster mechanisation").GetProperty("id").GetInt32();
        var member = await app.ClientAsAsync("working-group-member:GT-ML");
        var baseline = await JsonAsync(await member.PostAsJsonAsync($"/api/models/{id}/runs", new { kind = "simulation" }), HttpStatusCode.Created);
        var first = await JsonAsync(await member.PostAsJsonAsync($"/api/models/{id}/runs", new { kind = "simulation", scenario = faster }), HttpStatusCode.Created);
        var again = await JsonAsync(await member.PostAsJsonAsync($"/api/models/{id}/runs", new { kind = "simulation", scenario = faster }), HttpStatusCode.Created);
        Assert.Equal(first.GetProperty("inputsHash").GetString(), again.GetProperty("inputsHash").GetString());
        Assert.NotEqual(first.GetProperty("inputsHash").GetString(), baseline.GetProperty("inputsHash").GetString());
        Assert.Equal(0.02, first.GetProperty("inputs").GetProperty("constants").GetProperty("productivity growth rate").GetDouble());
        double[] Certified(JsonElement run) => [.. run.GetProperty("simulation").GetProperty("series").GetProperty("certified workers").EnumerateArray().Select(v => v.GetDouble())];
        Assert.Equal(Certified(first), Certified(again));
        Assert.True(Certified(first)[^1] < Certified(baseline)[^1], "faster mechanisation needs fewer temporary workers by 2030");

        // The stored run reads back the same; CSV and XLSX hold the same numbers.
        var runId = first.GetProperty("id").GetInt32();
        var stored = await JsonAsync(await app.ClientIn("en").GetAsync($"/api/models/runs/{runId}"));
        Assert.Equal(Certified(first), Certified(stored));
        var csv = (await app.ClientIn("en").GetStringAsync($"/api/models/runs/{runId}.csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = csv[0].Split(',');
        Assert.Equal("Time", header[0]);
        var column = Array.IndexOf(header, "certified workers");
        Assert.Equal(81, csv.Length - 1);
        Assert.Equal(Certified(first)[^1], double.Parse(csv[^1].Split(',')[column], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Tiempo", (await app.ClientIn("es").GetStringAsync($"/api/models/runs/{runId}.csv")).TrimStart('\uFEFF').Split(',')[0]);

        var xlsx = await app.ClientIn("en").GetByteArrayAsync($"/api/models/runs/{runId}.xlsx");
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheets = document.WorkbookPart!.Workbook.Descendants<Sheet>().ToList();
        Assert.Equal(["Results", "Inputs"], sheets.Select(s => s.Name!.Value));
        var rows = ((WorksheetPart)document.WorkbookPart.GetPartById(sheets[0].Id!)).Worksheet.Descendants<Row>().ToList();
        Assert.Equal(82, rows.Count);
        var last = rows[^1].Elements<Cell>().ElementAt(column).CellValue!.Text;
        Assert.Equal(Certified(first)[^1], double.Parse(last, System.Globalization.CultureInfo.InvariantCulture));
        var inputs = ((WorksheetPart)document.WorkbookPart.GetPartById(sheets[1].Id!)).Worksheet.Descendants<Cell>().Select(c => c.InnerText).ToList();
        Assert.Contains(first.GetProperty("inputsHash").GetString(), inputs);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("civil-society")).PostAsJsonAsync($"/api/models/{id}/runs", new { kind = "simulation" })).StatusCode);
    }

    [Fact]
    public async Task Runs_BadInput_IsRefusedNamingTheField()
    {
        var id = await ReferenceIdAsync();
        var client = await app.ClientInAsync("en", "focal-point:GT");
        async Task<JsonElement> ErrorsAsync(object body) =>
            (await JsonAsync(await client.PostAsJsonAsync($"/api/models/{id}/runs", body), HttpStatusCode.BadRequest)).GetProperty("errors");

        var many = await ErrorsAsync(new { kind = "sensitivity", runs = 10_000_000, vary = new[] { new { name = "domestic tenure", distribution = "uniform(6,10)" } } });
        Assert.Contains("100,000", many.GetProperty("runs")[0].GetString()!, StringComparison.Ordinal);
        var inverted = await ErrorsAsync(new { kind = "sensitivity", runs = 100, vary = new[] { new { name = "domestic tenure", distribution = "uniform(10,6)" } } });
        Assert.Contains("greater than HIGH", inverted.GetProperty("vary[0].distribution")[0].GetString()!, StringComparison.Ordinal);
        var unknown = await ErrorsAsync(new { kind = "sensitivity", runs = 100, vary = new[] { new { name = "labour gap", distribution = "normal(1,0.1)" } } });
        Assert.Contains("not a constant", unknown.GetProperty("vary[0].name")[0].GetString()!, StringComparison.Ordinal);
        var constant = await ErrorsAsync(new { kind = "simulation", constants = new Dictionary<string, double> { ["no such thing"] = 1 } });
        Assert.True(constant.TryGetProperty("constants.no such thing", out _));
        Assert.True((await ErrorsAsync(new { kind = "forecast" })).TryGetProperty("kind", out _));
        Assert.True((await ErrorsAsync(new { kind = "simulation", scenario = 987654 })).TryGetProperty("scenario", out _));
        var malformed = await client.PostAsync($"/api/models/{id}/runs", new StringContent("{\"runs\": \"many\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task MonteCarlo_RunsInTheBackground_WithBandsCorrelationsAndTheSameNumbersForTheSameSeed()
    {
        var id = await ReferenceIdAsync();
        var client = await app.ClientAsAsync("observer");
        var body = new { kind = "sensitivity", runs = 200, seed = 7, vary = new[] { new { name = "domestic tenure", distribution = "uniform(6,10)" }, new { name = "season cycle", distribution = "triangular(0.9,1,1.1)" } } };
        var started = await JsonAsync(await client.PostAsJsonAsync($"/api/models/{id}/runs", body), HttpStatusCode.Created);
        var again = await JsonAsync(await client.PostAsJsonAsync($"/api/models/{id}/runs", body), HttpStatusCode.Created);
        Assert.Equal(started.GetProperty("inputsHash").GetString(), again.GetProperty("inputsHash").GetString());
        var first = await DoneAsync(started.GetProperty("id").GetInt32());
        var second = await DoneAsync(again.GetProperty("id").GetInt32());
        var bands = first.GetProperty("sensitivity").GetProperty("bands").GetProperty("certified workers");
        foreach (var row in bands.EnumerateArray())
        {
            var p = row.EnumerateArray().Select(v => v.GetDouble()).ToList();
            Assert.Equal(5, p.Count);
            Assert.True(p.Zip(p.Skip(1)).All(pair => pair.First <= pair.Second), "percentiles 5 to 95 in order");
        }

        Assert.Equal(bands.ToString(), second.GetProperty("sensitivity").GetProperty("bands").GetProperty("certified workers").ToString());
        var rho = first.GetProperty("sensitivity").GetProperty("rankCorrelations").GetProperty("domestic tenure").GetProperty("domestic seasonal workforce").GetDouble();
        Assert.True(rho > 0.5, $"a longer tenure keeps more resident workers (rho {rho})");
        var csv = await app.ClientIn("en").GetStringAsync($"/api/models/runs/{started.GetProperty("id").GetInt32()}.csv");
        Assert.Contains("certified workers p95", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scenarios_FromAChangesFile_AreCheckedAgainstTheModel()
    {
        var id = await ReferenceIdAsync();
        var secretariat = await app.ClientAsAsync("secretariat");
        var name = "cin-" + Guid.NewGuid().ToString("N")[..8];
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent("productivity growth rate = 0.03\nproduction growth rate = 0.015\n"u8.ToArray()), "file", "mechanisation.cin" },
            { new StringContent(name), "name" },
        };
        var scenario = await JsonAsync(await secretariat.PostAsync($"/api/models/{id}/scenarios/import", form), HttpStatusCode.Created);
        Assert.Equal(0.03, scenario.GetProperty("overrides").GetProperty("constants").GetProperty("productivity growth rate").GetDouble());
        Assert.Equal("Importado de mechanisation.cin.", scenario.GetProperty("description").GetString());
        var english = new MultipartFormDataContent
        {
            { new ByteArrayContent("productivity growth rate = 0.025\n"u8.ToArray()), "file", "slower.cin" },
            { new StringContent(name + "-en"), "name" },
        };
        var described = await JsonAsync(await (await app.ClientInAsync("en", "secretariat")).PostAsync($"/api/models/{id}/scenarios/import", english), HttpStatusCode.Created);
        Assert.Equal("Imported from slower.cin.", described.GetProperty("description").GetString());

        var bad = new MultipartFormDataContent { { new ByteArrayContent("productivity growth rate = 0.03\nthis line has no value\n"u8.ToArray()), "file", "bad.cin" } };
        var refused = await JsonAsync(await secretariat.PostAsync($"/api/models/{id}/scenarios/import", bad), HttpStatusCode.BadRequest);
        Assert.Contains("2", refused.GetProperty("errors").GetProperty("file")[0].GetString()!, StringComparison.Ordinal);

        var unknown = new MultipartFormDataContent { { new ByteArrayContent("no such constant = 1\n"u8.ToArray()), "file", "unknown.cin" } };
        var notInModel = await JsonAsync(await secretariat.PostAsync($"/api/models/{id}/scenarios/import", unknown), HttpStatusCode.BadRequest);
        Assert.True(notInModel.GetProperty("errors").TryGetProperty("overrides.constants.no such constant", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("focal-point:GT")).PostAsJsonAsync($"/api/models/{id}/scenarios", new { name = "regional" })).StatusCode);
    }

    private Task<JsonElement> DoneAsync(int run) => DoneAsync(app, run);

    /// <summary>Waits for a queued run to end (two minutes at most) and checks it ended done.</summary>
    internal static async Task<JsonElement> DoneAsync(MovilidadApp app, int run)
    {
        for (var i = 0; i < 600; i++)
        {
            var view = await JsonAsync(await app.ClientIn("en").GetAsync($"/api/models/runs/{run}"));
            if (view.GetProperty("status").GetString() is "done" or "failed" or "stopped")
            {
                Assert.Equal("done", view.GetProperty("status").GetString());
                Assert.Equal(1, view.GetProperty("progress").GetDouble());
                return view;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"run {run} did not end in two minutes");
    }
}

public sealed class DemandApiTestsOnSqlite(SqliteApp app) : DemandApiTests(app), IClassFixture<SqliteApp>;

public sealed class DemandApiTestsOnPostgres(PostgresApp app) : DemandApiTests(app), IClassFixture<PostgresApp>;

/// <summary>Bindings to labour-market series on a real database: aligned, transformed, recorded with the run; a deleted dataset reported, never a zero.</summary>
public abstract class DemandBindingTests(MovilidadApp app)
{
    [Fact]
    public async Task Binding_ToAnH2BSeries_FeedsTheRun_AndIsReportedOnceItsDatasetIsGone()
    {
        int dataset;
        decimal total;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Platform.Data.MovilidadDb>();
            await using var stream = File.OpenRead(LabourMarket.RecordFiles.PathOf(LabourMarket.RecordFiles.H2B2010));
            var outcome = await Platform.LabourMarket.LabourImport.ImportAsync(db, new Platform.LabourMarket.LabourImportRequest(stream, "H-2B_FY2010.xlsx"), _ => true,
                Platform.Audit.AuditActor.CommandLine(), TimeProvider.System, "en", null, CancellationToken.None);
            var saved = Assert.IsType<Platform.Writes.WriteOutcome<Platform.LabourMarket.LabourDatasetSummary>.Saved>(outcome).Value;
            dataset = saved.Id;
            total = saved.Totals.Single(t => t.Measure == "workers-certified").Total;
        }

        var secretariat = await app.ClientInAsync("en", "secretariat");
        var reference = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "data", "models", "seasonal-agricultural-workers.mdl"));
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(reference)), "file", "bound.mdl" },
            { new StringContent("Bound " + Guid.NewGuid().ToString("N")[..8]), "title" },
        };
        var created = await (await secretariat.PostAsync("/api/models", form)).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();

        var refused = await secretariat.PostAsJsonAsync($"/api/models/{id}/bindings", new { variable = "labour gap", kind = "series", measure = "workers-certified", alignment = "fiscal-year" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var quarters = await secretariat.PostAsJsonAsync($"/api/models/{id}/bindings", new { variable = "seasonal jobs in base year", kind = "series", dataset, measure = "workers-certified", alignment = "month" });
        Assert.Equal(HttpStatusCode.BadRequest, quarters.StatusCode);
        Assert.Contains("fiscal-year, calendar-year or quarter", await quarters.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var binding = await secretariat.PostAsJsonAsync($"/api/models/{id}/bindings",
            new { variable = "seasonal jobs in base year", kind = "proxy", dataset, measure = "workers-certified", alignment = "fiscal-year", scale = 10 });
        Assert.True(binding.StatusCode == HttpStatusCode.Created, await binding.Content.ReadAsStringAsync());
        var states = await app.ClientIn("en").GetFromJsonAsync<JsonElement>($"/api/models/{id}/bindings");
        var state = states.EnumerateArray().Single();
        Assert.True(state.GetProperty("resolves").GetBoolean());
        Assert.Equal([2010.5], state.GetProperty("series").GetProperty("times").EnumerateArray().Select(t => t.GetDouble()));
        Assert.Equal((double)total * 10, state.GetProperty("series").GetProperty("values")[0].GetDouble(), 6);
        Assert.Contains(state.GetProperty("series").GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("fiscal year", StringComparison.Ordinal));

        var run = await (await secretariat.PostAsJsonAsync($"/api/models/{id}/runs", new { kind = "simulation" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((double)total * 10, run.GetProperty("inputs").GetProperty("constants").GetProperty("seasonal jobs in base year").GetDouble(), 6);
        Assert.Single(run.GetProperty("inputs").GetProperty("bound").EnumerateArray());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Platform.Data.MovilidadDb>();
            await Platform.LabourMarket.LabourImport.DeleteAsync(db, dataset, _ => true, Platform.Audit.AuditActor.CommandLine(), TimeProvider.System, CancellationToken.None);
        }

        var gone = (await app.ClientIn("en").GetFromJsonAsync<JsonElement>($"/api/models/{id}/bindings")).EnumerateArray().Single();
        Assert.False(gone.GetProperty("resolves").GetBoolean());
        Assert.Contains("no longer exists", gone.GetProperty("problem").GetString()!, StringComparison.Ordinal);
        var blocked = await secretariat.PostAsJsonAsync($"/api/models/{id}/runs", new { kind = "simulation" });
        Assert.Equal(HttpStatusCode.BadRequest, blocked.StatusCode);
        Assert.Contains("bindings.seasonal jobs in base year", await blocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class DemandBindingTestsOnSqlite(SqliteApp app) : DemandBindingTests(app), IClassFixture<SqliteApp>;

public sealed class DemandBindingTestsOnPostgres(PostgresApp app) : DemandBindingTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// Calibration through the API on a real database: constants fitted to a labour-market series read from the records, in
/// the background queue, with the fit statistics, the back-test and the fit saved as a scenario; bad requests refused by field.
/// </summary>
public abstract class DemandCalibrationTests(MovilidadApp app)
{
    /// <summary>Employment growing from 2015 in thousands (the records count workers: the observed series is scaled by 0.001), its starting value and growth rate to be fitted.</summary>
    public const string GrowthModel = """
        {UTF-8}
        employment = INTEG(hires - exits, initial employment)
        	~	Thousand workers
        	~	Workers employed in the occupation.
        	|
        hires = employment * hiring rate
        	~	Thousand workers/Year
        	~		|
        exits = employment / tenure
        	~	Thousand workers/Year
        	~		|
        initial employment = 500
        	~	Thousand workers
        	~		|
        hiring rate = 0.1
        	~	1/Year
        	~		|
        tenure = 20
        	~	Year
        	~		|
        reference employment = 1000
        	~	Thousand workers
        	~	Bound to a series of the records.
        	|
        employment index = employment / reference employment
        	~	dmnl
        	~		|
        INITIAL TIME = 2015
        	~	Year
        	~		|
        FINAL TIME = 2026
        	~	Year
        	~		|
        TIME STEP = 0.125
        	~	Year
        	~		|
        SAVEPER = 0.5
        	~	Year
        	~		|
        """;

    private static object Observed(string measure = "employment") =>
        new { variable = "employment", measure, area = "GT", occupation = "7", alignment = "calendar-year", scale = 0.001 };

    [Fact]
    public async Task Calibration_FitsConstantsToTheRecords_WithBacktest_AndSavesTheFitAsAScenario()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Platform.Data.MovilidadDb>();
            await DemandTestData.ImportIlostatAsync(db);
        }

        var secretariat = await app.ClientInAsync("en", "secretariat");
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(GrowthModel)), "file", "growth.mdl" },
            { new StringContent("Growth " + Guid.NewGuid().ToString("N")[..8]), "title" },
        };
        var model = await (await secretariat.PostAsync("/api/models", form)).Content.ReadFromJsonAsync<JsonElement>();
        var id = model.GetProperty("id").GetInt32();
        var fit = new object[] { new { name = "initial employment", low = 100, high = 3000 }, new { name = "hiring rate", low = 0, high = 0.3 } };

        // Refusals name the field: an empty range, a start outside its range, a constant the model lacks, a series that does not read, too many starts.
        var refused = await secretariat.PostAsJsonAsync($"/api/models/{id}/runs", new
        {
            kind = "calibration",
            fit = new object[] { new { name = "initial employment", low = 3000, high = 100 }, new { name = "hiring rate", low = 0.2, high = 0.3 }, new { name = "employment", low = 0, high = 1 } },
            observed = new[] { Observed("no-such-measure") },
            starts = 1000,
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("greater than the upper", errors.GetProperty("fit[0].high")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("outside the range", errors.GetProperty("fit[1].start")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("not a constant", errors.GetProperty("fit[2].name")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("starts", out _));
        Assert.Contains(errors.EnumerateObject(), e => e.Name.StartsWith("observed[0].", StringComparison.Ordinal));

        var started = await secretariat.PostAsJsonAsync($"/api/models/{id}/runs", new { kind = "calibration", fit, observed = new[] { Observed() }, starts = 3, seed = 7, backtestBefore = 2020 });
        var run = await DemandApiTests.JsonAsync(started, HttpStatusCode.Created);
        var runId = run.GetProperty("id").GetInt32();
        var inputs = run.GetProperty("inputs").GetProperty("calibration");
        Assert.Equal([2015.5, 2019.5, 2024.5], inputs.GetProperty("observed")[0].GetProperty("times").EnumerateArray().Select(t => t.GetDouble()));
        Assert.Equal(860.417, inputs.GetProperty("observed")[0].GetProperty("values")[0].GetDouble(), 3);

        var done = await DemandApiTests.DoneAsync(app, runId);
        var result = done.GetProperty("calibration");
        var values = result.GetProperty("values");
        var initial = values.GetProperty("initial employment").GetDouble();
        var rate = values.GetProperty("hiring rate").GetDouble();
        Assert.InRange(initial, 100, 3000);
        Assert.InRange(rate, 0, 0.3);

        // The statistics are those of the series shown: RMSE recomputed from the observed and simulated values.
        var series = result.GetProperty("series")[0];
        var observed = series.GetProperty("observed").EnumerateArray().Select(v => v.GetDouble()).ToList();
        var simulated = series.GetProperty("simulated").EnumerateArray().Select(v => v.GetDouble()).ToList();
        var rmse = Math.Sqrt(observed.Zip(simulated).Average(p => (p.First - p.Second) * (p.First - p.Second)));
        Assert.Equal(rmse, result.GetProperty("rmse").GetDouble(), 6);
        Assert.InRange(result.GetProperty("rSquared").GetDouble(), 0.9, 1);

        // Better than the model as it was: a simulation at the start values misses the data by more.
        var asShipped = await DemandApiTests.JsonAsync(await secretariat.PostAsJsonAsync($"/api/models/{id}/runs", new { kind = "simulation" }), HttpStatusCode.Created);
        var times = asShipped.GetProperty("simulation").GetProperty("times").EnumerateArray().Select(t => t.GetDouble()).ToList();
        var shipped = asShipped.GetProperty("simulation").GetProperty("series").GetProperty("employment").EnumerateArray().Select(v => v.GetDouble()).ToList();
        var before = Math.Sqrt(new[] { 2015.5, 2019.5, 2024.5 }.Select((t, i) => Math.Pow(shipped[times.IndexOf(t)] - observed[i], 2)).Average());
        Assert.True(rmse < before / 5, $"RMSE {rmse} after, {before} before");

        var backtest = result.GetProperty("backtest");
        Assert.Equal(2020, backtest.GetProperty("fittedBefore").GetDouble());
        var point = Assert.Single(backtest.GetProperty("points").EnumerateArray());
        Assert.Equal(2024.5, point.GetProperty("time").GetDouble());
        Assert.Equal(100 * (point.GetProperty("simulated").GetDouble() - 1216.673) / 1216.673, point.GetProperty("percentError").GetDouble(), 6);

        // A year is never grouped as a number (the Spanish page showed the back-test's year as "2.020"): the run's page and
        // the model's page (INITIAL TIME, FINAL TIME) in both languages.
        foreach (var language in new[] { "es", "en" })
        {
            var client = app.ClientIn(language);
            var runPage = await client.GetStringAsync($"/models/runs/{runId}");
            Assert.Contains(language == "es" ? "antes de 2020" : "before 2020", runPage, StringComparison.Ordinal);
            Assert.Contains(language == "es" ? ">2024,5<" : ">2024.5<", runPage, StringComparison.Ordinal);
            var modelPage = await client.GetStringAsync($"/models/{model.GetProperty("slug").GetString()}");
            Assert.Contains(">2015<", modelPage, StringComparison.Ordinal);
            var separator = language == "es" ? "." : ",";
            foreach (var year in Enumerable.Range(2010, 21))
            {
                var grouped = $"{year / 1000}{separator}{year % 1000:000}";
                Assert.DoesNotContain(grouped, runPage, StringComparison.Ordinal);
                Assert.DoesNotContain(grouped, modelPage, StringComparison.Ordinal);
            }
        }

        var csv = await secretariat.GetStringAsync($"/api/models/runs/{runId}.csv");
        Assert.StartsWith("Time,employment model,employment data", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);

        // The fit becomes a scenario; saving it twice under one name is refused by field; a simulation is not a calibration.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsAsync("focal-point:GT")).PostAsJsonAsync($"/api/models/runs/{runId}/scenario", new { name = "x" })).StatusCode);
        var scenario = await DemandApiTests.JsonAsync(await secretariat.PostAsJsonAsync($"/api/models/runs/{runId}/scenario", new { name = "Calibrated" }), HttpStatusCode.Created);
        Assert.Equal(initial, scenario.GetProperty("overrides").GetProperty("constants").GetProperty("initial employment").GetDouble(), 9);
        Assert.Matches($"^Calibration #{runId} \\(model version \\d+\\): RMSE [0-9.E+-]+, MAPE [0-9.]+ %, R² [0-9.-]+\\.$", scenario.GetProperty("description").GetString()!);
        var spanish = await DemandApiTests.JsonAsync(await (await app.ClientAsAsync("secretariat")).PostAsJsonAsync($"/api/models/runs/{runId}/scenario", new { name = "Calibrado" }), HttpStatusCode.Created);
        Assert.Matches($"^Calibración n\\.º {runId} \\(versión \\d+ del modelo\\): RMSE [0-9,E+-]+, MAPE [0-9,]+ %, R² [0-9,-]+\\.$", spanish.GetProperty("description").GetString()!);
        var twice = await secretariat.PostAsJsonAsync($"/api/models/runs/{runId}/scenario", new { name = "Calibrated" });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("\"name\"", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var notCalibration = await secretariat.PostAsJsonAsync($"/api/models/runs/{asShipped.GetProperty("id").GetInt32()}/scenario", new { name = "Other" });
        Assert.Equal(HttpStatusCode.BadRequest, notCalibration.StatusCode);
        Assert.Contains("\"run\"", await notCalibration.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The scenario reproduces the fit: a simulation on it gives the fitted series.
        var again = await DemandApiTests.JsonAsync(await secretariat.PostAsJsonAsync($"/api/models/{id}/runs", new { kind = "simulation", scenario = scenario.GetProperty("id").GetInt32() }), HttpStatusCode.Created);
        var rerun = again.GetProperty("simulation").GetProperty("series").GetProperty("employment").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.Equal(simulated[2], rerun[times.IndexOf(2024.5)], 6);
    }
}

/// <summary>Labour-market records the demand tests fit and bind to, imported once per database.</summary>
public static class DemandTestData
{
    /// <summary>Imports ILOSTAT's modelled employment by occupation (2015, 2019, 2024) unless it is there.</summary>
    public static async Task ImportIlostatAsync(Platform.Data.MovilidadDb db)
    {
        var name = Path.GetFileName(LabourMarket.RecordFiles.Ilostat);
        if (await db.Set<Platform.LabourMarket.LabourDataset>().AnyAsync(d => d.FileName == name))
        {
            return;
        }

        await using var stream = File.OpenRead(LabourMarket.RecordFiles.PathOf(LabourMarket.RecordFiles.Ilostat));
        var outcome = await Platform.LabourMarket.LabourImport.ImportAsync(db, new Platform.LabourMarket.LabourImportRequest(stream, name), _ => true,
            Platform.Audit.AuditActor.CommandLine(), TimeProvider.System, "en", null, CancellationToken.None);
        Assert.IsType<Platform.Writes.WriteOutcome<Platform.LabourMarket.LabourDatasetSummary>.Saved>(outcome);
    }
}

public sealed class DemandCalibrationTestsOnSqlite(SqliteApp app) : DemandCalibrationTests(app), IClassFixture<SqliteApp>;

public sealed class DemandCalibrationTestsOnPostgres(PostgresApp app) : DemandCalibrationTests(app), IClassFixture<PostgresApp>;
