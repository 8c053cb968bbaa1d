using Movilidad.Platform.Writes;

namespace Movilidad.Platform.Mentoring;

/// <summary>Where an expert's registration stands: proposed by the expert, validated by the Secretariat, or withdrawn.</summary>
public enum ExpertStatus
{
    Proposed,
    Validated,
    Withdrawn,
}

/// <summary>Where a mentoring request stands: open (waiting for an expert), matched, or closed.</summary>
public enum MentoringStatus
{
    Open,
    Matched,
    Closed,
}

/// <summary>
/// A CRM member or functional expert who offers mentoring (action 1.3 of the Regional Plan, issue 14): their areas of
/// expertise (keys of the Strategic Plan's pillars and thematic topics and of the Regional Plan's lines), languages,
/// country and hours a month; validated by the Secretariat. Their contact is shown only to the Secretariat, to
/// themselves and to the people they mentor.
/// </summary>
public sealed class MentoringExpert : IVersioned
{
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 4000;

    public int Id { get; set; }

    /// <summary>The expert's account: one registration per account.</summary>
    public int AccountId { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string Country { get; set; } = string.Empty;

    /// <summary>crm-member | functional-expert.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Plan element keys of their areas, space-separated with a space at each end (<c> pil1 tema-1-1 </c>).</summary>
    public string Areas { get; set; } = " ";

    /// <summary>ISO 639-1 codes, as <see cref="Areas"/> (<c> es en </c>).</summary>
    public string Languages { get; set; } = " ";

    /// <summary>Hours a month they offer.</summary>
    public int HoursPerMonth { get; set; }

    /// <summary>How to reach them (e-mail, telephone): private.</summary>
    public string Contact { get; set; } = string.Empty;

    public ExpertStatus Status { get; set; }

    public int Version { get; set; }

    public IReadOnlyList<string> AreaList => Areas.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> LanguageList => Languages.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// A newly appointed official's request for mentoring on one area, in one language; matched with an expert by the
/// Secretariat or by the expert, with its sessions and both sides' feedback.
/// </summary>
public sealed class MentoringRequest : IVersioned
{
    public int Id { get; set; }

    public int MenteeAccountId { get; set; }

    public string MenteeName { get; set; } = string.Empty;

    /// <summary>How to reach the mentee: private to the matched expert and the Secretariat.</summary>
    public string MenteeContact { get; set; } = string.Empty;

    /// <summary>The mentee's country (ISO 3166-1 alpha-2).</summary>
    public string Country { get; set; } = string.Empty;

    /// <summary>The plan element key of the area asked about.</summary>
    public string Topic { get; set; } = string.Empty;

    /// <summary>ISO 639-1.</summary>
    public string Language { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public MentoringStatus Status { get; set; }

    public int? ExpertId { get; set; }

    public DateTime? MatchedAt { get; set; }

    public int? MenteeRating { get; set; }

    public string? MenteeFeedback { get; set; }

    public int? ExpertRating { get; set; }

    public string? ExpertFeedback { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<MentoringSession> Sessions { get; set; } = [];

    public int Version { get; set; }
}

/// <summary>A mentoring session logged by the matched people or the Secretariat: date, duration, topics, follow-ups.</summary>
public sealed class MentoringSession
{
    public int Id { get; set; }

    public int RequestId { get; set; }

    public DateOnly Date { get; set; }

    public int Minutes { get; set; }

    public string Topics { get; set; } = string.Empty;

    public string? FollowUps { get; set; }

    public int LoggedById { get; set; }
}
