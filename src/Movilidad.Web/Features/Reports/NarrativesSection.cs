using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Institutions;

namespace Movilidad.Web.Features.Reports;

/// <summary>Each member country's narrative, in the order of the countries' names; a country that wrote nothing is named as such.</summary>
public sealed class NarrativesSection : ReportSection<NarrativesSection.Data>
{
    public sealed record CountryNarrative(string Country, Bilingual Name, Bilingual Text);

    public sealed record Data(IReadOnlyList<CountryNarrative> Countries);

    public override string Key => "narratives";

    public override int Order => 900;

    protected override async Task<Data> CollectDataAsync(MovilidadDb db, ReportScope scope, CancellationToken ct)
    {
        var members = await db.MemberCountriesAsync(ct);
        var names = await db.Countries.AsNoTracking().Where(c => members.Contains(c.Alpha2)).ToDictionaryAsync(c => c.Alpha2, c => c.Name, ct);
        var texts = await db.ReportNarratives.AsNoTracking().Where(n => n.ReportId == scope.ReportId).ToDictionaryAsync(n => n.CountryCode, n => n.Text, ct);
        return new Data(members.Order(StringComparer.Ordinal)
            .Select(c => new CountryNarrative(c, names.GetValueOrDefault(c) ?? new Bilingual(c, c), texts.GetValueOrDefault(c) ?? Bilingual.Empty))
            .ToList());
    }

    protected override IEnumerable<Block> Render(Data data, ReportText text)
    {
        yield return new Heading(1, text["Report.Section.Narratives"]);
        yield return new Paragraph(text["Report.NarrativesIntro"]);
        foreach (var country in data.Countries.OrderBy(c => text.Pick(c.Name), StringComparer.Create(text.Culture, ignoreCase: true)))
        {
            yield return new Heading(2, text.Pick(country.Name));
            var (narrative, language) = text.PickTagged(country.Text);
            if (narrative.Length == 0)
            {
                yield return new Paragraph(text["Report.NoNarrative"], IsNote: true);
                continue;
            }

            if (language is not null)
            {
                yield return new Paragraph(text["Report.OriginalLanguage." + language], IsNote: true);
            }

            foreach (var paragraph in Paragraphs(narrative, language))
            {
                yield return paragraph;
            }
        }
    }
}
