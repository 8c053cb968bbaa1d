using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Programmes;

namespace Movilidad.Platform.SocialSecurity;

/// <summary>How the person worked: as an employee or on their own account.</summary>
public enum WorkStatus
{
    Employee,
    SelfEmployed,
}

/// <summary>A social-security agreement of the registry as the checker reads it: its parties' statuses and branches.</summary>
public sealed record InstrumentFacts(
    string Key, Bilingual Title, string? StatusCode, IReadOnlyDictionary<string, string> Parties, IReadOnlyList<string> Branches, IReadOnlyList<string> Sources);

/// <summary>An instrument between two countries: what it covers and how far each country has gone with it.</summary>
public sealed record PairInstrument(string Key, Bilingual Title, string Path, string StatusA, string StatusB, IReadOnlyList<string> Branches, IReadOnlyList<string> Sources);

/// <summary>Two of the countries worked in: the instruments that apply between them, and those that exist but do not (yet).</summary>
public sealed record PairAnswer(string A, string B, IReadOnlyList<PairInstrument> Applies, IReadOnlyList<PairInstrument> NotApplying, int? YearsTogether);

/// <summary>A voluntary enrolment option of a country, with what the source says of who may use it.</summary>
public sealed record OptionAnswer(string Key, Bilingual Name, bool? SelfEmployed, bool? Abroad, IReadOnlyList<string> Branches, Bilingual WhoMayApply, Bilingual HowToApply, IReadOnlyList<string> Sources);

/// <summary>An ILO convention's status in one country.</summary>
public sealed record ConventionStatus(string Key, int Number, Bilingual Title, string Status, string? Ratified, IReadOnlyList<string> Sources);

/// <summary>A national body to ask.</summary>
public sealed record BodyAnswer(string Code, Bilingual Name, string? Acronym, string? Url, IReadOnlyList<string> Sources);

/// <summary>One country worked in: its social-security institution, conventions, and (when no agreement covers it) voluntary enrolment.</summary>
public sealed record CountryAnswer(
    string Country, int? Years, bool Covered, IReadOnlyList<BodyAnswer> Institutions, IReadOnlyList<ConventionStatus> Conventions, IReadOnlyList<OptionAnswer> Options, Bilingual? OptionsGap);

/// <summary>
/// The whole answer: per pair of countries and per country, and every source cited, for a guidance (not a decision);
/// <see cref="WhatToDo"/> says what a person can do where a pair has no agreement that applies (null when every pair has one).
/// </summary>
public sealed record PortabilityAnswer(
    IReadOnlyList<string> Countries, WorkStatus Status, IReadOnlyList<PairAnswer> Pairs, IReadOnlyList<CountryAnswer> Details, bool AnyInstrument, IReadOnlyList<string> Sources)
{
    public Bilingual? WhatToDo { get; init; }
}

/// <summary>
/// The portability checker of issue 14 (line 3 of the Regional Plan): for the countries someone worked in, which
/// branches can be totalised or exported under which agreement of the registry, and, where no agreement applies, the
/// voluntary enrolment options (action 3.5). An agreement applies between A and B only when both are parties whose
/// status is in force or applied and the agreement as a whole is not recorded as not in force; an agreement both are
/// listed in otherwise is shown as not applying, with each one's status. Nothing is inferred beyond the registry.
/// </summary>
public static class Portability
{
    public static readonly string[] Effective = ["in-force", "applied"];

    /// <summary>The social-security agreements, conventions and enrolment options (published content only) and the rest of what the answer names, read once.</summary>
    public sealed record Facts(
        IReadOnlyList<InstrumentFacts> Instruments, IReadOnlyList<IloConvention> Conventions, IReadOnlyList<EnrolmentOption> Options,
        IReadOnlyList<CountryGap> Gaps, IReadOnlyList<NationalBody> Institutions);

