using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Programmes;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Programmes;

/// <summary>An agreement's page: parties with their status and dates, the programmes it frames, branches, text links, gaps and sources.</summary>
[AllowAnonymous]
public class AgreementModel(MovilidadDb db, IAuthorizationService auth) : RegistryPage
{
    public RegistryEntryView Entry { get; private set; } = null!;

    /// <summary>Whether the reader may propose changes to it (the edit form and the history tab).</summary>
    public bool CanEdit { get; private set; }

    public Agreement Agreement { get; private set; } = null!;

    public IReadOnlyList<Programme> Programmes { get; private set; } = [];

    public IReadOnlyDictionary<string, Bilingual> CountryNames { get; private set; } = new Dictionary<string, Bilingual>();

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (await ProgrammesApi.ReadAsync<Agreement>(db, key, User, auth, ct) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        Agreement = await db.Agreements.AsNoTracking().SingleAsync(a => a.Id == entry.Id, ct);
        Document = entry.Content ?? entry.Draft ?? [];
        CanEdit = await auth.CanAsync(User, RegistryOperations.Propose, new RegistryScope(Agreement.CountryList));
        await LoadReferencesAsync(db, ct);
        CountryNames = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Alpha2, c => c.Name, StringComparer.Ordinal, ct);
        var keys = RegistryContent.Strings(Document, "programmes").ToHashSet(StringComparer.Ordinal);
        Programmes = await db.Programmes.AsNoTracking().Where(p => p.Content != null && keys.Contains(p.Key)).OrderBy(p => p.Key).ToListAsync(ct);
        return Page();
    }

    public string Name(string? code) => code is not null && CountryNames.TryGetValue(code, out var n) ? n.Current : code ?? string.Empty;
}
