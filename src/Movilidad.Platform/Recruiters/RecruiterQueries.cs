using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.LabourMarket;

namespace Movilidad.Platform.Recruiters;

public sealed record LicenceView(int Id, string Country, string Number, string Authority, DateOnly? ValidFrom, DateOnly? ValidTo, LicenceStatus Status, string Source);

public sealed record SanctionView(int Id, SanctionKind Kind, string Country, string? Programme, string Authority, DateOnly? Start, DateOnly? End, bool InForce, string ListedName, string Source, string? Notes);

/// <summary>A line of the directory.</summary>
public sealed record RecruiterSummary(int Id, string Name, RecruiterKind Kind, string Country, string? City, int Licences, int Sanctions, bool SanctionInForce, bool Declared);

/// <summary>One recruiter with every name it goes by, its licences, its sanctions and the cases that declared it.</summary>
public sealed record RecruiterView(
    int Id, string Name, RecruiterKind Kind, string Country, string? Subdivision, string? City, int Version, IReadOnlyList<string> Names,
    IReadOnlyList<LicenceView> Licences, IReadOnlyList<SanctionView> Sanctions, IReadOnlyList<RecruiterDeclaration> Declarations, IReadOnlyList<int> Merged);

/// <summary>What the worker's check found, in one word: never "all clear" for a name the directory does not know.</summary>
public enum CheckVerdict
{
    /// <summary>Nothing in the directory has this name or licence number: that says nothing about the organisation.</summary>
    Unknown,

    /// <summary>Known, with no licence on record and no sanction: the directory cannot say it is licensed.</summary>
    KnownWithoutLicence,

    /// <summary>Known, with a licence in force and no sanction in force.</summary>
    Licensed,

    /// <summary>Known, sanctioned or debarred in the past; nothing in force today.</summary>
    SanctionedBefore,

    /// <summary>Known, with a sanction or debarment in force today.</summary>
    Sanctioned,
}

public sealed record CheckAnswer(string Query, CheckVerdict Verdict, IReadOnlyList<RecruiterView> Matches, IReadOnlyList<RecruiterSummary> SimilarNames);

/// <summary>Directory filters: <c>status=sanctioned|licensed|declared</c>.</summary>
public enum DirectoryStatus
{
    Sanctioned,
    Licensed,
    Declared,
}

/// <summary>The directory's reads: for its pages and API, and for other features (the programmes' guide links to the check).</summary>
public static class RecruiterQueries
{
    public static async Task<IReadOnlyList<RecruiterSummary>> SearchAsync(MovilidadDb db, string? q, string? country, DirectoryStatus? status, DateOnly today, int limit, CancellationToken ct) =>
        await Summaries(Matching(db, q, country, status).Take(limit), today).ToListAsync(ct);

    /// <summary>The directory's entries (not merged away) that match the search and filters, by name.</summary>
    public static IOrderedQueryable<Recruiter> Matching(MovilidadDb db, string? q, string? country, DirectoryStatus? status)
    {
        var recruiters = db.Recruiters.AsNoTracking().Where(r => r.MergedIntoId == null);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var key = RecruiterNames.MatchKey(q);
            var spelling = RecruiterNames.Spelling(q);
            var number = RecruiterNames.NumberKey(q);
            recruiters = recruiters.Where(r => r.Names.Any(n => n.MatchKey.Contains(key) || n.SpellingKey.Contains(spelling)) || r.MatchKey.Contains(key)
                || (number.Length >= 3 && r.Licences.Any(l => l.NumberKey == number)));
        }

        if (!string.IsNullOrWhiteSpace(country))
        {
            recruiters = recruiters.Where(r => r.Country == country);
        }

        recruiters = status switch
        {
            DirectoryStatus.Sanctioned => recruiters.Where(r => r.Sanctions.Any()),
            DirectoryStatus.Licensed => recruiters.Where(r => r.Licences.Any(l => l.Status == LicenceStatus.Active)),
            DirectoryStatus.Declared => recruiters.Where(r => r.Names.Any(n => n.LabourOrganisationId != null)),
            _ => recruiters,
        };

