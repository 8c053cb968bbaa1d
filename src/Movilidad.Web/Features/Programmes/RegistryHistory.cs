using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Programmes;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Programmes;

/// <summary>
/// The history tab of a programme or agreement: every saved step (draft, review, publication), newest first, with what
/// changed. Drafts are in it, so it is read by those who read the entry's drafts (the Secretariat, the focal points of
/// its countries).
/// </summary>
public abstract class RegistryHistory<T>(MovilidadDb db, IAuthorizationService authorization) : HistoryPage(authorization)
    where T : RegistryEntry
{
    public string Key { get; private set; } = string.Empty;

    public Bilingual Name { get; private set; } = Bilingual.Empty;

    public abstract string ListPath { get; }

    protected override async Task<IActionResult?> OpenAsync(int id, CancellationToken ct)
    {
        var entry = await db.Set<T>().AsNoTracking().SingleAsync(e => e.Id == id, ct);
        if (!await Authorization.CanAsync(User, RegistryOperations.ReadDrafts, new RegistryScope(entry.CountryList)))
        {
            return Forbid();
        }

        Key = entry.Key;
        Name = entry.Name;
        return null;
    }

    protected override Task<List<HistoryEntry>> EntriesAsync(int id, CancellationToken ct) =>
        db.HistoryAsync(RegistryEditing.Kind<T>().EntityType, Key, ct);
}
