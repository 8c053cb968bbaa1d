using Movilidad.Platform.Localization;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Writes;

namespace Movilidad.Platform.Network;

/// <summary>Where a quarterly update stands: sent by the responsible agency, then approved or returned with a comment by the co-chairs.</summary>
public enum UpdateState
{
    Submitted,
    Returned,
    Approved,
}

/// <summary>
/// A quarterly update on one activity of the UN Regional Network's work plan (<c>003</c>: "the co-chairs give periodic
/// updates"): the quarter, what was done (ES/EN), the status it proposes for the activity (the operational plan's
/// workflow, <see cref="ActivityWorkflow"/>), a percentage or a milestone, a link to evidence. Written by the people of
/// an agency responsible for the activity, approved or returned by the co-chairs; it counts only once approved, and the
/// activity's status is then the one it proposed.
/// </summary>
public class NetworkUpdate : IVersioned
{
    public int Id { get; set; }

    /// <summary>The network plan's activity (a plan element) the update is about.</summary>
    public int ElementId { get; set; }
    public PlanElement? Element { get; set; }

    /// <summary>The responsible agency that writes it.</summary>
    public int InstitutionId { get; set; }

    /// <summary>SDMX quarter code: <c>2024-Q2</c>.</summary>
    public required string Quarter { get; set; }
    public Bilingual Progress { get; set; } = Bilingual.Empty;
    public ActivityStatus Status { get; set; }

    /// <summary>How far along, 0 to 100, when the agency measures it so.</summary>
    public int? Percent { get; set; }

    /// <summary>The milestone reached, when the agency measures progress by milestones.</summary>
    public Bilingual Milestone { get; set; } = Bilingual.Empty;
    public string? EvidenceUrl { get; set; }
    public UpdateState State { get; set; }

    /// <summary>The co-chairs' comment on a returned update.</summary>
    public string? Comment { get; set; }
    public int? AuthorId { get; set; }
    public DateTime CreatedAt { get; set; }
    public int? DecidedById { get; set; }
    public DateTime? DecidedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// The mid-term review of a network work plan (<c>003</c>, footnote 1: "se prevé la realización de una revisión a mitad
/// de término"): its date, findings and the changes it makes to the plan (ES/EN), recorded and approved by the co-chairs.
/// </summary>
public class NetworkReview : IVersioned
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public DateOnly Date { get; set; }
    public Bilingual Findings { get; set; } = Bilingual.Empty;
    public Bilingual Changes { get; set; } = Bilingual.Empty;
    public bool Approved { get; set; }
    public int? ApprovedById { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>The lengths the network's follow-up accepts, checked and named before a save.</summary>
public static class NetworkLimits
{
    public const int Text = 8000;
    public const int Milestone = 1000;
    public const int Url = 2000;
    public const int Comment = 4000;
    public const int Review = 20_000;
}