    public static async Task<Facts> ReadAsync(MovilidadDb db, CancellationToken ct)
    {
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.Subject == "social-security" && a.Content != null).OrderBy(a => a.Key).ToListAsync(ct);
        return new Facts(
            [.. agreements.Select(a => Instrument(a.Key, RegistryContent.Parse(a.Content!)))],
            await db.IloConventions.AsNoTracking().Where(c => c.Content != null).OrderBy(c => c.Number).ToListAsync(ct),
            await db.EnrolmentOptions.AsNoTracking().Where(o => o.Content != null).OrderBy(o => o.Key).ToListAsync(ct),
            await db.CountryGaps.AsNoTracking().Where(g => g.Topic == SocialSecurityLoader.EnrolmentTopic).ToListAsync(ct),
            await db.NationalBodies.AsNoTracking().Where(b => b.Kind == "social-security-institution").OrderBy(b => b.Code).ToListAsync(ct));
    }

    public static InstrumentFacts Instrument(string key, JsonObject content)
    {
        var parties = (RegistryContent.At(content, "parties") as JsonArray ?? [])
            .Select(p => (Country: RegistryContent.Text(p, "country"), Status: RegistryContent.Text(p, "status") ?? "unknown"))
            .Where(p => p.Country is not null)
            .GroupBy(p => p.Country!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Status, StringComparer.Ordinal);
        var sources = Cited(content).Distinct(StringComparer.Ordinal).ToList();
        return new InstrumentFacts(key, RegistryContent.Pair(content, "title"), RegistryContent.Text(content, "status.code"), parties, RegistryContent.Strings(content, "branches.items"), sources);
    }

    /// <summary>Every source key a node cites, in document order.</summary>
    public static IEnumerable<string> Cited(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key is "sources" or "titleSources" ? RegistryContent.Strings(o, p.Key) : Cited(p.Value)),
        JsonArray a => a.SelectMany(Cited),
        _ => [],
    };

    public static PortabilityAnswer Answer(Facts facts, IReadOnlyList<string> countries, WorkStatus status, IReadOnlyList<int?> years)
    {
        var pairs = new List<PairAnswer>();
        for (var i = 0; i < countries.Count; i++)
        {
            for (var j = i + 1; j < countries.Count; j++)
            {
                var (a, b) = (countries[i], countries[j]);
                var applies = new List<PairInstrument>();
                var notApplying = new List<PairInstrument>();
                foreach (var instrument in facts.Instruments)
                {
                    if (!instrument.Parties.TryGetValue(a, out var statusA) || !instrument.Parties.TryGetValue(b, out var statusB) || statusA == "not-signed" || statusB == "not-signed")
                    {
                        continue;
                    }

                    var answer = new PairInstrument(instrument.Key, instrument.Title, $"/agreements/{instrument.Key}", statusA, statusB, instrument.Branches, instrument.Sources);
                    (Effective.Contains(statusA) && Effective.Contains(statusB) && instrument.StatusCode != "not-in-force" ? applies : notApplying).Add(answer);
                }

                int? together = years.Count == countries.Count && years[i] is { } ya && years[j] is { } yb && applies.Count > 0 ? ya + yb : null;
                pairs.Add(new PairAnswer(a, b, applies, notApplying, together));
            }
        }

        var details = countries.Select((country, i) =>
        {
            var covered = pairs.Where(p => p.A == country || p.B == country).All(p => p.Applies.Count > 0);
            var options = covered ? [] : facts.Options
                .Where(o => o.Country == country && !(status == WorkStatus.SelfEmployed && o.SelfEmployed == false))
                .OrderBy(o => status == WorkStatus.SelfEmployed && o.SelfEmployed == true ? 0 : 1).ThenBy(o => o.Key, StringComparer.Ordinal)
                .Select(Option).ToList();
            var gap = covered ? null : facts.Gaps.FirstOrDefault(g => g.Country == country)?.Text;
            return new CountryAnswer(
                country, years.Count > i ? years[i] : null, covered,
                [.. facts.Institutions.Where(b => b.Country == country).Select(b => new BodyAnswer(b.Code, b.Name, b.Acronym, b.Url, b.Sources.Split(' ', StringSplitOptions.RemoveEmptyEntries)))],
                [.. facts.Conventions.Select(c => Convention(c, country)).OfType<ConventionStatus>()],
                options, gap);
        }).ToList();

        var sources = pairs.SelectMany(p => p.Applies.Concat(p.NotApplying)).SelectMany(p => p.Sources)
            .Concat(details.SelectMany(d => d.Institutions.SelectMany(b => b.Sources).Concat(d.Conventions.SelectMany(c => c.Sources)).Concat(d.Options.SelectMany(o => o.Sources))))
            .Distinct(StringComparer.Ordinal).ToList();
        return new PortabilityAnswer(countries, status, pairs, details, pairs.Any(p => p.Applies.Count > 0), sources);
    }

    public static OptionAnswer Option(EnrolmentOption option)
    {
        var content = RegistryContent.Parse(option.Content!);
        return new OptionAnswer(
            option.Key, option.Name, option.SelfEmployed, option.Abroad, RegistryContent.Strings(content, "branches.items"),
            RegistryContent.Pair(content, "whoMayApply"), RegistryContent.Pair(content, "howToApply"), [.. Cited(content).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>A convention's row for a country, or null when the registry has no row for it.</summary>
    public static ConventionStatus? Convention(IloConvention convention, string country)
    {
        var content = RegistryContent.Parse(convention.Content!);
        var state = (RegistryContent.At(content, "states") as JsonArray ?? []).FirstOrDefault(s => RegistryContent.Text(s, "country") == country);
        return state is null ? null : new ConventionStatus(
            convention.Key, convention.Number, convention.Name, RegistryContent.Text(state, "status") ?? "unknown", RegistryContent.Text(state, "ratified"),
            RegistryContent.Strings(state, "sources"));
    }
}
