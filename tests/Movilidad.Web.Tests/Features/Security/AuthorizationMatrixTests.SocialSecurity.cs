using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Movilidad.Platform.Programmes;
using Movilidad.Platform.SocialSecurity;

namespace Movilidad.Web.Tests.Features.Security;

/// <summary>
/// The rows of the social-security registry's review (issue 14): ILO conventions, whose rows a focal point changes for
/// their own country only (a new convention is the Secretariat's), and voluntary enrolment options, by their country.
/// </summary>
public abstract partial class AuthorizationMatrixTests
{
    private static string CountryOf(Scope scope) => scope == Scope.Other ? "MX" : "GT";

    /// <summary>A convention with one row, of Guatemala (own scope) or Mexico (other), under a fresh key.</summary>
    private static JsonObject ConventionContent(Scope scope, string? key = null, string status = "unknown") => new()
    {
        ["key"] = key ?? $"matrix-{Guid.NewGuid():N}",
        ["number"] = 999,
        ["title"] = new JsonObject { ["es"] = "Convenio", ["en"] = "Convention" },
        ["states"] = new JsonArray(new JsonObject { ["country"] = CountryOf(scope), ["status"] = status }),
    };

    /// <summary>An enrolment option of Guatemala (own scope) or Mexico (other), under a fresh key.</summary>
    private static JsonObject OptionContent(Scope scope, string? key = null, string name = "Opción") => new()
    {
        ["key"] = key ?? $"matrix-{Guid.NewGuid():N}",
        ["country"] = CountryOf(scope),
        ["name"] = new JsonObject { ["es"] = name, ["en"] = "Option" },
    };

    /// <summary>A fresh convention or option of the scope's country, published, with a pending change at <paramref name="stage"/> unless it is Published.</summary>
    private static async Task<(int Id, string Key)> NewSocialSecurityEntry(Ids ids, bool convention, Scope scope, RegistryStage stage)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var content = convention ? ConventionContent(scope) : OptionContent(scope);
        RegistryEntry entry = convention ? new IloConvention() : new EnrolmentOption();
        entry.Content = content.ToJsonString();
        entry.Draft = stage == RegistryStage.Published ? null : content.ToJsonString();
        entry.Stage = stage;
        switch (entry)
        {
            case IloConvention c:
                ConventionRules.Describe(c, content);
                db.IloConventions.Add(c);
                break;
            case EnrolmentOption o:
                ConventionRules.Describe(o, content);
                db.EnrolmentOptions.Add(o);
                break;
        }

        await db.SaveChangesAsync();
        return (entry.Id, entry.Key);
    }

    private static void AddSocialSecurityRows(Dictionary<string, Row> table)
    {
        string[] ownProposers = [Secretariat, FocalPoint];
        foreach (var convention in new[] { true, false })
        {
            var api = convention ? "/api/social-security/conventions" : "/api/social-security/enrolment-options";
            var pages = convention ? "/social-security/instruments" : "/social-security/enrolment";
            JsonObject Changed(Scope scope, string key) => convention ? ConventionContent(scope, key, "ratified") : OptionContent(scope, key, "Cambio");
            Func<Ids, Scope, Task<HttpRequestMessage>> Json(RegistryStage stage, HttpMethod method, string step, Func<Scope, string, object> body) => async (ids, scope) =>
            {
                var (id, key) = await NewSocialSecurityEntry(ids, convention, scope, stage);
                return new HttpRequestMessage(method, $"{api}/{id}{step}") { Content = JsonContent.Create(body(scope, key)) };
            };
            Func<Ids, Scope, Task<HttpRequestMessage>> Form(RegistryStage stage, string handler) => async (ids, scope) =>
            {
                var (_, key) = await NewSocialSecurityEntry(ids, convention, scope, stage);
                var fields = new Dictionary<string, string> { ["version"] = "0", ["comment"] = "Falta la fuente." };
                if (handler == "Save")
                {
                    fields["t:key"] = key;
                    if (convention)
                    {
                        (fields["n:number"], fields["t:title.es"], fields["t:title.en"]) = ("999", "Convenio", "Convention");
                        (fields["t:states[0].country"], fields["t:states[0].status"]) = (CountryOf(scope), "ratified");
                    }
                    else
                    {
                        (fields["t:country"], fields["t:name.es"], fields["t:name.en"]) = (CountryOf(scope), "Cambio", "Option");
                    }
                }

                return new HttpRequestMessage(HttpMethod.Post, $"{pages}/edit/{key}?handler={handler}") { Content = new FormUrlEncodedContent(fields) };
            };

            table[$"GET {api}/"] = new(Everyone, null, Static(_ => api));
            table[$"GET {api}/{{id}}"] = new(Everyone, null, Static(_ => convention ? $"{api}/c097" : $"{api}/mx-imss-incorporacion-voluntaria"));
            table[$"POST {api}/"] = new(convention ? OnlySecretariat : ownProposers, OnlySecretariat, (_, scope) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, api)
            {
                Content = JsonContent.Create(new { version = 0, content = convention ? ConventionContent(scope) : OptionContent(scope) }),
            }));
            table[$"PUT {api}/{{id:int}}"] = new(ownProposers, OnlySecretariat, Json(RegistryStage.Published, HttpMethod.Put, string.Empty, (scope, key) => new { version = 0, content = Changed(scope, key) }));
            table[$"POST {api}/{{id:int}}/submit"] = new(ownProposers, OnlySecretariat, Json(RegistryStage.Draft, HttpMethod.Post, "/submit", (_, _) => new { version = 0 }));
            table[$"POST {api}/{{id:int}}/publish"] = new(OnlySecretariat, OnlySecretariat, Json(RegistryStage.InReview, HttpMethod.Post, "/publish", (_, _) => new { version = 0 }));
            table[$"POST {api}/{{id:int}}/return"] = new(OnlySecretariat, OnlySecretariat, Json(RegistryStage.InReview, HttpMethod.Post, "/return", (_, _) => new { version = 0, comment = "Falta la fuente." }));

            table[$"GET {pages}/edit/{{key?}}"] = new(ownProposers, OnlySecretariat, async (ids, scope) => Get($"{pages}/edit/{(await NewSocialSecurityEntry(ids, convention, scope, RegistryStage.Published)).Key}"));
            table[$"POST {pages}/edit/{{key?}}?handler=Save"] = new(ownProposers, OnlySecretariat, Form(RegistryStage.Published, "Save"));
            table[$"POST {pages}/edit/{{key?}}?handler=Submit"] = new(ownProposers, OnlySecretariat, Form(RegistryStage.Draft, "Submit"));
            table[$"POST {pages}/edit/{{key?}}?handler=Publish"] = new(OnlySecretariat, OnlySecretariat, Form(RegistryStage.InReview, "Publish"));
            table[$"POST {pages}/edit/{{key?}}?handler=Return"] = new(OnlySecretariat, OnlySecretariat, Form(RegistryStage.InReview, "Return"));
            table[$"GET {pages}/{{id:int}}/history"] = new(ownProposers, OnlySecretariat, async (ids, scope) => Get($"{pages}/{(await NewSocialSecurityEntry(ids, convention, scope, RegistryStage.Published)).Id}/history"));
        }

        table["GET /social-security/enrolment/{key?}"] = new(Everyone, null, Static(_ => "/social-security/enrolment?country=MX"));
    }
}
