using Movilidad.Platform.Data;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Writes;
namespace Movilidad.Platform.Plans;

public enum Term
{
    Short,
    Medium,
    Long,
    Continuous,
}

public enum IndicatorType
{
    Result,
    Process,
    Impact,
}

public enum InstitutionRole
{
    Responsible,
    Accompanying,
    Coordinator,
    Participant,
    Approver,
}

public partial class PlanElement : IVersioned
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int? ParentId { get; set; }
    public PlanElement? Parent { get; set; }
    public required string Key { get; set; }
    public required string LevelKey { get; set; }
    public string? Code
    {
        get;
        set
        {
            field = value;
            CodeSortKey = NaturalSortKey.Of(value);
        }
    }

    /// <summary>The code's <see cref="NaturalSortKey"/>: lists of activities sort by their action's in the database.</summary>
    public string CodeSortKey { get; private set; } = string.Empty;
    public Bilingual Title { get; set; } = Bilingual.Empty;
    public Bilingual Text { get; set; } = Bilingual.Empty;

    /// <summary>Where in the source document the element comes from.</summary>
    public required string Section { get; set; }
    public int SortOrder { get; set; }
    public int Depth { get; set; }
    public Term? Term { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public Bilingual TimeframeLabel { get; set; } = Bilingual.Empty;
    public IndicatorType? IndicatorType { get; set; }

    /// <summary>Activities may be attached to it: its level is actionable.</summary>
    public bool IsActionable { get; set; }

    /// <summary>Accent- and case-folded text of both languages, for search.</summary>
    public string SearchText { get; set; } = string.Empty;
    public string SourceHash { get; set; } = string.Empty;

    /// <summary>Goes up by one on every save; a save made from an older version is a conflict.</summary>
    public int Version { get; set; }

    /// <summary>When the element was deleted; deleted elements are hidden and can be restored.</summary>
    public DateTime? DeletedAt { get; set; }

    public List<PlanElement> Children { get; set; } = [];
    public List<Footnote> Footnotes { get; set; } = [];
    public List<ElementInstitution> Institutions { get; set; } = [];
    public List<GcmLink> GcmObjectives { get; set; } = [];
    public List<SdgLink> SdgTargets { get; set; } = [];
    public List<AxisLink> Axes { get; set; } = [];

    /// <summary>The Strategic Plan's expected results this element contributes to.</summary>
    public List<ResultContribution> Results { get; set; } = [];

    /// <summary>The Strategic Plan's indicators this element contributes to.</summary>
    public List<IndicatorContribution> Indicators { get; set; } = [];
}

public class Footnote
{
    public int Id { get; set; }
    public int ElementId { get; set; }
    public int Number { get; set; }
    public Bilingual Text { get; set; } = Bilingual.Empty;
}

public class ElementInstitution
{
    public int ElementId { get; set; }
    public int InstitutionId { get; set; }
    public Institution? Institution { get; set; }
    public InstitutionRole Role { get; set; }
}

/// <summary>A link to one of the 23 objectives of the Global Compact for Safe, Orderly and Regular Migration.</summary>
public class GcmLink
{
    public int ElementId { get; set; }
    public int Objective { get; set; }

    /// <summary>True when the link is this project's inference, not stated by the source document; shown as such and editable.</summary>
    public bool Inferred { get; set; }
}

/// <summary>A link to a Sustainable Development Goal target such as 8.8 or 10.7.</summary>
public class SdgLink
{
    public int ElementId { get; set; }
    public required string Target { get; set; }
}

/// <summary>A link from an element to a cross-cutting axis of the same plan.</summary>
public class AxisLink
{
    public int ElementId { get; set; }
    public int AxisId { get; set; }
    public PlanElement? Axis { get; set; }
}
