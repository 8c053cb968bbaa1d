using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.Recruiters;

/// <summary>
/// Fills the directory: the debarment lists shipped in <c>data/recruiters/</c> (once per list, all of a list or none),
/// the recruiters the labour-market records declare (H-2B Appendix C), and the duplicate candidates for review.
/// </summary>
public static class RecruiterDirectory
{
    public const string DebarmentImportKey = "us-h2-debarments";
    public const string DebarmentFolder = "recruiters/us-h2-debarments";
    public const string DebarmentFileName = "debarments-2010-2014.csv";

    /// <summary>Imports a debarment list unless it already was; returns the number of sanctions written.</summary>
    public static async Task<int> ImportDebarmentsAsync(this MovilidadDb db, IReadOnlyList<DebarmentRow> rows, string importKey, string sourceName,
        IReadOnlyDictionary<string, string> sourceDescriptions, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (await db.RecruiterSanctions.AnyAsync(s => s.ImportKey == importKey, ct))
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var known = await db.Recruiters.Include(r => r.Names).ToDictionaryAsync(r => (r.Country, r.SpellingKey), ct);
        var sanctions = new List<RecruiterSanction>();
        foreach (var row in rows)
        {
            var clean = RecruiterNames.Clean(row.Name);
            var recruiter = Find(db, known, clean, row.Country, row.Subdivision, row.City, now);
            foreach (var part in RecruiterNames.Parts(clean))
            {
                AddName(recruiter, part, part == clean ? "debarment-list" : "dba", null);
            }

            var sources = row.Sources.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(s => sourceDescriptions.TryGetValue(s, out var description) ? $"{s} ({description})" : s);
            var sanction = new RecruiterSanction
            {
                Kind = SanctionKind.Debarment,
                Country = "US",
                Programme = row.Programme.Length == 0 ? null : row.Programme,
                Authority = "US Department of Labor, Office of Foreign Labor Certification (OFLC)",
                Start = row.Start,
                End = row.End,
                ListedName = clean,
                Source = $"{sourceName}, line {row.Line.ToString(CultureInfo.InvariantCulture)}: {string.Join("; ", sources)}",
                Notes = row.Notes,
                ImportKey = importKey,
                RecordedAt = now,
                RecordedBy = actor.Name,
            };
            recruiter.Sanctions.Add(sanction);
            sanctions.Add(sanction);
        }

        await db.SaveAuditedAsync(actor, () => new AuditRecord("import", "recruiter-sanctions", importKey, null,
            new { file = sourceName, sanctions = sanctions.Count, recruiters = sanctions.Select(s => s.RecruiterId).Distinct().Count() }, "US"), clock, ct);
        return sanctions.Count;
    }

    /// <summary>
    /// Gives every recruiter the labour-market records name (Appendix C) a directory entry: the one with the same spelling
    /// in the same country, or a new one. The labour-market import calls it in its transaction (an H-2B or Appendix C
    /// file), and every start calls it for what was imported before. Returns how many organisations were linked.
    /// </summary>
    public static async Task<int> LinkDeclaredRecruitersAsync(this MovilidadDb db, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var linked = db.RecruiterNames.Where(n => n.LabourOrganisationId != null).Select(n => n.LabourOrganisationId);
        var organisations = await db.LabourOrganisations.AsNoTracking()
            .Where(o => o.Role == "recruiter" && !linked.Contains(o.Id))
            .OrderBy(o => o.Id).ToListAsync(ct);
        if (organisations.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var known = await db.Recruiters.Include(r => r.Names).ToDictionaryAsync(r => (r.Country, r.SpellingKey), ct);
        foreach (var organisation in organisations)
        {
            var recruiter = Find(db, known, RecruiterNames.Clean(organisation.Name), organisation.Country, organisation.Subdivision, organisation.City, now);
            recruiter.Names.Add(NameOf(RecruiterNames.Clean(organisation.Name), "appendix-c", organisation.Id));
        }

        // An import calls this with change detection turned off: the names added to known entries are found here.
        db.ChangeTracker.DetectChanges();

        await db.SaveAuditedAsync(actor, () => new AuditRecord("link", "recruiter-declarations", "appendix-c", null, new { organisations = organisations.Count }), clock, ct);
        return organisations.Count;
    }

    /// <summary>
    /// Proposes as duplicates the entries (not merged away) whose match keys are equal or close, once per pair: a pair a
    /// person kept apart is not proposed again. Returns how many were proposed.
    /// </summary>
    public static async Task<int> ProposeDuplicatesAsync(this MovilidadDb db, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var entries = await db.Recruiters.AsNoTracking().Where(r => r.MergedIntoId == null).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.MatchKey }).ToListAsync(ct);
        var existing = (await db.RecruiterDuplicates.AsNoTracking().Select(d => new { d.RecruiterId, d.OtherId }).ToListAsync(ct))
            .Select(d => (d.RecruiterId, d.OtherId)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var proposed = new List<RecruiterDuplicate>();
        for (var i = 0; i < entries.Count; i++)
        {
            for (var j = i + 1; j < entries.Count; j++)
            {
                var similarity = RecruiterNames.Similarity(entries[i].MatchKey, entries[j].MatchKey);
                if (similarity >= RecruiterNames.DuplicateThreshold && !existing.Contains((entries[i].Id, entries[j].Id)))
                {
                    proposed.Add(new RecruiterDuplicate
                    {
                        RecruiterId = entries[i].Id,
                        OtherId = entries[j].Id,
                        Reason = similarity >= 1 ? "same-name" : "similar-name",
                        Similarity = Math.Round(similarity, 3),
                        Status = DuplicateStatus.Proposed,
                        ProposedAt = now,
                    });
                }
            }
        }

        if (proposed.Count == 0)
        {
            return 0;
        }

        db.RecruiterDuplicates.AddRange(proposed);
        await db.SaveAuditedAsync(actor, () => new AuditRecord("propose", "recruiter-duplicates", "all", null, new { proposed = proposed.Count }), clock, ct);
        return proposed.Count;
    }

