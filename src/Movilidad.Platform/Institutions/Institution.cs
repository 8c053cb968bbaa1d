using Movilidad.Platform.Localization;
using Movilidad.Platform.Writes;
namespace Movilidad.Platform.Institutions;

public enum InstitutionKind
{
    MemberState,
    CrmBody,
    WorkingGroup,
    UnAgency,
    InternationalOrganisation,
    RegionalProcess,
    CivilSociety,
    EmployersOrganisation,
    WorkersOrganisation,
    PrivateSector,
    Academia,

    /// <summary>A municipality, department or province: it may make pledges to the Global Compact.</summary>
    LocalGovernment,
    Other,
}

public class Institution : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public InstitutionKind Kind { get; set; }
    public Bilingual Acronym { get; set; } = Bilingual.Empty;
    public Bilingual Name { get; set; } = Bilingual.Empty;
    public string? CountryCode { get; set; }
    public string? Url { get; set; }

    /// <summary>Goes up by one on every save; a save made from an older version is a conflict.</summary>
    public int Version { get; set; }

    /// <summary>When someone last edited the institution here; the shipped file no longer overwrites it.</summary>
    public DateTime? EditedAt { get; set; }
}
