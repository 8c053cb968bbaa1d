using Movilidad.Platform.Data;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Writes;
namespace Movilidad.Platform.Monitoring;

/// <summary>Where an activity (or one country's share of it) stands; see <see cref="ActivityWorkflow"/> for the moves allowed.</summary>
public enum ActivityStatus
{
    Planned,
    ConceptNoteComplete,
    Approved,
    InProgress,
    Done,
    Postponed,
    Cancelled,
}

public enum ActivityPriority
{
    High,
    Medium,
    Low,
}

public enum BudgetKind
{
    Planned,
    Executed,
}

/// <summary>
/// An operational-plan activity under an action of a plan: what will be done, when, by whom and with which money,
/// with one share per country that takes part.
/// </summary>
public partial class Activity : IVersioned
{
    public int Id { get; set; }

    /// <summary>The plan element (level "action") the activity carries out.</summary>
    public int ActionId { get; set; }
    public PlanElement? Action { get; set; }
    public required string Code
    {
        get;
        set
        {
            field = value;
            CodeSortKey = NaturalSortKey.Of(value);
        }
    }

    /// <summary>The code's <see cref="NaturalSortKey"/>: lists sort and page by it in the database (A2 before A10).</summary>
    public string CodeSortKey { get; private set; } = string.Empty;
    public Bilingual Title { get; set; } = Bilingual.Empty;
    public Bilingual Description { get; set; } = Bilingual.Empty;
    public Term? Term { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public int? WorkingGroupId { get; set; }
    public Institution? WorkingGroup { get; set; }
    public ActivityPriority Priority { get; set; }

    /// <summary>OECD DAC gender equality marker: 0 not targeted, 1 significant objective, 2 principal objective.</summary>
    public int GenderMarker { get; set; }
    public ActivityStatus Status { get; set; }

    /// <summary>Why the activity was postponed or cancelled.</summary>
    public string? StatusReason { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Goes up by one on every save of the activity, its budget, links or concept note; an older version is a conflict.</summary>
    public int Version { get; set; }
    public DateTime? DeletedAt { get; set; }

    public List<ActivityCountry> Countries { get; set; } = [];
    public List<ActivityInstitution> Institutions { get; set; } = [];
    public List<BudgetLine> BudgetLines { get; set; } = [];
    public List<ActivityGcmObjective> GcmObjectives { get; set; } = [];
    public List<ActivitySdgTarget> SdgTargets { get; set; } = [];
    public ConceptNote? ConceptNote { get; set; }
}

/// <summary>One member country's part of an activity: only that country's focal point (or the Secretariat) edits it.</summary>
public class ActivityCountry : IVersioned
{
    public int Id { get; set; }
    public int ActivityId { get; set; }
    public required string CountryCode { get; set; }
    public int? ResponsibleInstitutionId { get; set; }
    public Institution? ResponsibleInstitution { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public decimal? BudgetAmount { get; set; }
    public string? BudgetCurrency { get; set; }
    public ActivityStatus Status { get; set; }
    public string? StatusReason { get; set; }
    public int Version { get; set; }
}

public class ActivityInstitution
{
    public int ActivityId { get; set; }
    public int InstitutionId { get; set; }
    public Institution? Institution { get; set; }

    /// <summary>Responsible or accompanying.</summary>
    public InstitutionRole Role { get; set; }
}

/// <summary>Money for an activity: planned or executed, in an ISO 4217 currency, from a named source of funds.</summary>
public class BudgetLine
{
    public int Id { get; set; }
    public int ActivityId { get; set; }
    public BudgetKind Kind { get; set; }
    public decimal Amount { get; set; }
    public required string CurrencyCode { get; set; }
    public required string Source { get; set; }
}

public class ActivityGcmObjective
{
    public int ActivityId { get; set; }
    public int Objective { get; set; }
}

public class ActivitySdgTarget
{
    public int ActivityId { get; set; }
    public required string Target { get; set; }
}
