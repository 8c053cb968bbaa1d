using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Network;

namespace Movilidad.Web.Tests.Features.Security;

/// <summary>
/// The rows of the UN network's follow-up (issue 15): everyone reads the approved follow-up; the writes are the network
/// agencies' and co-chairs' (a grant the table's roles do not hold, tested in <c>NetworkFollowUpTests</c>), so no role of
/// the table may make them, not even the Secretariat.
/// </summary>
public abstract partial class AuthorizationMatrixTests
{
    private const string NetworkPlan = "red-onu-2023-2024";
    private static int networkQuarters;

    private static async Task<int> NetworkActivity(Ids ids)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        return await db.PlanElements.Where(e => e.Plan!.Key == NetworkPlan && e.Key == "b3-1").Select(e => e.Id).SingleAsync();
    }

    /// <summary>A fresh submitted update of activity 3.1 by ILO, each in a quarter of its own (no two calls meet the same one).</summary>
    private static async Task<int> NetworkUpdate(Ids ids)
    {
        var element = await NetworkActivity(ids);
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var update = new NetworkUpdate
        {
            ElementId = element,
            InstitutionId = await db.Institutions.Where(i => i.Code == "OIT").Select(i => i.Id).SingleAsync(),
            Quarter = (3000 + Interlocked.Increment(ref networkQuarters)).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-Q1",
            Progress = new("Avance de la matriz", "Matrix progress"),
            Percent = 10,
            CreatedAt = DateTime.UtcNow,
        };
        db.NetworkUpdates.Add(update);
        await db.SaveChangesAsync();
        return update.Id;
    }

    private static object NetworkUpdateBody => new { version = 0, quarter = "2024-Q1", status = "in-progress", percent = 10, progress = new { es = "Avance", en = string.Empty } };

    private static void AddNetworkRows(Dictionary<string, Row> table)
    {
        table["GET /api/network/plans/{plan}"] = new(Everyone, null, Static(_ => $"/api/network/plans/{NetworkPlan}"));
        table["GET /api/network/activities/{id:int}"] = new(Everyone, null, async (ids, _) => Get($"/api/network/activities/{await NetworkActivity(ids)}"));
        table["POST /api/network/activities/{id:int}/updates"] = new(Nobody, null, async (ids, _) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/network/activities/{await NetworkActivity(ids)}/updates") { Content = JsonContent.Create(NetworkUpdateBody) });
        table["PUT /api/network/updates/{id:int}"] = new(Nobody, null, async (ids, _) =>
            new HttpRequestMessage(HttpMethod.Put, $"/api/network/updates/{await NetworkUpdate(ids)}") { Content = JsonContent.Create(NetworkUpdateBody) });
        table["POST /api/network/updates/{id:int}/approve"] = new(Nobody, null, async (ids, _) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/network/updates/{await NetworkUpdate(ids)}/approve") { Content = JsonContent.Create(new { version = 0 }) });
        table["POST /api/network/updates/{id:int}/return"] = new(Nobody, null, async (ids, _) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/network/updates/{await NetworkUpdate(ids)}/return") { Content = JsonContent.Create(new { version = 0, comment = "Devuelto" }) });
        table["PUT /api/network/plans/{plan}/review"] = new(Nobody, null, (_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Put, $"/api/network/plans/{NetworkPlan}/review")
        {
            Content = JsonContent.Create(new { version = 0, date = "2024-01-31", findings = new { es = "Hallazgos", en = string.Empty } }),
        }));
        table["POST /api/network/plans/{plan}/review/approve"] = new(Nobody, null, (_, _) =>
            Task.FromResult(new HttpRequestMessage(HttpMethod.Post, $"/api/network/plans/{NetworkPlan}/review/approve") { Content = JsonContent.Create(new { version = 0 }) }));
        table["GET /network/{plan?}"] = new(Everyone, null, Static(_ => "/network"));
        table["GET /network/activities/{id:int}"] = new(Everyone, null, async (ids, _) => Get($"/network/activities/{await NetworkActivity(ids)}"));
        table["POST /network/{plan?}?handler=Review"] = new(Nobody, null, Form((_, _) => $"/network/{NetworkPlan}?handler=Review", (_, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["Version"] = "0", ["ReviewDate"] = "2024-01-31", ["FindingsEs"] = "Hallazgos",
        })));
        table["POST /network/{plan?}?handler=ApproveReview"] = new(Nobody, null, Form((_, _) => $"/network/{NetworkPlan}?handler=ApproveReview", (_, _) => Task.FromResult(new Dictionary<string, string> { ["Version"] = "0" })));
        table["POST /network/activities/{id:int}?handler=Update"] = new(Nobody, null, async (ids, _) => new HttpRequestMessage(HttpMethod.Post, $"/network/activities/{await NetworkActivity(ids)}?handler=Update")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UpdateId"] = "0", ["Version"] = "0", ["Quarter"] = "2024-Q1", ["ProgressEs"] = "Avance", ["Status"] = "in-progress", ["Percent"] = "10" }),
        });
        foreach (var handler in new[] { "Approve", "Return" })
        {
            table[$"POST /network/activities/{{id:int}}?handler={handler}"] = new(Nobody, null, async (ids, _) => new HttpRequestMessage(HttpMethod.Post, $"/network/activities/{await NetworkActivity(ids)}?handler={handler}")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UpdateId"] = (await NetworkUpdate(ids)).ToString(System.Globalization.CultureInfo.InvariantCulture), ["Version"] = "0", ["Comment"] = "Devuelto" }),
            });
        }
    }
}
