namespace Movilidad.Platform.Monitoring;

/// <summary>
/// The status workflow of an activity and of each country's share of it: planned → concept note complete →
/// approved → in progress → done, or postponed / cancelled with a reason. Steps that commit people and money
/// (concept note complete, approved, in progress) need a complete concept note.
/// </summary>
public static class ActivityWorkflow
{
    public static IReadOnlyList<ActivityStatus> Next(ActivityStatus from) => from switch
    {
        ActivityStatus.Planned => [ActivityStatus.ConceptNoteComplete, ActivityStatus.Postponed, ActivityStatus.Cancelled],
        ActivityStatus.ConceptNoteComplete => [ActivityStatus.Approved, ActivityStatus.Planned, ActivityStatus.Postponed, ActivityStatus.Cancelled],
        ActivityStatus.Approved => [ActivityStatus.InProgress, ActivityStatus.Postponed, ActivityStatus.Cancelled],
        ActivityStatus.InProgress => [ActivityStatus.Done, ActivityStatus.Postponed, ActivityStatus.Cancelled],
        ActivityStatus.Postponed => [ActivityStatus.Planned, ActivityStatus.Cancelled],
        ActivityStatus.Done or ActivityStatus.Cancelled => [],
        _ => throw new ArgumentOutOfRangeException(nameof(from), from, null),
    };

    /// <summary>
    /// The statuses the moves lead to from <paramref name="from"/> in one move or several, and <paramref name="from"/>
    /// itself: where an activity can have got to by the end of a quarter (the UN network's quarterly updates).
    /// </summary>
    public static IReadOnlySet<ActivityStatus> Reachable(ActivityStatus from)
    {
        var seen = new HashSet<ActivityStatus> { from };
        var next = new Queue<ActivityStatus>([from]);
        while (next.TryDequeue(out var status))
        {
            foreach (var to in Next(status).Where(seen.Add))
            {
                next.Enqueue(to);
            }
        }

        return seen;
    }

    public static bool NeedsConceptNote(ActivityStatus to) => to is ActivityStatus.ConceptNoteComplete or ActivityStatus.Approved or ActivityStatus.InProgress;

    public static bool NeedsReason(ActivityStatus to) => to is ActivityStatus.Postponed or ActivityStatus.Cancelled;

    /// <summary>Why the move is refused, keyed by the field to fix; empty when it is allowed. Staying in the same status is always allowed.</summary>
    public static Dictionary<string, string[]> Check(ActivityStatus from, ActivityStatus to, string? reason, ConceptNote? note)
    {
        var errors = new Dictionary<string, string[]>();
        if (from == to)
        {
            return errors;
        }

        if (!Next(from).Contains(to))
        {
            errors["status"] = [$"An activity that is {Kebab(from)} cannot become {Kebab(to)}; it can become {string.Join(", ", Next(from).Select(Kebab).DefaultIfEmpty("nothing else"))}."];
        }
        else if (NeedsConceptNote(to) && (note ?? ConceptNote.Empty(0)).MissingFields() is { Count: > 0 } missing)
        {
            errors["conceptNote"] = [$"The concept note is not complete; missing: {string.Join(", ", missing)}."];
        }

        if (NeedsReason(to) && string.IsNullOrWhiteSpace(reason))
        {
            errors["statusReason"] = [$"Say why the activity is {Kebab(to)}."];
        }

        return errors;
    }

    public static string Kebab(ActivityStatus status) => status switch
    {
        ActivityStatus.Planned => "planned",
        ActivityStatus.ConceptNoteComplete => "concept-note-complete",
        ActivityStatus.Approved => "approved",
        ActivityStatus.InProgress => "in-progress",
        ActivityStatus.Done => "done",
        ActivityStatus.Postponed => "postponed",
        ActivityStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
