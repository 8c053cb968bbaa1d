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

    /// <summary>A fresh procedure of the scope's country, published, with a pending change at <paramref name="stage"/> unless it is Published.</summary>
    private static async Task<(int Id, string Key)> NewProcedure(Ids ids, Scope scope, RegistryStage stage)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var content = ProcedureContent(scope);
        var procedure = new QualificationProcedure
        {
            Content = content.ToJsonString(),
            Draft = stage == RegistryStage.Published ? null : content.ToJsonString(),
            Stage = stage,
        };
        ProcedureRules.Describe(procedure, content);
        db.QualificationProcedures.Add(procedure);
        await db.SaveChangesAsync();
        return (procedure.Id, procedure.Key);
    }

    private static Func<Ids, Scope, Task<HttpRequestMessage>> ProcedureJson(RegistryStage stage, HttpMethod method, string step, Func<Scope, string, object> body) =>
        async (ids, scope) =>
        {
            var (id, key) = await NewProcedure(ids, scope, stage);
            return new HttpRequestMessage(method, $"/api/qualifications/procedures/{id}{step}") { Content = JsonContent.Create(body(scope, key)) };
        };

    private static Func<Ids, Scope, Task<HttpRequestMessage>> ProcedureForm(RegistryStage stage, string handler) =>
        async (ids, scope) =>
        {
            var (_, key) = await NewProcedure(ids, scope, stage);
            var fields = new Dictionary<string, string> { ["version"] = "0", ["comment"] = "Falta la fuente." };
            if (handler == "Save")
            {
                fields["t:key"] = key;
                fields["t:name.es"] = "Cambio";
                fields["t:name.en"] = "Change";
                fields["t:kind"] = "evaluation";
                fields["t:country"] = scope == Scope.Other ? "MX" : "GT";
                fields["t:lastVerified"] = "2026-12-02";
            }

            return new HttpRequestMessage(HttpMethod.Post, $"/qualifications/edit/{key}?handler={handler}") { Content = new FormUrlEncodedContent(fields) };
        };

    /// <summary>A rate of a currency on a date no other call uses.</summary>
    private static object RateBody(int version = 0) => new
    {
        version, currency = "MXN", rate = 17.5m, asOf = new DateOnly(2100, 1, 1).AddDays(Random.Shared.Next(0, 300_000)), source = "Banco de México",
    };

    private static void AddQualificationRows(Dictionary<string, Row> table)
    {
        string[] ownProposers = [Secretariat, FocalPoint];
        const string api = "/api/qualifications/procedures";
        table[$"GET {api}/"] = new(Everyone, null, Static(_ => $"{api}?country=MX"));
        table[$"GET {api}/{{id}}"] = new(Everyone, null, Static(_ => $"{api}/mx-conocer-certificacion"));
        table[$"POST {api}/"] = new(ownProposers, OnlySecretariat, (_, scope) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, api)
        {
            Content = JsonContent.Create(new { version = 0, content = ProcedureContent(scope) }),
        }));
        table[$"PUT {api}/{{id:int}}"] = new(ownProposers, OnlySecretariat,
            ProcedureJson(RegistryStage.Published, HttpMethod.Put, string.Empty, (scope, key) => new { version = 0, content = ProcedureContent(scope, key) }));
        table[$"POST {api}/{{id:int}}/submit"] = new(ownProposers, OnlySecretariat, ProcedureJson(RegistryStage.Draft, HttpMethod.Post, "/submit", (_, _) => new { version = 0 }));
        table[$"POST {api}/{{id:int}}/publish"] = new(OnlySecretariat, OnlySecretariat, ProcedureJson(RegistryStage.InReview, HttpMethod.Post, "/publish", (_, _) => new { version = 0 }));
        table[$"POST {api}/{{id:int}}/return"] = new(OnlySecretariat, OnlySecretariat,
            ProcedureJson(RegistryStage.InReview, HttpMethod.Post, "/return", (_, _) => new { version = 0, comment = "Falta la fuente." }));
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
        table["GET /qualifications/edit/{key?}"] = new(ownProposers, OnlySecretariat, async (ids, scope) => Get($"/qualifications/edit/{(await NewProcedure(ids, scope, RegistryStage.Published)).Key}"));
        table["POST /qualifications/edit/{key?}?handler=Save"] = new(ownProposers, OnlySecretariat, ProcedureForm(RegistryStage.Published, "Save"));
        table["POST /qualifications/edit/{key?}?handler=Submit"] = new(ownProposers, OnlySecretariat, ProcedureForm(RegistryStage.Draft, "Submit"));
        table["POST /qualifications/edit/{key?}?handler=Publish"] = new(OnlySecretariat, OnlySecretariat, ProcedureForm(RegistryStage.InReview, "Publish"));
        table["POST /qualifications/edit/{key?}?handler=Return"] = new(OnlySecretariat, OnlySecretariat, ProcedureForm(RegistryStage.InReview, "Return"));
        table["GET /qualifications/{id:int}/history"] = new(ownProposers, OnlySecretariat, async (ids, scope) => Get($"/qualifications/{(await NewProcedure(ids, scope, RegistryStage.Published)).Id}/history"));
    }
}
