using Movilidad.Platform.Institutions;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Writes;
namespace Movilidad.Platform.Practices;

/// <summary>Where a good practice is in its pipeline; PracticeWorkflow (the web feature) says which moves are allowed.</summary>
public enum PracticeStatus
{
    Submitted,
    Returned,
    Rejected,
    Accepted,
    Published,
}

/// <summary>
/// A good practice in implementing the Global Compact, submitted by an institution, reviewed by the Secretariat,
/// published with the consent of the institution: one a month (the UN Regional Network's work plan, activity 1.4).
/// </summary>
public partial class Practice : IVersioned
{
    public int Id { get; set; }
    public Bilingual Title { get; set; } = Bilingual.Empty;
    public Bilingual Summary { get; set; } = Bilingual.Empty;

    /// <summary>Plain text; blank lines separate paragraphs.</summary>
    public Bilingual Body { get; set; } = Bilingual.Empty;

    /// <summary>The institution that submits the practice and whose consent publication needs.</summary>
    public int InstitutionId { get; set; }
    public Institution? Institution { get; set; }
    public PracticeStatus Status { get; set; }

    /// <summary>The Secretariat's comment when it returns or rejects the practice.</summary>
    public string? ReviewComment { get; set; }
    public int? SubmittedById { get; set; }
    public DateTime SubmittedAt { get; set; }

    /// <summary>The person who gave the institution's consent to publish, and when; recorded by the submitter or the Secretariat.</summary>
    public string? ConsentGivenBy { get; set; }
    public DateOnly? ConsentGivenOn { get; set; }
    public DateTime? ConsentRecordedAt { get; set; }
    public int? ConsentRecordedById { get; set; }

    /// <summary>The first day of the month the practice is (or was) published in: one practice a month.</summary>
    public DateOnly? ScheduledMonth { get; set; }
    public DateTime? PublishedAt { get; set; }
    public int Version { get; set; }

    public List<PracticeGcmObjective> GcmObjectives { get; set; } = [];
    public List<PracticeElement> Elements { get; set; } = [];
    public List<PracticeCountry> Countries { get; set; } = [];
}

public class PracticeGcmObjective
{
    public int PracticeId { get; set; }
    public int Objective { get; set; }
}

public class PracticeElement
{
    public int PracticeId { get; set; }
    public int ElementId { get; set; }
    public Plans.PlanElement? Element { get; set; }
}

public class PracticeCountry
{
    public int PracticeId { get; set; }
    public required string CountryCode { get; set; }
}
