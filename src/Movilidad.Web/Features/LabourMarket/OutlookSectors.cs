using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.LabourMarket;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>A sector of footnote 8 of the Regional Plan mapped to ISCO-08 groups (any level), with why, in both languages, at its version.</summary>
public sealed record OutlookSector(int Id, string Slug, int Version, Bilingual Name, IReadOnlyList<string> Groups, Bilingual Reasoning)
{
    public string Title => Name.For(CultureInfo.CurrentUICulture);

    public string Why => Reasoning.For(CultureInfo.CurrentUICulture);
}

/// <summary>What the Secretariat changes in a sector's mapping, with the version it read.</summary>
public sealed record OutlookSectorEdit(int Version, Bilingual? Name, IReadOnlyList<string>? Groups, Bilingual? Reasoning);

/// <summary>
/// The sectors of footnote 8 (eco-technologies, electric mobility, care, agri-tech, sustainable construction) as the
/// platform holds them: shipped in <c>data/outlook/sectors.json</c> with the mapping's sources, edited by the Secretariat
/// through the write kernel (version checked, audited).
/// </summary>
public static class OutlookSectors
{
    public const string EntityType = "outlook-sector";
    public const int MaxGroups = 60;

    private static readonly Lazy<string> ShippedSource = new(() => OutlookSectorFile.Read(ShippedData.Folder).Source);

    /// <summary>Where the mapping comes from (the classification and the studies it follows).</summary>
    public static string Source => ShippedSource.Value;

    public static OutlookSector ViewOf(OutlookSectorMapping s) => new(s.Id, s.Slug, s.Version, s.Name, s.GroupList, s.Reasoning);

    public static async Task<IReadOnlyList<OutlookSector>> ListAsync(MovilidadDb db, CancellationToken ct) =>
        [.. (await db.OutlookSectors.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct)).Select(ViewOf)];

    /// <summary>A short hash of the mapping: what the outlook's cache keeps results under.</summary>
    public static string Stamp(IReadOnlyList<OutlookSector> sectors) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(';', sectors.Select(s => $"{s.Slug}:{s.Version}:{string.Join(',', s.Groups)}")))))[..16];

    private static readonly Editable<OutlookSectorMapping, OutlookSector> Sectors = new(
        EntityType, (db, id, ct) => db.OutlookSectors.SingleOrDefaultAsync(s => s.Id == id, ct), ViewOf, s => s.Slug);

    /// <summary>Saves a sector's names, ISCO-08 groups and reasoning: each group must be an ISCO-08 code, both languages given; a stale version is a conflict.</summary>
    public static Task<WriteOutcome<OutlookSector>> SaveAsync(MovilidadDb db, int id, OutlookSectorEdit edit, IStringLocalizer text, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var groups = (edit.Groups ?? []).Select(g => g?.Trim() ?? string.Empty).Where(g => g.Length > 0).ToList();
        return db.EditAsync(Sectors, id, edit.Version, AuditActions.Update, async _ =>
        {
            var errors = new FieldErrors();
            if (string.IsNullOrWhiteSpace(edit.Name?.Es) || string.IsNullOrWhiteSpace(edit.Name?.En) || edit.Name.Es.Length > 200 || edit.Name.En.Length > 200)
            {
                errors.Add("name", text["Outlook.Error.SectorName"]);
            }

            if (string.IsNullOrWhiteSpace(edit.Reasoning?.Es) || string.IsNullOrWhiteSpace(edit.Reasoning?.En) || edit.Reasoning.Es.Length > 4000 || edit.Reasoning.En.Length > 4000)
            {
                errors.Add("reasoning", text["Outlook.Error.SectorReasoning"]);
            }

            if (groups.Count is 0 or > MaxGroups || groups.Distinct().Count() != groups.Count)
            {
                errors.Add("groups", text["Outlook.Error.SectorGroups", MaxGroups]);
            }
            else
            {
                var known = await db.Occupations.AsNoTracking().Where(o => groups.Contains(o.Code)).Select(o => o.Code).ToListAsync(ct);
                if (groups.Except(known).ToList() is { Count: > 0 } unknown)
                {
                    errors.Add("groups", text["Outlook.Error.SectorUnknownGroups", string.Join(", ", unknown.Take(10).Select(u => u.Length > 12 ? u[..12] : u))]);
                }
            }

            return errors;
        }, sector =>
        {
            sector.Name = new Bilingual(edit.Name!.Es.Trim(), edit.Name.En.Trim());
            sector.Reasoning = new Bilingual(edit.Reasoning!.Es.Trim(), edit.Reasoning.En.Trim());
            sector.Groups = string.Join(',', groups);
            sector.EditedAt = clock.GetUtcNow().UtcDateTime;
            return Task.CompletedTask;
        }, actor, clock, ct);
    }
}
