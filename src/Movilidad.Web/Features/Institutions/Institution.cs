using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Features.Institutions;

public enum InstitutionKind
{
    MemberState,
    CrmBody,
    WorkingGroup,
    UnAgency,
    InternationalOrganisation,
    RegionalProcess,
    CivilSociety,
    Other,
}

public class Institution
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public InstitutionKind Kind { get; set; }
    public Bilingual Acronym { get; set; } = Bilingual.Empty;
    public Bilingual Name { get; set; } = Bilingual.Empty;
    public string? CountryCode { get; set; }
    public string? Url { get; set; }
}
