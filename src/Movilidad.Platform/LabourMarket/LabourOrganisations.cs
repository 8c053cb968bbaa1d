using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Records;

namespace Movilidad.Platform.LabourMarket;

/// <summary>
/// The employers and recruiters already known, by role, country and name (upper-cased, spaces collapsed), so that an
/// import names each organisation once across every file; new ones are added a batch at a time inside the import.
/// </summary>
internal sealed partial class LabourOrganisations
{
    private readonly Dictionary<(string Role, string Country, string Key), int> ids;

    private LabourOrganisations(Dictionary<(string, string, string), int> ids) => this.ids = ids;

    public static async Task<LabourOrganisations> OpenAsync(MovilidadDb db, CancellationToken ct)
    {
        var known = await db.LabourOrganisations.AsNoTracking().Select(o => new { o.Role, o.Country, o.Key, o.Id }).ToListAsync(ct);
        return new(known.ToDictionary(o => (o.Role, o.Country, o.Key), o => o.Id));
    }

    public static string Role(OrganisationRole role) => role switch
    {
        OrganisationRole.Employer => "employer",
        OrganisationRole.Recruiter => "recruiter",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static string KeyOf(string name) => LabourImport.Cut(Spaces().Replace(name.Trim(), " ").ToUpperInvariant(), LabourMarketConfiguration.NameMaxLength)!;

    public int? IdOf(Organisation? organisation) =>
        organisation is null || string.IsNullOrWhiteSpace(organisation.Name) ? null : ids[Identity(organisation)];

    public async Task AddNewAsync(MovilidadDb db, IEnumerable<Organisation> named, CancellationToken ct)
    {
        var added = new Dictionary<(string Role, string Country, string Key), LabourOrganisation>();
        foreach (var organisation in named.Where(o => !string.IsNullOrWhiteSpace(o.Name)))
        {
            var identity = Identity(organisation);
            if (ids.ContainsKey(identity) || added.ContainsKey(identity))
            {
                continue;
            }

            added.Add(identity, new LabourOrganisation
            {
                Role = identity.Role,
                Country = identity.Country,
                Key = identity.Key,
                Name = LabourImport.Cut(organisation.Name.Trim(), LabourMarketConfiguration.NameMaxLength)!,
                Subdivision = organisation.Subdivision is { Length: <= 8 } subdivision ? subdivision : null,
                City = LabourImport.Cut(organisation.City, 200),
            });
        }

        if (added.Count == 0)
        {
            return;
        }

        db.LabourOrganisations.AddRange(added.Values);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        foreach (var (identity, entity) in added)
        {
            ids[identity] = entity.Id;
            db.Entry(entity).State = EntityState.Detached;
        }
    }

    private static (string Role, string Country, string Key) Identity(Organisation organisation) =>
        (Role(organisation.Role), organisation.Country is { Length: 2 } country ? country : string.Empty, KeyOf(organisation.Name));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
