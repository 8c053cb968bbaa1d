using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Records;

namespace Movilidad.Platform.LabourMarket;

/// <summary>The column mappings saved per table layout (header signature): the one to propose for a header, and saving a confirmed one (created or updated, audited).</summary>
public static class LabourColumnMappings
{
    public const string EntityType = "labour-column-mapping";

    /// <summary>What the audit trail keeps of a saved mapping.</summary>
    public sealed record Audited(string Signature, string Header, int Version, string Mapping);

    /// <summary>The mapping saved for this layout, or null.</summary>
    public static async Task<TemplateMapping?> FindAsync(MovilidadDb db, string signature, CancellationToken ct) =>
        await db.LabourColumnMappings.AsNoTracking().Where(m => m.Signature == signature).Select(m => m.MappingJson).FirstOrDefaultAsync(ct) is { } json
            ? TemplateMapping.FromJson(json)
            : null;

    /// <summary>Saves the mapping confirmed for a layout: a new one is created, a different one replaces the saved one (its version goes up); the same one changes nothing. Audited.</summary>
    public static async Task SaveAsync(MovilidadDb db, string signature, IReadOnlyList<string> header, TemplateMapping mapping, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var json = mapping.ToJson();
        var saved = await db.LabourColumnMappings.FirstOrDefaultAsync(m => m.Signature == signature, ct);
        if (saved?.MappingJson == json)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var before = saved is null ? null : new Audited(saved.Signature, saved.Header, saved.Version, saved.MappingJson);
        if (saved is null)
        {
            saved = new LabourColumnMapping
            {
                Signature = signature,
                Header = LabourImport.Cut(string.Join('\t', header), 4000)!,
                MappingJson = json,
                SavedBy = LabourImport.Cut(actor.Name, LabourMarketConfiguration.NameMaxLength)!,
            };
            db.LabourColumnMappings.Add(saved);
        }
        else
        {
            saved.MappingJson = json;
            saved.Version++;
            saved.SavedBy = LabourImport.Cut(actor.Name, LabourMarketConfiguration.NameMaxLength)!;
        }

        saved.SavedAt = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        saved.SavedById = actor.AccountId;
        await db.SaveAuditedAsync(actor, () => new AuditRecord(before is null ? AuditActions.Create : AuditActions.Update, EntityType, AuditTrail.Key(saved.Id), before,
            new Audited(saved.Signature, saved.Header, saved.Version, saved.MappingJson), null), clock, ct);
    }
}
