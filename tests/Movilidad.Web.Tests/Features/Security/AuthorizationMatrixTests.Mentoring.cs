using System.Net.Http.Json;
using Movilidad.Platform.Accounts;
using Movilidad.Platform.Mentoring;

namespace Movilidad.Web.Tests.Features.Security;

/// <summary>The rows of virtual mentoring (issue 14): the Secretariat manages; only the matched people act on their request.</summary>
public abstract partial class AuthorizationMatrixTests
{
    private static async Task<int> NewAccount(Platform.Data.MovilidadDb db)
    {
        var email = $"mentoring-{Guid.NewGuid():N}@example.org";
        var account = new Account { Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = "Mentoring" };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    }

    /// <summary>A fresh expert (of a fresh account) at <paramref name="status"/>.</summary>
    private static async Task<int> NewExpert(Ids ids, ExpertStatus status)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var expert = new MentoringExpert
        {
            AccountId = await NewAccount(db), Name = "Experta", Country = "CR", Kind = "functional-expert", Areas = " tema-1-1 ", Languages = " es ",
            HoursPerMonth = 10, Contact = "experta@example.org", Status = status,
        };
        db.MentoringExperts.Add(expert);
        await db.SaveChangesAsync();
        return expert.Id;
    }

    /// <summary>A fresh request of a fresh mentee, open or matched with a fresh validated expert.</summary>
    private static async Task<int> NewMentoringRequest(Ids ids, bool matched)
    {
        var expert = matched ? await NewExpert(ids, ExpertStatus.Validated) : (int?)null;
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var request = new MentoringRequest
        {
            MenteeAccountId = await NewAccount(db), MenteeName = "Nueva", MenteeContact = "nueva@example.org", Country = "HN", Topic = "tema-1-1", Language = "es",
            Description = "Mentoría", Status = matched ? MentoringStatus.Matched : MentoringStatus.Open, ExpertId = expert, CreatedAt = DateTime.UtcNow,
        };
        db.MentoringRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }

    private static void AddMentoringRows(Dictionary<string, Row> table)
    {
        const string api = "/api/mentoring";
        table[$"GET {api}/experts"] = new(SignedIn, null, Static(_ => $"{api}/experts"));
        table[$"POST {api}/experts"] = new(SignedIn, null, (_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"{api}/experts")
        {
            Content = JsonContent.Create(new { name = "Matriz", country = "GT", kind = "crm-member", areas = new[] { "pil1" }, languages = new[] { "es" }, hoursPerMonth = 4, contact = "matriz@example.org" }),
        }));
        table[$"POST {api}/experts/{{id:int}}/validate"] = new(OnlySecretariat, null, async (ids, _) =>
            new HttpRequestMessage(HttpMethod.Post, $"{api}/experts/{await NewExpert(ids, ExpertStatus.Proposed)}/validate") { Content = JsonContent.Create(new { version = 0 }) });
        table[$"PUT {api}/experts/{{id:int}}"] = new(OnlySecretariat, null, async (ids, _) =>
            new HttpRequestMessage(HttpMethod.Put, $"{api}/experts/{await NewExpert(ids, ExpertStatus.Validated)}")
            {
                Content = JsonContent.Create(new { version = 0, name = "Experta", country = "CR", kind = "functional-expert", areas = new[] { "tema-1-1" }, languages = new[] { "es" }, hoursPerMonth = 6, contact = "experta@example.org" }),
            });
        table[$"GET {api}/requests"] = new(SignedIn, null, Static(_ => $"{api}/requests"));
        table[$"GET {api}/requests/{{id:int}}"] = new(OnlySecretariat, null, async (ids, _) => Get($"{api}/requests/{await NewMentoringRequest(ids, matched: false)}"));
        table[$"POST {api}/requests"] = new(SignedIn, null, (_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"{api}/requests")
        {
            Content = JsonContent.Create(new { country = "GT", topic = "tema-1-1", language = "es", description = "Mentoría", contact = "yo@example.org" }),
        }));
        table[$"POST {api}/requests/{{id:int}}/accept"] = new(OnlySecretariat, null, async (ids, _) =>
        {
            var request = await NewMentoringRequest(ids, matched: false);
            var expert = await NewExpert(ids, ExpertStatus.Validated);
            return new HttpRequestMessage(HttpMethod.Post, $"{api}/requests/{request}/accept") { Content = JsonContent.Create(new { version = 0, expertId = expert }) };
        });
        table[$"POST {api}/requests/{{id:int}}/sessions"] = new(OnlySecretariat, null, async (ids, _) =>
            new HttpRequestMessage(HttpMethod.Post, $"{api}/requests/{await NewMentoringRequest(ids, matched: true)}/sessions")
            {
                Content = JsonContent.Create(new { version = 0, date = "2026-01-15", minutes = 60, topics = "Datos" }),
            });
        table[$"POST {api}/requests/{{id:int}}/feedback"] = new(Nobody, null, async (ids, _) =>
            new HttpRequestMessage(HttpMethod.Post, $"{api}/requests/{await NewMentoringRequest(ids, matched: true)}/feedback") { Content = JsonContent.Create(new { version = 0, rating = 5 }) });
        table[$"GET {api}/counts"] = new(OnlySecretariat, null, Static(_ => $"{api}/counts"));
        table["GET /mentoring"] = new(SignedIn, null, Static(_ => "/mentoring"));
        table["POST /mentoring?handler=Ask"] = new(SignedIn, null, Form((_, _) => "/mentoring?handler=Ask", (_, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["Ask.Country"] = "GT", ["Ask.Topic"] = "tema-1-1", ["Ask.Language"] = "es", ["Ask.Description"] = "Mentoría", ["Ask.Contact"] = "yo@example.org",
        })));
        table["GET /mentoring/requests/{id:int}"] = new(OnlySecretariat, null, async (ids, _) => Get($"/mentoring/requests/{await NewMentoringRequest(ids, matched: false)}"));
        table["POST /mentoring/requests/{id:int}?handler=Accept"] = new(OnlySecretariat, null, async (ids, _) =>
        {
            var request = await NewMentoringRequest(ids, matched: false);
            var expert = await NewExpert(ids, ExpertStatus.Validated);
            return new HttpRequestMessage(HttpMethod.Post, $"/mentoring/requests/{request}?handler=Accept")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Version"] = "0", ["ExpertId"] = expert.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            };
        });
        table["POST /mentoring/requests/{id:int}?handler=Session"] = new(OnlySecretariat, null, async (ids, _) =>
            new HttpRequestMessage(HttpMethod.Post, $"/mentoring/requests/{await NewMentoringRequest(ids, matched: true)}?handler=Session")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Version"] = "0", ["Session.Date"] = "2026-01-15", ["Session.Minutes"] = "60", ["Session.Topics"] = "Datos" }),
            });
        table["POST /mentoring/requests/{id:int}?handler=Feedback"] = new(Nobody, null, async (ids, _) =>
            new HttpRequestMessage(HttpMethod.Post, $"/mentoring/requests/{await NewMentoringRequest(ids, matched: true)}?handler=Feedback")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Version"] = "0", ["Feedback.Rating"] = "5" }),
            });
        table["GET /mentoring/experts"] = new(SignedIn, null, Static(_ => "/mentoring/experts"));
        table["POST /mentoring/experts?handler=Validate"] = new(OnlySecretariat, null, async (ids, _) =>
            new HttpRequestMessage(HttpMethod.Post, "/mentoring/experts?handler=Validate")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["expertId"] = (await NewExpert(ids, ExpertStatus.Proposed)).ToString(System.Globalization.CultureInfo.InvariantCulture), ["version"] = "0" }),
            });
        table["GET /mentoring/profile"] = new(SignedIn, null, Static(_ => "/mentoring/profile"));
        table["POST /mentoring/profile"] = new(SignedIn, null, Form((_, _) => "/mentoring/profile", (_, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["Version"] = "0", ["Form.Name"] = "Matriz", ["Form.Country"] = "GT", ["Form.Kind"] = "crm-member", ["Form.Areas"] = "pil1", ["Form.Languages"] = "es",
            ["Form.HoursPerMonth"] = "4", ["Form.Contact"] = "matriz@example.org",
        })));
        table["GET /mentoring/counts"] = new(OnlySecretariat, null, Static(_ => "/mentoring/counts"));
        table["POST /mentoring?handler=Register"] = new(SignedIn, null, Form((_, _) => "/mentoring?handler=Register", (_, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["Register.Name"] = "Matriz", ["Register.Country"] = "GT", ["Register.Kind"] = "crm-member", ["Register.Areas"] = "pil1", ["Register.Languages"] = "es",
            ["Register.HoursPerMonth"] = "4", ["Register.Contact"] = "matriz@example.org",
        })));
    }
}
