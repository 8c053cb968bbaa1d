using Movilidad.Platform.Writes;

namespace Movilidad.Platform.Recruiters;

/// <summary>What kind of organisation recruits (action 1.4 of the Regional Plan names the first three).</summary>
public enum RecruiterKind
{
    /// <summary>The source names the organisation without saying what kind it is (debarment lists, Appendix C).</summary>
    NotStated,
    PrivateAgency,
    PublicEmploymentService,
    SocialOrganisation,
    Employer,
    Person,
}

/// <summary>
/// An organisation (or person) that recruits workers, in the directory: one per country and spelling of its name
/// (<see cref="RecruiterNames.Spelling"/>); spellings that differ by more are proposed as duplicates and merged only after
/// a person reviews them (<see cref="RecruiterDuplicate"/>). A merged recruiter points at the one it was merged into and
/// leaves the directory; undoing the merge clears the pointer.
/// </summary>
public sealed class Recruiter : IVersioned
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary><see cref="RecruiterNames.Spelling"/> of the name: unique per country.</summary>
    public required string SpellingKey { get; set; }

    /// <summary><see cref="RecruiterNames.MatchKey"/> of the name: legal forms and punctuation left out, abbreviations written out.</summary>
    public required string MatchKey { get; set; }

    public RecruiterKind Kind { get; set; }

    /// <summary>ISO 3166-1 alpha-2, or empty when the source does not say.</summary>
    public required string Country { get; set; }

    public string? Subdivision { get; set; }

    public string? City { get; set; }

    /// <summary>The recruiter this one was merged into after review, or null.</summary>
    public int? MergedIntoId { get; set; }

    public DateTime CreatedAt { get; set; }

    public int Version { get; set; }

    public List<RecruiterName> Names { get; set; } = [];

    public List<RecruiterLicence> Licences { get; set; } = [];

    public List<RecruiterSanction> Sanctions { get; set; } = [];
}

/// <summary>
/// A name a recruiter is known by, with where it was read: the debarment list, an Appendix C file (the labour-market
/// organisation, whose declarations the recruiter's page lists), a focal point, or a "doing business as" part of a name.
/// </summary>
public sealed class RecruiterName
{
    public int Id { get; set; }

    public int RecruiterId { get; set; }

    public required string Name { get; set; }

    public required string SpellingKey { get; set; }

    public required string MatchKey { get; set; }

    /// <summary><c>debarment-list</c>, <c>appendix-c</c>, <c>focal-point</c>, <c>dba</c>.</summary>
    public required string Source { get; set; }

    /// <summary>The labour-market organisation (role recruiter) this name was read as, when it came from the records.</summary>
    public int? LabourOrganisationId { get; set; }
}

/// <summary>A licence or registration to recruit, in one country, as an authority issued it.</summary>
public sealed class RecruiterLicence
{
    public int Id { get; set; }

    public int RecruiterId { get; set; }

    /// <summary>ISO 3166-1 alpha-2 of the country that issued it.</summary>
    public required string Country { get; set; }

    public required string Number { get; set; }

    /// <summary>The number upper-cased without spaces, dashes or dots, for the worker's search.</summary>
    public required string NumberKey { get; set; }

    public required string Authority { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public LicenceStatus Status { get; set; }

    /// <summary>Where the licence was read (a registry's address or a document).</summary>
    public required string Source { get; set; }

    public DateTime RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}

public enum LicenceStatus
{
    Active,
    Suspended,
    Revoked,
    Expired,
}

/// <summary>
/// A sanction: a debarment read from a published list (with the list's sources), or one a focal point recorded with
/// its source. Its dates are those the source gives; an open end means the source gives none.
/// </summary>
public sealed class RecruiterSanction
{
    public int Id { get; set; }

    public int RecruiterId { get; set; }

    public SanctionKind Kind { get; set; }

    /// <summary>ISO 3166-1 alpha-2 of the country whose authority imposed it.</summary>
    public required string Country { get; set; }

    /// <summary>The programme it applies to (<c>H-2A</c>, <c>H-2B</c>), when the source says.</summary>
    public string? Programme { get; set; }

    public required string Authority { get; set; }

    public DateOnly? Start { get; set; }

    public DateOnly? End { get; set; }

    /// <summary>The name exactly as the source lists it.</summary>
    public required string ListedName { get; set; }

    /// <summary>The source: for imported lists the file and its source ids; for focal points what they cite.</summary>
    public required string Source { get; set; }

    public string? Notes { get; set; }

    /// <summary>The list import that wrote it (<c>us-h2-debarments</c>), or null when a person recorded it.</summary>
    public string? ImportKey { get; set; }

    public DateTime RecordedAt { get; set; }

    public required string RecordedBy { get; set; }

    public bool InForceOn(DateOnly day) => (Start is null || Start <= day) && (End is null || End >= day);
}

public enum SanctionKind
{
    Debarment,
    LicenceRevoked,
    LicenceSuspended,
    Fine,
    Other,
}

/// <summary>Two recruiters whose names look like one organisation's, proposed for a person to merge or keep apart.</summary>
public sealed class RecruiterDuplicate : IVersioned
{
    public int Id { get; set; }

    /// <summary>The recruiter that stays (the lower id).</summary>
    public int RecruiterId { get; set; }

    /// <summary>The recruiter that is merged into it.</summary>
    public int OtherId { get; set; }

    /// <summary><c>same-name</c> (equal once legal forms and punctuation are left out) or <c>similar-name</c>.</summary>
    public required string Reason { get; set; }

    public double Similarity { get; set; }

    public DuplicateStatus Status { get; set; }

    public DateTime ProposedAt { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTime? ReviewedAt { get; set; }

    public int Version { get; set; }
}

public enum DuplicateStatus
{
    Proposed,
    Merged,
    KeptApart,
}

/// <summary>
/// A suspected recruitment fraud reported by anyone, without an account. It goes to the focal point of the country
/// concerned, who triages it. The reporter's contact details are read only by that focal point and the Secretariat, and
/// are never audited, exported or logged (the audit keeps the report without them).
/// </summary>
public sealed class FraudReport : IVersioned
{
    public int Id { get; set; }

    /// <summary>ISO 3166-1 alpha-2 of the country concerned (where the offer was made or the recruiter works).</summary>
    public required string Country { get; set; }

    public required string RecruiterName { get; set; }

    /// <summary>The directory entry the name matched when the report was made, if one did.</summary>
    public int? RecruiterId { get; set; }

    public required string Description { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    /// <summary><c>es</c> or <c>en</c>: the language the reporter wrote in.</summary>
    public required string Language { get; set; }

    public FraudReportStatus Status { get; set; }

    public string? TriageNote { get; set; }

    public DateTime ReceivedAt { get; set; }

    public DateTime? TriagedAt { get; set; }

    public string? TriagedBy { get; set; }

    public int Version { get; set; }
}

public enum FraudReportStatus
{
    Received,
    InReview,
    Referred,
    Closed,
}