        return recruiters.OrderBy(r => r.Name).ThenBy(r => r.Id);
    }

    /// <summary>The directory's lines of an ordered query, in its order.</summary>
    public static IQueryable<RecruiterSummary> Summaries(IQueryable<Recruiter> ordered, DateOnly today) =>
        ordered.Select(r => new RecruiterSummary(r.Id, r.Name, r.Kind, r.Country, r.City, r.Licences.Count, r.Sanctions.Count,
            r.Sanctions.Any(s => (s.Start == null || s.Start <= today) && (s.End == null || s.End >= today)),
            r.Names.Any(n => n.LabourOrganisationId != null)));

    /// <summary>A recruiter with what was merged into it; a merged-away id answers with the recruiter it was merged into.</summary>
    public static async Task<RecruiterView?> FindAsync(MovilidadDb db, int id, DateOnly today, CancellationToken ct)
    {
        var recruiter = await db.Recruiters.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        while (recruiter?.MergedIntoId is { } into)
        {
            recruiter = await db.Recruiters.AsNoTracking().FirstOrDefaultAsync(r => r.Id == into, ct);
        }

        if (recruiter is null)
        {
            return null;
        }

        var ids = new List<int> { recruiter.Id };
        for (var added = ids; added.Count > 0;)
        {
            var from = added;
            added = await db.Recruiters.AsNoTracking().Where(r => r.MergedIntoId != null && from.Contains(r.MergedIntoId.Value)).Select(r => r.Id).ToListAsync(ct);
            ids.AddRange(added);
        }

        var names = await db.RecruiterNames.AsNoTracking().Where(n => ids.Contains(n.RecruiterId)).ToListAsync(ct);
        var licences = await db.RecruiterLicences.AsNoTracking().Where(l => ids.Contains(l.RecruiterId)).OrderBy(l => l.Country).ThenBy(l => l.Number).ToListAsync(ct);
        var sanctions = await db.RecruiterSanctions.AsNoTracking().Where(s => ids.Contains(s.RecruiterId)).OrderByDescending(s => s.Start).ThenBy(s => s.Id).ToListAsync(ct);
        var organisations = names.Where(n => n.LabourOrganisationId is not null).Select(n => n.LabourOrganisationId!.Value).Distinct().ToList();
        return new RecruiterView(recruiter.Id, recruiter.Name, recruiter.Kind, recruiter.Country, recruiter.Subdivision, recruiter.City, recruiter.Version,
            names.Select(n => n.Name).Append(recruiter.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            licences.Select(l => new LicenceView(l.Id, l.Country, l.Number, l.Authority, l.ValidFrom, l.ValidTo, l.Status, l.Source)).ToList(),
            sanctions.Select(s => new SanctionView(s.Id, s.Kind, s.Country, s.Programme, s.Authority, s.Start, s.End, s.InForceOn(today), s.ListedName, s.Source, s.Notes)).ToList(),
            await RecruiterDeclarations.OfAsync(db, organisations, 200, ct),
            ids.Skip(1).ToList());
    }

    /// <summary>
    /// The worker's check: the entries whose name (any of their names, with legal form, case, accents and punctuation
    /// left out) or licence number is the one asked, what they say, and the entries with a similar name, listed apart.
    /// </summary>
    public static async Task<CheckAnswer> CheckAsync(MovilidadDb db, string query, DateOnly today, CancellationToken ct)
    {
        var key = RecruiterNames.MatchKey(query);
        var number = RecruiterNames.NumberKey(query);
        var exact = await db.RecruiterNames.AsNoTracking().Where(n => n.MatchKey == key).Select(n => n.RecruiterId)
            .Union(db.Recruiters.AsNoTracking().Where(r => r.MatchKey == key).Select(r => r.Id))
            .Union(db.RecruiterLicences.AsNoTracking().Where(l => number.Length >= 3 && l.NumberKey == number).Select(l => l.RecruiterId))
            .ToListAsync(ct);
        var matches = new List<RecruiterView>();
        foreach (var id in exact)
        {
            if (await FindAsync(db, id, today, ct) is { } view && matches.All(m => m.Id != view.Id))
            {
                matches.Add(view);
            }
        }

        var similarIds = new List<int>();
        if (key.Length >= 4)
        {
            var keys = await db.RecruiterNames.AsNoTracking().Select(n => new { n.RecruiterId, n.MatchKey }).ToListAsync(ct);
            similarIds = keys.Where(k => !exact.Contains(k.RecruiterId)
                    && (RecruiterNames.Similarity(k.MatchKey, key) >= 0.8 || (key.Length >= 5 && (k.MatchKey.Contains(key, StringComparison.Ordinal) || key.Contains(k.MatchKey, StringComparison.Ordinal) && k.MatchKey.Length >= 5))))
                .Select(k => k.RecruiterId).Distinct().Take(20).ToList();
        }

        var similar = similarIds.Count == 0 ? [] : await db.Recruiters.AsNoTracking().Where(r => similarIds.Contains(r.Id) && r.MergedIntoId == null)
            .OrderBy(r => r.Name)
            .Select(r => new RecruiterSummary(r.Id, r.Name, r.Kind, r.Country, r.City, r.Licences.Count, r.Sanctions.Count,
                r.Sanctions.Any(s => (s.Start == null || s.Start <= today) && (s.End == null || s.End >= today)), r.Names.Any(n => n.LabourOrganisationId != null)))
            .ToListAsync(ct);
        var sanctions = matches.SelectMany(m => m.Sanctions).ToList();
        var verdict = matches.Count == 0 ? CheckVerdict.Unknown
            : sanctions.Any(s => s.InForce) ? CheckVerdict.Sanctioned
            : sanctions.Count > 0 ? CheckVerdict.SanctionedBefore
            : matches.Any(m => m.Licences.Any(l => l.Status == LicenceStatus.Active && (l.ValidTo is null || l.ValidTo >= today) && (l.ValidFrom is null || l.ValidFrom <= today))) ? CheckVerdict.Licensed
            : CheckVerdict.KnownWithoutLicence;
        return new CheckAnswer(query, verdict, matches, similar.Where(s => matches.All(m => m.Id != s.Id)).ToList());
    }
}
