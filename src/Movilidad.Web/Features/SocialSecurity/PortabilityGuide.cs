using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Programmes;
using Movilidad.Platform.SocialSecurity;
using Movilidad.Web.Features.Reports;
using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Features.SocialSecurity;

/// <summary>
/// The guide to international social-protection rights of action 3.3, for the countries of one question: assembled
/// from the checker's answer (so it says exactly what the page says), every fact numbered to its source, laid out as
/// PDF by the reports' renderer.
/// </summary>
public static class PortabilityGuide
{
    public static async Task<byte[]> PdfAsync(MovilidadDb db, TextLocalizer texts, PortabilityRequest request, string language, TimeProvider clock, CancellationToken ct)
    {
        var answer = Portability.Answer(await Portability.ReadAsync(db, ct), request.Countries, request.Status, request.Years);
        var names = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Alpha2, c => c.Name, StringComparer.Ordinal, ct);
        var references = await db.SourceReferences.AsNoTracking().Where(r => answer.Sources.Contains(r.Key)).ToDictionaryAsync(r => r.Key, StringComparer.Ordinal, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return PdfReport.ToPdf(Document(answer, new ReportText(texts, language), c => names.TryGetValue(c, out var n) ? n : new(c, c), references, DateOnly.FromDateTime(now)), now);
    }

    public static ReportDocument Document(
        PortabilityAnswer answer, ReportText t, Func<string, Platform.Localization.Bilingual> country, IReadOnlyDictionary<string, SourceReference> references, DateOnly today)
    {
        var numbers = answer.Sources.Where(references.ContainsKey).Select((key, i) => (key, i)).ToDictionary(p => p.key, p => p.i + 1, StringComparer.Ordinal);
        string Cite(IEnumerable<string> sources) =>
            string.Concat(sources.Where(numbers.ContainsKey).Distinct().Select(s => $" [{numbers[s]}]"));
        string Name(string code) => t.Pick(country(code));
        string Branches(IReadOnlyList<string> items) => items.Count == 0 ? t["SocialSecurity.BranchesNotSourced"] : string.Join(", ", items.Select(b => t["Branch." + b]));

        var blocks = new List<Block>();
        foreach (var pair in answer.Pairs)
        {
            blocks.Add(new Heading(1, t.Format("SocialSecurity.Between", Name(pair.A), Name(pair.B))));
            if (pair.Applies.Count == 0)
            {
                blocks.Add(new Paragraph(t.Format("SocialSecurity.NoInstrument", Name(pair.A), Name(pair.B))));
                blocks.Add(new Paragraph(t["SocialSecurity.NoInstrumentWhatToDo"]));
            }

            foreach (var i in pair.Applies)
            {
                blocks.Add(new Heading(2, t.Pick(i.Title)));
                blocks.Add(new Paragraph(t.Format("SocialSecurity.Totalise", Branches(i.Branches)) + Cite(i.Sources)));
                blocks.Add(new Paragraph(t.Format("SocialSecurity.PartyStatus", Name(pair.A), t["Status." + i.StatusA], Name(pair.B), t["Status." + i.StatusB])));
                if (pair.YearsTogether is { } years)
                {
                    blocks.Add(new Paragraph(t.Format("SocialSecurity.YearsTogether", years)));
                }

                blocks.Add(new Paragraph(t.Format("SocialSecurity.AskFor", t.Pick(i.Title))));
                if (answer.Status == WorkStatus.SelfEmployed)
                {
                    blocks.Add(new Paragraph(t["SocialSecurity.SelfEmployedNote"], IsNote: true));
                }
            }

            foreach (var i in pair.NotApplying)
            {
                blocks.Add(new Paragraph(t.Format("SocialSecurity.NotApplying", t.Pick(i.Title), Name(pair.A), t["Status." + i.StatusA], Name(pair.B), t["Status." + i.StatusB]) + Cite(i.Sources), IsNote: true));
            }
        }

        foreach (var detail in answer.Details)
        {
            blocks.Add(new Heading(1, Name(detail.Country)));
            blocks.Add(new Heading(2, t["SocialSecurity.Where"]));
            blocks.Add(detail.Institutions.Count == 0
                ? new Paragraph(t["SocialSecurity.InstitutionNotSourced"], IsNote: true)
                : new Table(
                    [new(t["SocialSecurity.Institution"], 3), new(t["SocialSecurity.Address"], 3)],
                    [.. detail.Institutions.Select(b => (IReadOnlyList<string>)[t.Pick(b.Name) + (b.Acronym is null ? string.Empty : $" ({b.Acronym})") + Cite(b.Sources), b.Url ?? t["SocialSecurity.NotSourced"]])]));
            blocks.Add(new Heading(2, t["SocialSecurity.Conventions"]));
            blocks.Add(new Table(
                [new(t["SocialSecurity.Convention"], 4), new(t["SocialSecurity.StatusColumn"], 2)],
                [.. detail.Conventions.Select(c => (IReadOnlyList<string>)[$"C{c.Number}: {t.Pick(c.Title)}", t["SocialSecurity.Ilo." + c.Status] + (c.Ratified is null ? string.Empty : $" ({c.Ratified})") + Cite(c.Sources)])]));
            if (!detail.Covered)
            {
                blocks.Add(new Heading(2, t["SocialSecurity.Voluntary"]));
                if (detail.Options.Count == 0)
                {
                    blocks.Add(new Paragraph(detail.OptionsGap is { } gap ? t.Pick(gap) : t["SocialSecurity.NoOption"], IsNote: true));
                }

                foreach (var o in detail.Options)
                {
                    blocks.Add(new Heading(3, t.Pick(o.Name)));
                    blocks.Add(new Paragraph(t.Pick(o.WhoMayApply) + Cite(o.Sources)));
                    blocks.Add(new Paragraph(t.Format("SocialSecurity.OptionFacts", Branches(o.Branches), Flag(t, o.SelfEmployed), Flag(t, o.Abroad))));
                    if (!o.HowToApply.IsEmpty)
                    {
                        blocks.Add(new Paragraph(t.Pick(o.HowToApply)));
                    }
                }
            }
        }

        blocks.Add(new Heading(1, t["SocialSecurity.Sources"]));
        blocks.AddRange(numbers.OrderBy(n => n.Value).Select(n =>
        {
            var r = references[n.Key];
            return (Block)new Paragraph($"[{n.Value}] {r.Title}" + (r.Publisher is null ? string.Empty : $" · {r.Publisher}") + (r.Url is null ? string.Empty : $" · {r.Url}")
                + (r.Accessed is null ? string.Empty : " · " + t.Format("SocialSecurity.Accessed", r.Accessed)));
        }));

        var title = new ReportTitlePage(
            t["SocialSecurity.GuideOrganisation"], t["SocialSecurity.GuideTitle"], string.Join(" · ", answer.Countries.Select(Name)),
            t[answer.Status == WorkStatus.SelfEmployed ? "SocialSecurity.SelfEmployed" : "SocialSecurity.Employee"], string.Empty,
            [t.Format("SocialSecurity.GuideDate", t.Date(today))], t["SocialSecurity.GuidePurpose"] + " " + t["SocialSecurity.Disclaimer"]);
        return new ReportDocument(t.Language, title, t["SocialSecurity.GuideTitle"], t["SocialSecurity.PageNumbering"], blocks);
    }

    private static string Flag(ReportText t, bool? value) => t[value switch { true => "SocialSecurity.Yes", false => "SocialSecurity.No", null => "SocialSecurity.NotSourced" }];
}
