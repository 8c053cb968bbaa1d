using System.Globalization;
using System.Text.RegularExpressions;

namespace Movilidad.Records;

/// <summary>
/// US OFLC H-2B Appendix C (Addendum C): the foreign labour recruiters each employer declared, one row per
/// recruiter and case. Each row counts one recruiter declared, in the recruiter's country.
/// </summary>
internal sealed partial class OflcRecruitersReader : SourceReader
{
    private static readonly ColumnSpec[] Specs =
    [
        new("case", ["CASE_NUMBER", "CASE_NO"], n => n.StartsWith("CASE_N", StringComparison.Ordinal), Required: true),
        new("organisation", ["RECRUITER_EMPLOYER_NAME", "RECRUITER_ORGANIZATION_NAME", "RECRUITER_BUSINESS_NAME", "RECRUITER_NAME"]),
        new("last", ["RECRUITER_LAST_NAME"]),
        new("first", ["RECRUITER_FIRST_NAME"]),
        new("middle", ["RECRUITER_MIDDLE_NAME"]),
        new("city", ["RECRUITER_EMPLOYER_CITY", "RECRUITER_CITY"]),
        new("state", ["RECRUITER_EMPLOYER_STATE", "RECRUITER_STATE"]),
        new("province", ["RECRUITER_EMPLOYER_PROVINCE", "RECRUITER_PROVINCE"]),
        new("country", ["RECRUITER_EMPLOYER_COUNTRY", "RECRUITER_COUNTRY"], n => n.StartsWith("RECRUITER", StringComparison.Ordinal) && n.EndsWith("COUNTRY", StringComparison.Ordinal), Required: true),
    ];

    public override IReadOnlyList<ColumnSpec> Fields => Specs;

    public override Recognition? Recognise(Candidate candidate)
    {
        var columns = Columns.Resolve(candidate, Specs);
        var recruiterColumns = candidate.Names.Count(n => n.StartsWith("RECRUITER", StringComparison.Ordinal));
        // Without its case number column (renamed in a new edition), a table of recruiters' columns is still Appendix C.
        if (recruiterColumns < (columns.Has("case") ? 2 : 3))
        {
            return null;
        }
        var year = Detection.FiscalYear(candidate) is { } fy ? $", FY{fy}" : "";
        return new Recognition(this, RecordSource.OflcH2BRecruiters, candidate, columns,
            new RecordMessage($"Apéndice C H-2B de OFLC: reclutadores extranjeros declarados{year}", $"OFLC H-2B Appendix C: foreign recruiters declared{year}"), 10 + columns.Found)
        {
            Missing = MissingFields(columns, Specs, ["case"]),
        };
    }

    public override IEnumerable<RecordRow> Read(ReadContext context)
    {
        var fileYear = Detection.FiscalYear(context.Candidate);
        context.Report.HasOccupations = false;
        foreach (var row in context.DataRows(IsNote))
        {
            var number = context.Text(row, "case");
            var name = context.Text(row, "organisation")
                ?? Cells.Clean(string.Join(" ", new[] { context.Text(row, "first"), context.Text(row, "middle"), context.Text(row, "last") }.Where(p => p is not null)));
            if (name is null)
            {
                context.Skip(row, "organisation", "no-recruiter", null, new RecordMessage(
                    "La fila no nombra al reclutador (ni organización ni persona).", "The row does not name the recruiter (neither organisation nor person)."));
                continue;
            }
            var countryText = context.Text(row, "country");
            if (context.Places.Country(countryText) is not { } country)
            {
                context.Skip(row, "country", countryText is null ? "no-country" : "unknown-country", countryText, countryText is null
                    ? new RecordMessage("Falta el país del reclutador.", "The recruiter's country is missing.")
                    : new RecordMessage($"«{countryText}» no es un país conocido (ISO 3166).", $"'{countryText}' is not a known country (ISO 3166)."));
                continue;
            }
            var place = context.Places.Subdivision(country.Country, context.Text(row, "province"))
                ?? context.Places.Subdivision(country.Country, context.Text(row, "state"))
                ?? country;
            if ((fileYear ?? FilingYear(number)) is not { } year)
            {
                context.Skip(row, "case", "no-period", number, new RecordMessage(
                    "Ni el archivo ni el número de caso dicen el año fiscal.", "Neither the file nor the case number says the fiscal year."));
                continue;
            }
            var recruiter = new Organisation(OrganisationRole.Recruiter, name, place.Country, place.Subdivision, context.Text(row, "city"));
            yield return context.Row(row, new SourceOccupation(null, null, null), NoOccupation, place, Period.UsFiscalYearPeriod(year),
                [new MeasureValue(Measure.RecruitersDeclared, 1, true, null)], "H-2B", recruiter: recruiter, caseNumber: number);
        }
    }

    private static readonly OccupationMapping NoOccupation = OccupationMapping.Unmapped(new RecordMessage(
        "El Apéndice C no da ocupaciones: nombra reclutadores.", "Appendix C gives no occupations: it names recruiters."));

    // iCERT case numbers carry the filing date: H-400-YYDDD-NNNNNN (year and day of the year).
    internal static int? FilingYear(string? number)
    {
        var match = CaseNumber().Match(number ?? "");
        if (!match.Success)
        {
            return null;
        }
        var year = 2000 + int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return day is < 1 or > 366 ? null : Period.UsFiscalYear(new DateOnly(year, 1, 1).AddDays(day - 1));
    }

    [GeneratedRegex(@"^H-\d{3}-(\d{2})(\d{3})-\d+$")]
    private static partial Regex CaseNumber();
}
