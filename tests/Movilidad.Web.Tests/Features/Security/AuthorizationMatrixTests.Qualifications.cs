using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Movilidad.Platform.Programmes;
using Movilidad.Platform.Qualifications;

namespace Movilidad.Web.Tests.Features.Security;

/// <summary>The rows of qualifications and their recognition (issue 14): procedures reviewed like the registry, rates by the Secretariat.</summary>
public abstract partial class AuthorizationMatrixTests
{
    /// <summary>A procedure's content of Guatemala (own scope) or Mexico (other), under a fresh key.</summary>
    private static JsonObject ProcedureContent(Scope scope, string? key = null) => new()
    {
        ["key"] = key ?? $"matrix-{Guid.NewGuid():N}",
        ["name"] = new JsonObject { ["es"] = "Procedimiento", ["en"] = "Procedure" },
        ["kind"] = "evaluation",
        ["country"] = scope == Scope.Other ? "MX" : "GT",
        ["lastVerified"] = "2026-12-01",
    };

    /// <summary>A standard's content of Guatemala (own scope) or Mexico (other), under a fresh key.</summary>
    private static JsonObject StandardContent(Scope scope, string? key = null) => new()
    {
        ["key"] = key ?? $"matrix-{Guid.NewGuid():N}",
        ["name"] = new JsonObject { ["es"] = "Norma", ["en"] = "Standard" },
        ["kind"] = "competency-standard",
        ["country"] = scope == Scope.Other ? "MX" : "GT",
        ["institution"] = scope == Scope.Other ? "MX-CONOCER" : "GT-INTECAP",
        ["occupations"] = new JsonArray(new JsonObject { ["isco08"] = "7411", ["sources"] = new JsonArray("gt-intecap-certificacion") }),
        ["lastVerified"] = "2026-12-01",
    };

    /// <summary>
    /// What the rows of one kind of registry entry of this feature need: its API and pages, a valid content of a scope's
    /// country under a key, how its columns are read, and the fields the edit form posts beside key, name, kind and country.
    /// </summary>
    private sealed record RegistryRows<T>(string Api, string Pages, Func<Scope, string?, JsonObject> Content, Action<T, JsonObject> Describe, Func<Scope, Dictionary<string, string>> Fields)
        where T : RegistryEntry, new()
    {
        /// <summary>A fresh entry of the scope's country, published, with a pending change at <paramref name="stage"/> unless it is Published.</summary>
        public async Task<(int Id, string Key)> NewAsync(Ids ids, Scope scope, RegistryStage stage)
        {
            await using var db = (Platform.Data.MovilidadDb)ids.Db();
            var content = Content(scope, null);
            var entry = new T
            {
                Content = content.ToJsonString(),
                Draft = stage == RegistryStage.Published ? null : content.ToJsonString(),
                Stage = stage,
            };
            Describe(entry, content);
            db.Set<T>().Add(entry);
            await db.SaveChangesAsync();
            return (entry.Id, entry.Key);
        }

        public Func<Ids, Scope, Task<HttpRequestMessage>> Json(RegistryStage stage, HttpMethod method, string step, Func<Scope, string, object> body) =>
            async (ids, scope) =>
            {
                var (id, key) = await NewAsync(ids, scope, stage);
                return new HttpRequestMessage(method, $"{Api}/{id}{step}") { Content = JsonContent.Create(body(scope, key)) };
            };

        public Func<Ids, Scope, Task<HttpRequestMessage>> Form(RegistryStage stage, string handler) =>
            async (ids, scope) =>
            {
                var (_, key) = await NewAsync(ids, scope, stage);
                var fields = new Dictionary<string, string> { ["version"] = "0", ["comment"] = "Falta la fuente." };
                if (handler == "Save")
                {
                    fields["t:key"] = key;
                    fields["t:name.es"] = "Cambio";
                    fields["t:name.en"] = "Change";
                    foreach (var (name, value) in Fields(scope))
                    {
                        fields[name] = value;
                    }
                }

                return new HttpRequestMessage(HttpMethod.Post, $"{Pages}/edit/{key}?handler={handler}") { Content = new FormUrlEncodedContent(fields) };
            };
    }

    private static readonly RegistryRows<QualificationProcedure> ProcedureRows = new("/api/qualifications/procedures", "/qualifications", ProcedureContent, ProcedureRules.Describe, scope => new()
    {
        ["t:kind"] = "evaluation", ["t:country"] = scope == Scope.Other ? "MX" : "GT", ["t:lastVerified"] = "2026-12-02",
    });

    private static readonly RegistryRows<CompetencyStandard> StandardRows = new("/api/qualifications/standards", "/qualifications/standards", StandardContent, StandardRules.Describe, scope => new()
    {
        ["t:kind"] = "competency-standard", ["t:country"] = scope == Scope.Other ? "MX" : "GT", ["t:institution"] = scope == Scope.Other ? "MX-CONOCER" : "GT-INTECAP",
        ["t:occupations[0].isco08"] = "7411", ["l:occupations[0].sources"] = "gt-intecap-certificacion", ["t:lastVerified"] = "2026-12-02",
    });