    private static Recruiter Find(MovilidadDb db, Dictionary<(string, string), Recruiter> known, string name, string country, string? subdivision, string? city, DateTime now)
    {
        var spelling = RecruiterNames.Spelling(name);
        if (known.TryGetValue((country, spelling), out var recruiter))
        {
            return recruiter;
        }

        recruiter = new Recruiter
        {
            Name = Cut(name, RecruiterConfiguration.NameMaxLength),
            SpellingKey = Cut(spelling, RecruiterConfiguration.NameMaxLength),
            MatchKey = Cut(RecruiterNames.MatchKey(name), RecruiterConfiguration.NameMaxLength),
            Kind = RecruiterKind.NotStated,
            Country = country,
            Subdivision = subdivision is { Length: <= 8 } ? subdivision : null,
            City = city is null ? null : Cut(city, RecruiterConfiguration.ShortMaxLength),
            CreatedAt = now,
        };
        db.Recruiters.Add(recruiter);
        known[(country, spelling)] = recruiter;
        return recruiter;
    }

    private static void AddName(Recruiter recruiter, string name, string source, int? organisation)
    {
        if (!recruiter.Names.Any(n => n.Name == name && n.Source == source))
        {
            recruiter.Names.Add(NameOf(name, source, organisation));
        }
    }

    private static RecruiterName NameOf(string name, string source, int? organisation) => new()
    {
        Name = Cut(name, RecruiterConfiguration.NameMaxLength),
        SpellingKey = Cut(RecruiterNames.Spelling(name), RecruiterConfiguration.NameMaxLength),
        MatchKey = Cut(RecruiterNames.MatchKey(name), RecruiterConfiguration.NameMaxLength),
        Source = source,
        LabourOrganisationId = organisation,
    };

    internal static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>
/// Loads the shipped debarment list into the directory (once), links the recruiters the imported Appendix C files declare,
/// and proposes duplicates; runs at every start, after the reference tables.
/// </summary>
public sealed class RecruiterLoader(MovilidadDb db, TimeProvider clock) : IContentLoader
{
    public int Order => 900;

    public async Task LoadAsync(string dataFolder, CancellationToken ct = default)
    {
        var folder = Path.Combine(dataFolder, RecruiterDirectory.DebarmentFolder);
        var file = Path.Combine(folder, RecruiterDirectory.DebarmentFileName);
        var actor = new AuditActor(null, "content-loader", null, "start");
        if (File.Exists(file))
        {
            IReadOnlyList<DebarmentRow> rows;
            try
            {
                rows = DebarmentFile.Read(file);
            }
            catch (DebarmentFileException e)
            {
                throw new DataFileException(Path.Combine(RecruiterDirectory.DebarmentFolder, RecruiterDirectory.DebarmentFileName), e.Message, e);
            }

            await db.ImportDebarmentsAsync(rows, RecruiterDirectory.DebarmentImportKey, $"data/{RecruiterDirectory.DebarmentFolder}/{RecruiterDirectory.DebarmentFileName}",
                SourceDescriptions(Path.Combine(folder, "sources.csv")), actor, clock, ct);
        }

        await db.LinkDeclaredRecruitersAsync(actor, clock, ct);
        await db.ProposeDuplicatesAsync(actor, clock, ct);
    }

    private static Dictionary<string, string> SourceDescriptions(string path) =>
        File.Exists(path)
            ? File.ReadLines(path).Skip(1).Select(l => l.Split(',', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim().Trim('"').Replace("\"\"", "\"", StringComparison.Ordinal), StringComparer.Ordinal)
            : [];
}
