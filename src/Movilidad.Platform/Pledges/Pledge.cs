using Movilidad.Platform.Institutions;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Writes;
namespace Movilidad.Platform.Pledges;

/// <summary>Where a pledge stands, as its latest quarterly update says; a pledge without updates has not started.</summary>
public enum PledgeStatus
{
    NotStarted,
    InProgress,
    Fulfilled,
    Withdrawn,
}

/// <summary>Who makes a pledge, as the Global Compact's pledging initiative counts them; derived from the pledging institution's kind.</summary>
public enum PledgerType
{
    State,
    UnAgency,
    CivilSociety,
    LocalGovernment,
    Other,
}

/// <summary>
/// A commitment to implement the Global Compact for Migration (GCM) made by one institution or jointly by several,
/// monitored quarterly (the UN Regional Network's work plan 2023-2024, activity 1.3).
/// </summary>
public partial class Pledge : IVersioned
{
    public int Id { get; set; }

    /// <summary>The stable key of a pledge shipped in <c>data/pledges.yaml</c>; none for pledges recorded here.</summary>
    public string? Key { get; set; }
    public Bilingual Title { get; set; } = Bilingual.Empty;
    public Bilingual Description { get; set; } = Bilingual.Empty;

    /// <summary>A pledge this one matches (supports, finances or mirrors), as the pledging initiative pairs them.</summary>
    public int? MatchingPledgeId { get; set; }
    public Pledge? MatchingPledge { get; set; }
    public bool IsPublished { get; set; }

    /// <summary>The account that recorded the pledge: observers and civil society edit the pledges they recorded.</summary>
    public int? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Goes up by one on every save of the pledge, its milestones, links or quarterly updates.</summary>
    public int Version { get; set; }

    public List<PledgePledger> Pledgers { get; set; } = [];
    public List<PledgeGcmObjective> GcmObjectives { get; set; } = [];
    public List<PledgeMilestone> Milestones { get; set; } = [];
    public List<PledgeElement> Elements { get; set; } = [];
    public List<PledgeActivity> Activities { get; set; } = [];
    public List<PledgeIndicator> Indicators { get; set; } = [];
    public List<PledgeUpdate> Updates { get; set; } = [];

    /// <summary>The latest quarterly update's status.</summary>
    public PledgeStatus Status => Updates.OrderByDescending(u => u.Year).ThenByDescending(u => u.Quarter).Select(u => u.Status).FirstOrDefault();

    public static PledgerType TypeOf(InstitutionKind kind) => kind switch
    {
        InstitutionKind.MemberState => PledgerType.State,
        InstitutionKind.UnAgency => PledgerType.UnAgency,
        InstitutionKind.CivilSociety => PledgerType.CivilSociety,
        InstitutionKind.LocalGovernment => PledgerType.LocalGovernment,
        InstitutionKind.CrmBody or InstitutionKind.WorkingGroup or InstitutionKind.InternationalOrganisation
            or InstitutionKind.RegionalProcess or InstitutionKind.EmployersOrganisation or InstitutionKind.WorkersOrganisation
            or InstitutionKind.PrivateSector or InstitutionKind.Academia or InstitutionKind.Other => PledgerType.Other,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>
/// One pledging institution. A member state named by a focal point of another country is only <em>proposed</em> as
/// co-pledger until a focal point of its own country (or the Secretariat) confirms it: no country's name is put to a
/// commitment without that country.
/// </summary>
public class PledgePledger
{
    public int PledgeId { get; set; }
    public int InstitutionId { get; set; }
    public Institution? Institution { get; set; }
    public bool IsProposed { get; set; }

    /// <summary>Who confirmed a proposed co-pledger, and when (UTC); null for pledgers named by their own country or the Secretariat.</summary>
    public DateTime? ConfirmedAt { get; set; }
    public int? ConfirmedById { get; set; }
    public string? ConfirmedBy { get; set; }
}

public class PledgeGcmObjective
{
    public int PledgeId { get; set; }
    public int Objective { get; set; }
}

public class PledgeMilestone
{
    public int Id { get; set; }
    public int PledgeId { get; set; }
    public required string Title { get; set; }
    public DateOnly DueDate { get; set; }
    public bool Done { get; set; }
}

/// <summary>A plan element (line, action, priority, activity of a work plan...) the pledge contributes to.</summary>
public class PledgeElement
{
    public int PledgeId { get; set; }
    public int ElementId { get; set; }
    public Plans.PlanElement? Element { get; set; }
}

/// <summary>An operational-plan activity the pledge contributes to.</summary>
public class PledgeActivity
{
    public int PledgeId { get; set; }
    public int ActivityId { get; set; }
    public Monitoring.Activity? Activity { get; set; }
}

/// <summary>A plan indicator the pledge contributes to: the pledge's page shows its progress beside the pledge's status.</summary>
public class PledgeIndicator
{
    public int PledgeId { get; set; }
    public int IndicatorId { get; set; }
    public Indicators.Indicator? Indicator { get; set; }
}

/// <summary>One quarter's report on a pledge: its status, what was done, and evidence (a link, a file, or both).</summary>
public class PledgeUpdate
{
    public int Id { get; set; }
    public int PledgeId { get; set; }
    public int Year { get; set; }

    /// <summary>1 to 4.</summary>
    public int Quarter { get; set; }
    public PledgeStatus Status { get; set; }
    public string Narrative { get; set; } = string.Empty;
    public string? EvidenceUrl { get; set; }
    public string? EvidenceFileName { get; set; }
    public string? EvidenceContentType { get; set; }
    public int? EvidenceSize { get; set; }
    public DateTime RecordedAt { get; set; }
    public int? RecordedById { get; set; }
}

/// <summary>The bytes of an update's evidence file, apart from the update so that reading pledges never loads them.</summary>
public class PledgeEvidence
{
    public int UpdateId { get; set; }
    public required byte[] Content { get; set; }
}
