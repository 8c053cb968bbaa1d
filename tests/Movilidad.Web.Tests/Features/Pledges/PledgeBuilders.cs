using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Tests.Features.Monitoring;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Pledges;

/// <summary>Request bodies for pledges and the calls the pledge tests repeat.</summary>
public static class PledgeBuilders
{
    /// <summary>A valid pledge body (as a dictionary, so that a test can break one field of it) by the institutions with these codes.</summary>
    public static async Task<Dictionary<string, object?>> PledgeAsync(this MovilidadApp app, params string[] pledgers)
    {
        var ids = new List<int>();
        foreach (var code in pledgers)
        {
            ids.Add(await app.InstitutionIdAsync(code));
        }

        return new()
        {
            ["version"] = 0,
            ["title"] = new { es = "Ampliar las vías regulares de movilidad laboral", en = "Expand regular pathways for labour mobility" },
            ["description"] = new { es = "Acuerdos bilaterales de trabajo temporal.", en = "Bilateral temporary work agreements." },
            ["pledgers"] = ids,
            ["matchingPledgeId"] = null,
            ["gcmObjectives"] = new[] { 5, 6 },
            ["milestones"] = new object[] { new { title = "Acuerdo firmado", dueDate = "2026-06-30", done = false } },
            ["elements"] = new[] { await app.ActionIdAsync() },
            ["activities"] = Array.Empty<int>(),
        };
    }

    public static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    /// <summary>Moves a pledge's creation back, as if it had been recorded long ago (before the quarter whose update is due).</summary>
    public static async Task BackdateAsync(this MovilidadApp app, int id, DateTime createdAt)
    {
        await using var db = app.CreateDb();
        await db.Pledges.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.CreatedAt, createdAt));
    }

    public static async Task<int> PledgeVersionAsync(this MovilidadApp app, int id)
    {
        await using var db = app.CreateDb();
        return await db.Pledges.Where(p => p.Id == id).Select(p => p.Version).SingleAsync();
    }
}
