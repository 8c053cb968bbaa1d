using System.Globalization;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Search;
using Movilidad.Platform.Writes;

namespace Movilidad.Platform.Meetings;

/// <summary>The meetings the seeds name: the working groups', the GRCM's and the Vice-Ministerial, workshops, national forums (actions 1.7 and 1.8 of <c>001</c>) and civil-society working tables (<c>003</c>, 3.4).</summary>
public enum MeetingKind
{
    WorkingGroupMeeting,
    Grcm,
    ViceMinisterial,
    Workshop,
    NationalForum,
    CivilSocietyTable,
}

/// <summary>Who convenes a meeting: a working group, the Pro-Tempore Presidency, a member country (its national forum) or a civil-society working table.</summary>
public enum MeetingConvener
{
    WorkingGroup,
    Presidency,
    Country,
    Table,
}

/// <summary>The kinds of actor a meeting's participants are counted by (the member states' authorities by sector, as action 1.8 names them).</summary>
public enum ActorKind
{
    MigrationAuthority,
    LabourAuthority,
    SocialSecurityAuthority,
    OtherStateAuthority,
    Employers,
    Workers,
    PrivateSector,
    Academia,
    LocalGovernment,
    CivilSociety,
    InternationalOrganisation,
}

/// <summary>
/// A meeting of a CRM body, a national forum or a civil-society working table: when and where, who convened it, who took
/// part (by institution and kind of actor, and by sex), its agenda, minutes in both languages, the agreements reached
/// (each with its owner and due date; one can become an activity of a plan) and its attachments. The meetings of the
/// civil-society working tables are public (003, 3.4); the others are read by those who work on the plans.
/// </summary>
public class Meeting : IVersioned, ISearchable
{
    public int Id { get; set; }
    public MeetingKind Kind { get; set; }
    public Bilingual Title { get; set; } = Bilingual.Empty;
    public DateOnly Date { get; set; }

    /// <summary>The city and venue; empty for a virtual meeting.</summary>
    public string? Place { get; set; }
    public bool IsVirtual { get; set; }
    public MeetingConvener Convener { get; set; }

    /// <summary>The convening working group (an institution of kind working group), when a working group convenes.</summary>
    public int? WorkingGroupId { get; set; }

    /// <summary>The convening member country (ISO 3166-1 alpha-2), for a national forum.</summary>
    public string? CountryCode { get; set; }

    /// <summary>The civil-society working table's name, when a table convenes.</summary>
    public string? Table { get; set; }

    /// <summary>How many people took part, and of them how many women and men (the rest: other or not recorded).</summary>
    public int? ParticipantsTotal { get; set; }
    public int? Women { get; set; }
    public int? Men { get; set; }
    public Bilingual Agenda { get; set; } = Bilingual.Empty;
    public Bilingual Minutes { get; set; } = Bilingual.Empty;
    public int? RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }
    public int Version { get; set; }

    public List<MeetingParticipant> Participants { get; set; } = [];
    public List<MeetingAgreement> Agreements { get; set; } = [];
    public List<MeetingFile> Files { get; set; } = [];

    /// <summary>The meetings the public reads: those of the civil-society working tables.</summary>
    public bool IsPublic => Kind == MeetingKind.CivilSocietyTable;

    public static string IdText(int id) => id.ToString(CultureInfo.InvariantCulture);

    public SearchEntry? ToSearchEntry() => new(
        "meeting", IdText(Id), "/meetings/" + IdText(Id), Title.Es, Title.En,
        string.Join("\n", new[] { Agenda.Es, Minutes.Es, Place, Table }.Where(t => !string.IsNullOrEmpty(t))),
        string.Join("\n", new[] { Agenda.En, Minutes.En, Place, Table }.Where(t => !string.IsNullOrEmpty(t))),
        IsPublic, [.. Participants.Select(p => p.CountryCode).Append(CountryCode).OfType<string>().Distinct(StringComparer.Ordinal)], [], [], [], null, Date.Year);
}

/// <summary>Some of a meeting's participants: an institution (of the list, or named) and its kind of actor, with how many people came.</summary>
public class MeetingParticipant
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int? InstitutionId { get; set; }

    /// <summary>The institution as named, when it is not in the list (or to be more precise than the list).</summary>
    public string? Name { get; set; }

    /// <summary>The institution's country, when it has one (taken from the institution of the list).</summary>
    public string? CountryCode { get; set; }
    public ActorKind Actor { get; set; }
    public int People { get; set; }
}

/// <summary>An agreement of a meeting, with who owns it and by when; once it becomes an activity, the activity it became.</summary>
public class MeetingAgreement
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Bilingual Text { get; set; } = Bilingual.Empty;
    public int? OwnerId { get; set; }

    /// <summary>The owner as named, when it is not an institution of the list.</summary>
    public string? OwnerName { get; set; }
    public DateOnly? DueDate { get; set; }
    public int? ActivityId { get; set; }
}

/// <summary>A file attached to a meeting (minutes signed, list of participants, presentation), checked by content like the repository's.</summary>
public class MeetingFile
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public string Name { get; set; } = string.Empty;
    public string ContentType { get; set; } = string.Empty;
    public long Size { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public string Sha256 { get; set; } = string.Empty;
    public MeetingFileContent? Content { get; set; }
    public DateTime UploadedAt { get; set; }
    public int? UploadedById { get; set; }
}

public class MeetingFileContent
{
    public int FileId { get; set; }
    public byte[] Bytes { get; set; } = [];
}

/// <summary>The lengths a meeting accepts, checked (and named) before a save.</summary>
public static class MeetingLimits
{
    public const int Title = 400;
    public const int Place = 400;
    public const int Table = 200;
    public const int Name = 400;
    public const int Text = 20_000;
    public const int Agreement = 4000;
    public const int FileName = 260;
    public const int Rows = 200;
    public const int People = 100_000;
}
