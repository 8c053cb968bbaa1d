namespace Movilidad.Platform.Mentoring;

/// <summary>
/// An expert proposed for a request, with the score and its reasons: <c>topic</c> (they cover the area asked, 4 points),
/// <c>near-topic</c> (they cover its pillar, one of its topics or a sibling topic, 2), <c>language</c> (they speak the
/// language asked, 2), <c>available</c> (hours left this month after 2 hours for each mentee they already have, 1).
/// </summary>
public sealed record Proposal(int ExpertId, string Name, string Country, int Score, int FreeHours, IReadOnlyList<string> Reasons);

/// <summary>The ranking: experts who cover the area, or, when nobody does, the nearest ones (said so by <paramref name="Nearest"/>).</summary>
public sealed record Ranking(IReadOnlyList<Proposal> Proposals, bool Nearest);

/// <summary>Ranks the validated experts for a request by topic, language and availability, each score explained.</summary>
public static class Matching
{
    public const int TopicPoints = 4;
    public const int NearTopicPoints = 2;
    public const int LanguagePoints = 2;
    public const int AvailablePoints = 1;
    public const int HoursPerMentee = 2;

    /// <summary>Ranks the validated <paramref name="experts"/> for a request on <paramref name="topic"/> in <paramref name="language"/>.</summary>
    /// <param name="topic">The area asked about (a plan element key).</param>
    /// <param name="language">The language asked for (ISO 639-1).</param>
    /// <param name="experts">Every expert; only the validated ones are ranked.</param>
    /// <param name="parents">Each area's parent area (a thematic topic's pillar), or null for a pillar or a line.</param>
    /// <param name="mentees">How many matched, open requests each expert already has.</param>
    public static Ranking Rank(
        string topic, string language, IEnumerable<MentoringExpert> experts, IReadOnlyDictionary<string, string?> parents, IReadOnlyDictionary<int, int> mentees)
    {
        var parent = parents.GetValueOrDefault(topic);
        bool Near(string area) =>
            area == parent || parents.GetValueOrDefault(area) == topic || (parent is not null && parents.GetValueOrDefault(area) == parent);

        var scored = experts.Where(e => e.Status == ExpertStatus.Validated).Select(e =>
        {
            var reasons = new List<string>();
            var score = 0;
            if (e.AreaList.Contains(topic, StringComparer.Ordinal))
            {
                score += TopicPoints;
                reasons.Add("topic");
            }
            else if (e.AreaList.Any(Near))
            {
                score += NearTopicPoints;
                reasons.Add("near-topic");
            }

            if (e.LanguageList.Contains(language, StringComparer.Ordinal))
            {
                score += LanguagePoints;
                reasons.Add("language");
            }

            var free = e.HoursPerMonth - (HoursPerMentee * mentees.GetValueOrDefault(e.Id));
            if (free > 0)
            {
                score += AvailablePoints;
                reasons.Add("available");
            }

            return new Proposal(e.Id, e.Name, e.Country, score, free, reasons);
        }).ToList();

        static List<Proposal> Ordered(IEnumerable<Proposal> list) =>
            [.. list.OrderByDescending(p => p.Score).ThenByDescending(p => p.FreeHours).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.ExpertId)];

        var covering = scored.Where(p => p.Reasons.Contains("topic")).ToList();
        return covering.Count > 0
            ? new Ranking(Ordered(covering), Nearest: false)
            : new Ranking(Ordered(scored.Where(p => p.Reasons.Contains("near-topic"))), Nearest: true);
    }
}
