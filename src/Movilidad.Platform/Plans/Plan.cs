using Movilidad.Platform.Institutions;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Writes;

namespace Movilidad.Platform.Plans;

public enum PlanKind
{
    StrategicPlan,
    RegionalActionPlan,
    OperationalPlan,
    WorkPlan,
    Recommendations,

    /// <summary>The Pro-Tempore Presidency's annual work plan (Strategic Plan, Table 1).</summary>
    PresidencyWorkPlan,

    /// <summary>A working group's work plan, drawn up and updated by the group (Strategic Plan, the groups' mandates).</summary>
    WorkingGroupWorkPlan,
}

/// <summary>Where a working group's draft stands in its approval: sent to the Secretariat, sent back with a comment, or approved (published).</summary>
public enum PlanReview
{
    Submitted,
    Returned,
    Approved,
}

public class Plan : IVersioned
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public required string Number { get; set; }
    public PlanKind Kind { get; set; }
    public Bilingual Title { get; set; } = Bilingual.Empty;
    public Bilingual Summary { get; set; } = Bilingual.Empty;
    public int PeriodStart { get; set; }
    public int PeriodEnd { get; set; }
    public int? OwnerId { get; set; }
    public Institution? Owner { get; set; }
    public int? ParentPlanId { get; set; }
    public Plan? ParentPlan { get; set; }
    public required string SourceDocument { get; set; }
    public Bilingual ApprovalText { get; set; } = Bilingual.Empty;
    public DateOnly? ApprovalDate { get; set; }
    public int? ApprovalBodyId { get; set; }
    public Institution? ApprovalBody { get; set; }

    /// <summary>ISO codes of the member countries that approved the plan, comma-separated.</summary>
    public string? ApprovalCountries { get; set; }

    /// <summary>The source document that states the approval, when it is not the plan's own (the operational plan states the action plan's).</summary>
    public string? ApprovalSource { get; set; }
    public int SortOrder { get; set; }

    /// <summary>Published plans are read by everyone; unpublished ones only by the people who work on them.</summary>
    public bool IsPublished { get; set; } = true;

    /// <summary>The approval step a plan made here is at; null for the shipped plans and for drafts never submitted.</summary>
    public PlanReview? Review { get; set; }

    /// <summary>What the Secretariat asked to change when it returned the draft to its working group.</summary>
    public string? ReturnComment { get; set; }

    /// <summary>Goes up by one on every approval step; a step taken from an older version is a conflict.</summary>
    public int Version { get; set; }

    /// <summary>Hash of the shipped content last applied; a row whose content no longer hashes to it was edited here.</summary>
    public string SourceHash { get; set; } = string.Empty;
    public List<PlanLevel> Levels { get; set; } = [];
    public List<PlanElement> Elements { get; set; } = [];
}

/// <summary>A level of a plan's tree, named as the plan itself names it (line of action, pillar, activity...).</summary>
public class PlanLevel
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public required string Key { get; set; }
    public Bilingual Name { get; set; } = Bilingual.Empty;
    public int SortOrder { get; set; }

    /// <summary>Activities hang under the elements of an actionable level (the Regional Plan's actions, a work plan's activities).</summary>
    public bool Actionable { get; set; }

    /// <summary>Its elements tell the plan's background (meetings before it, context): dated, but not tasks, so the roadmap does not draw them.</summary>
    public bool Narrative { get; set; }
}

public static class PlanReviews
{
    public const int CommentMaxLength = 4000;

    /// <summary>A working group's plan not approved yet: only that group's members and the Secretariat see it.</summary>
    public static bool IsGroupDraft(this Plan plan) => plan is { IsPublished: false, Kind: PlanKind.WorkingGroupWorkPlan };
}