    /// <summary>The rows of one kind's review: the registry's API under its prefix, its edit form and its history tab.</summary>
    private static void AddReviewRows<T>(Dictionary<string, Row> table, RegistryRows<T> kind, string shippedKey)
        where T : RegistryEntry, new()
    {
        string[] ownProposers = [Secretariat, FocalPoint];
        var api = kind.Api;
        table[$"GET {api}/"] = new(Everyone, null, Static(_ => $"{api}?country=MX"));
        table[$"GET {api}/{{id}}"] = new(Everyone, null, Static(_ => $"{api}/{shippedKey}"));
        table[$"POST {api}/"] = new(ownProposers, OnlySecretariat, (_, scope) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, api)
        {
            Content = JsonContent.Create(new { version = 0, content = kind.Content(scope, null) }),
        }));
        table[$"PUT {api}/{{id:int}}"] = new(ownProposers, OnlySecretariat,
            kind.Json(RegistryStage.Published, HttpMethod.Put, string.Empty, (scope, key) => new { version = 0, content = kind.Content(scope, key) }));
        table[$"POST {api}/{{id:int}}/submit"] = new(ownProposers, OnlySecretariat, kind.Json(RegistryStage.Draft, HttpMethod.Post, "/submit", (_, _) => new { version = 0 }));
        table[$"POST {api}/{{id:int}}/publish"] = new(OnlySecretariat, OnlySecretariat, kind.Json(RegistryStage.InReview, HttpMethod.Post, "/publish", (_, _) => new { version = 0 }));
        table[$"POST {api}/{{id:int}}/return"] = new(OnlySecretariat, OnlySecretariat,
            kind.Json(RegistryStage.InReview, HttpMethod.Post, "/return", (_, _) => new { version = 0, comment = "Falta la fuente." }));

        var pages = kind.Pages;
        table[$"GET {pages}/edit/{{key?}}"] = new(ownProposers, OnlySecretariat, async (ids, scope) => Get($"{pages}/edit/{(await kind.NewAsync(ids, scope, RegistryStage.Published)).Key}"));
        table[$"POST {pages}/edit/{{key?}}?handler=Save"] = new(ownProposers, OnlySecretariat, kind.Form(RegistryStage.Published, "Save"));
        table[$"POST {pages}/edit/{{key?}}?handler=Submit"] = new(ownProposers, OnlySecretariat, kind.Form(RegistryStage.Draft, "Submit"));
        table[$"POST {pages}/edit/{{key?}}?handler=Publish"] = new(OnlySecretariat, OnlySecretariat, kind.Form(RegistryStage.InReview, "Publish"));
        table[$"POST {pages}/edit/{{key?}}?handler=Return"] = new(OnlySecretariat, OnlySecretariat, kind.Form(RegistryStage.InReview, "Return"));
        table[$"GET {pages}/{{id:int}}/history"] = new(ownProposers, OnlySecretariat, async (ids, scope) => Get($"{pages}/{(await kind.NewAsync(ids, scope, RegistryStage.Published)).Id}/history"));
    }

    /// <summary>A rate of a currency on a date no other call uses.</summary>
    private static object RateBody(int version = 0) => new
    {
        version, currency = "MXN", rate = 17.5m, asOf = new DateOnly(2100, 1, 1).AddDays(Random.Shared.Next(0, 300_000)), source = "Banco de México",
    };

    private static void AddQualificationRows(Dictionary<string, Row> table)
    {
        AddReviewRows(table, ProcedureRows, "mx-conocer-certificacion");
        AddReviewRows(table, StandardRows, "mx-conocer-ec0435");
        table["GET /qualifications/standards"] = new(Everyone, null, Static(_ => "/qualifications/standards?occupation=5311"));
        table["GET /qualifications/standards/{key}"] = new(Everyone, null, Static(_ => "/qualifications/standards/mx-conocer-ec0435"));
        table["GET /api/qualifications/compare"] = new(Everyone, null, Static(_ => "/api/qualifications/compare?kind=recognition&countries=MX,GT"));
        table["GET /api/qualifications/rates"] = new(Everyone, null, Static(_ => "/api/qualifications/rates"));
        table["POST /api/qualifications/rates"] = new(OnlySecretariat, null, (_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/qualifications/rates") { Content = JsonContent.Create(RateBody()) }));
        table["PUT /api/qualifications/rates/{id:int}"] = new(OnlySecretariat, null, async (ids, _) =>
        {
            await using var db = (Platform.Data.MovilidadDb)ids.Db();
            var rate = new ExchangeRate { Currency = "GTQ", Rate = 7.7m, AsOf = new DateOnly(2100, 1, 1).AddDays(Random.Shared.Next(0, 300_000)), Source = "Banguat" };
            db.ExchangeRates.Add(rate);
            await db.SaveChangesAsync();
            return new HttpRequestMessage(HttpMethod.Put, $"/api/qualifications/rates/{rate.Id}") { Content = JsonContent.Create(new { version = 0, currency = "GTQ", rate = 7.8m, asOf = rate.AsOf, source = "Banguat" }) };
        });

        table["GET /qualifications"] = new(Everyone, null, Static(_ => "/qualifications"));
        table["GET /qualifications/{key}"] = new(Everyone, null, Static(_ => "/qualifications/mx-conocer-certificacion"));
        table["GET /qualifications/compare"] = new(Everyone, null, Static(_ => "/qualifications/compare?kind=recognition"));
        table["GET /qualifications/rates"] = new(Everyone, null, Static(_ => "/qualifications/rates"));
        table["POST /qualifications/rates"] = new(OnlySecretariat, null, Form((_, _) => "/qualifications/rates", (_, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["Form.Version"] = "0", ["Form.Currency"] = "MXN", ["Form.Rate"] = "17.5",
            ["Form.AsOf"] = new DateOnly(2100, 1, 1).AddDays(Random.Shared.Next(0, 300_000)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Form.Source"] = "Banco de México",
        })));
    }
}
