using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Institutions;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Monitoring;

/// <summary>Ids of shipped content that activities hang from, and request bodies for activities.</summary>
public static class ActivityBuilders
{
    public static async Task<int> ActionIdAsync(this MovilidadApp app, string code = "1.1", string plan = "prml-2023-2027")
    {
        await using var db = app.CreateDb();
        db.ShowsUnpublished = true;
        return await db.PlanElements.Where(e => e.Plan!.Key == plan && e.LevelKey == "action" && e.Code == code).Select(e => e.Id).SingleAsync();
    }

    public static async Task<int> InstitutionIdAsync(this MovilidadApp app, string code)
    {
        await using var db = app.CreateDb();
        return await db.Institutions.Where(i => i.Code == code).Select(i => i.Id).SingleAsync();
    }

    public static async Task<int> WorkingGroupIdAsync(this MovilidadApp app, string code = "GT-ML")
    {
        await using var db = app.CreateDb();
        return await db.Institutions.Where(i => i.Code == code && i.Kind == InstitutionKind.WorkingGroup).Select(i => i.Id).SingleAsync();
    }

    /// <summary>A valid activity body (as a dictionary, so a test can break one field of it).</summary>
    public static Dictionary<string, object?> Activity(int actionId, int workingGroupId, string code, params string[] countries) => new()
    {
        ["version"] = 0,
        ["actionId"] = actionId,
        ["code"] = code,
        ["title"] = new { es = "Taller regional de reconocimiento de competencias", en = "Regional workshop on skills recognition" },
        ["description"] = new { es = "Dos días con las instituciones de formación.", en = "Two days with the training institutions." },
        ["term"] = "short",
        ["startDate"] = "2025-03-01",
        ["endDate"] = "2025-06-30",
        ["workingGroupId"] = workingGroupId,
        ["priority"] = "high",
        ["genderMarker"] = 1,
        ["responsible"] = Array.Empty<int>(),
        ["accompanying"] = Array.Empty<int>(),
        ["countries"] = countries.Length == 0 ? new[] { "GT", "HN" } : countries,
        ["budgetLines"] = new object[]
        {
            new { kind = "planned", amount = 25000.50m, currency = "USD", source = "Fondo de la CRM" },
            new { kind = "executed", amount = 1200m, currency = "GTQ", source = "Ministerio de Trabajo" },
        },
        ["gcmObjectives"] = new[] { 6, 18 },
        ["sdgTargets"] = new[] { "8.8", "10.7" },
    };

    public static Dictionary<string, object?> CompleteConceptNote(int version) => new()
    {
        ["version"] = version,
        ["objective"] = "Acordar un marco regional de reconocimiento.",
        ["expectedResults"] = "Hoja de ruta aprobada por los países.",
        ["indicators"] = "Indicador 2.1: países con mecanismos de reconocimiento.",
        ["expectedWomen"] = 15,
        ["expectedMen"] = 12,
        ["expectedOther"] = 0,
        ["modality"] = "hybrid",
        ["place"] = "Ciudad de Guatemala",
        ["startDate"] = "2025-03-10",
        ["endDate"] = "2025-03-11",
        ["budgetAmount"] = 25000.50m,
        ["budgetCurrency"] = "USD",
        ["responsible"] = "Ministerio de Trabajo y Previsión Social",
        ["partners"] = "OIT, OIM",
        ["risks"] = "Cambios de autoridades.",
    };
}
