using System.Globalization;
using System.Text.RegularExpressions;

namespace Movilidad.Records;

/// <summary>
/// Canada ESDC lists of employers issued a positive (or negative) LMIA, quarterly since 2017: a title row naming
/// the period, the header, rows where province and stream may be left blank under the first row of their group,
/// and footnotes at the end. Occupations in NOC 2011 until 2024 Q1, NOC 2021 after.
/// </summary>
internal sealed partial class EsdcLmiaReader : SourceReader
{
    private static readonly ColumnSpec[] Specs =
    [
        new("province", ["PROVINCE_TERRITORY", "PROVINCE", "PROVINCE_TERRITOIRE"], n => n.StartsWith("PROVINCE", StringComparison.Ordinal), Required: true),
        new("stream", ["STREAM", "PROGRAM_STREAM", "VOLET", "VOLET_DU_PROGRAMME"], n => n.Contains("STREAM", StringComparison.Ordinal) || n.StartsWith("VOLET", StringComparison.Ordinal)),
        new("employer", ["EMPLOYER", "EMPLOYER_NAME", "EMPLOYEUR"], n => n.StartsWith("EMPLOY", StringComparison.Ordinal), Required: true),
        new("address", ["ADDRESS", "ADRESSE"], n => n.StartsWith("ADDRESS", StringComparison.Ordinal) || n.StartsWith("ADRESSE", StringComparison.Ordinal)),
        new("occupation", ["OCCUPATION", "OCCUPATIONS_UNDER_NOC_2011", "PROFESSION"], n => n.StartsWith("OCCUP", StringComparison.Ordinal) || n.Contains("NOC", StringComparison.Ordinal) || n.Contains("CNP", StringComparison.Ordinal), Required: true),
        new("incorporation", ["INCORPORATE_STATUS", "INCORPORATION_STATUS"], n => n.StartsWith("INCORPORAT", StringComparison.Ordinal)),
        new("lmias", ["APPROVED_LMIAS", "REQUESTED_LMIAS", "NEGATIVE_LMIAS", "EIMT_APPROUVEES"], n => (n.Contains("LMIA", StringComparison.Ordinal) || n.Contains("EIMT", StringComparison.Ordinal)) && !n.Contains("POSITION", StringComparison.Ordinal)),
        new("positions", ["APPROVED_POSITIONS", "POSITIONS_APPROVED", "REQUESTED_POSITIONS", "POSTES_APPROUVES"], n => n.Contains("POSITION", StringComparison.Ordinal) || n.StartsWith("POSTES", StringComparison.Ordinal), Required: true),
    ];

    private static readonly string[] Months =
        ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"];

    private static readonly string[] FrenchMonths =
        ["JANVIER", "FEVRIER", "MARS", "AVRIL", "MAI", "JUIN", "JUILLET", "AOUT", "SEPTEMBRE", "OCTOBRE", "NOVEMBRE", "DECEMBRE"];

    private const string HeadOfficeAbroad = "HEAD_OFFICE_OUTSIDE";

    public override IReadOnlyList<ColumnSpec> Fields => Specs;

    public override Recognition? Recognise(Candidate candidate)
    {
        var columns = Columns.Resolve(candidate, Specs);
        var absent = Absent(columns, Identifying);
        if (absent > 1 || absent == 1 && !(TitleNamesLmias(candidate) && columns.Found >= 3))
        {
            return null;
        }
        var negative = IsNegative(candidate);
        var period = TitlePeriod(candidate.AboveText);
        var when = period is null ? "" : $", {period.Code}";
        return new Recognition(this, RecordSource.EsdcLmia, candidate, columns, negative
            ? new RecordMessage($"lista de empleadores con EIMT negativa de ESDC (Canadá){when}", $"ESDC list of employers issued a negative LMIA (Canada){when}")
            : new RecordMessage($"lista de empleadores con EIMT positiva de ESDC (Canadá){when}", $"ESDC list of employers issued a positive LMIA (Canada){when}"),
            10 + columns.Found) { Missing = MissingFields(columns, Specs, Identifying) };
    }

    // The columns an ESDC list is known by: the province, the employer, and a count. A list that lacks one of them (renamed
    // in a new edition) is still this publication when its title row names LMIAs and it has three of its other columns.
    private static readonly string[][] Identifying = [["province"], ["employer"], ["positions", "lmias"]];

    private static bool TitleNamesLmias(Candidate candidate)
    {
        var title = Columns.Normalise(candidate.AboveText);
        return title.Contains("LMIA", StringComparison.Ordinal) || title.Contains("EIMT", StringComparison.Ordinal) || title.Contains("LABOUR_MARKET_IMPACT", StringComparison.Ordinal);
    }

    private static bool IsNegative(Candidate candidate) =>
        Columns.Normalise(candidate.AboveText).Contains("NEGATIVE", StringComparison.Ordinal);

    public override IEnumerable<RecordRow> Read(ReadContext context)
    {
        var columns = context.Columns;
        var title = context.Candidate.AboveText;
        var period = TitlePeriod(title) ?? TitlePeriod(context.Candidate.Sheet.Name)
            ?? throw new RecordFileException("no-period", new SourceLocation(context.FileName, context.Report.Sheet, Math.Max(1, context.Candidate.Header.Number - 1)), null, new RecordMessage(
                $"La fila de título no dice qué período cubre la lista (se esperaba, por ejemplo, «October to December 2023» o «in 2019 (October-December)»); título leído: «{title}».",
                $"The title row does not say which period the list covers (expected, for example, 'October to December 2023' or 'in 2019 (October-December)'); title read: '{title}'."));
        var negative = IsNegative(context.Candidate);
        var positions = negative ? Measure.PositionsRefused : Measure.PositionsApproved;
        var lmias = negative ? Measure.LmiasRefused : Measure.LmiasApproved;
        foreach (var key in new[] { "positions", "lmias" })
        {
            var name = Columns.Normalise(columns.Name(key));
            if (!negative && name.Contains("REQUESTED", StringComparison.Ordinal))
            {
                context.Report.Note(new RecordMessage(
                    $"La columna «{columns.Name(key)}» se lee como aprobada: el título dice que la lista es de EIMT positivas.",
                    $"Column '{columns.Name(key)}' is read as approved: the title says the list is of positive LMIAs."));
            }
        }
        var classification = Classification(title + " " + columns.Name("occupation"));
        context.Report.Classification = classification;
        string? province = null;
        string? stream = null;
        // Everything from the first note row ("Notes:", "1. The source...") on is notes.
        foreach (var row in context.DataRows(IsFootnote, notesEndTheTable: true))
        {
            // Older lists write the province and the stream only on the first row of their group.
            province = context.Text(row, "province") ?? province;
            stream = context.Text(row, "stream") ?? stream;
            if (!context.Count(row, "positions", out var positionCount) || !context.Count(row, "lmias", out var lmiaCount))
            {
                continue;
            }
            var values = new List<MeasureValue>();
            if (positionCount is { } p && p != 0)
            {
                values.Add(new MeasureValue(positions, p, true, null));
            }
            if (lmiaCount is { } l && l != 0)
            {
                values.Add(new MeasureValue(lmias, l, true, null));
            }
            var employerName = context.Text(row, "employer");
            if (values.Count == 0 && employerName is null)
            {
                context.Skip(row, "positions", "no-values", null, new RecordMessage(
                    "La fila no tiene empleador ni cifras.", "The row has no employer and no figures."));
                continue;
            }
            var place = Province(context, row, province);
            var address = context.Text(row, "address");
            var employer = employerName is null ? null : new Organisation(OrganisationRole.Employer, employerName,
                Columns.Normalise(province).Contains(HeadOfficeAbroad, StringComparison.Ordinal) ? null : "CA",
                place.Subdivision, address?.Split(',')[0].Trim());
            yield return context.Row(row, Occupation(context.Text(row, "occupation"), classification), null, place, period, values,
                stream is null ? "TFWP" : $"TFWP {stream}", employer: employer);
        }
    }

    private static Place Province(ReadContext context, TableRow row, string? province)
    {
        if (context.Places.Subdivision("CA", province) is { } place)
        {
            return place;
        }
        if (Columns.Normalise(province).Contains(HeadOfficeAbroad, StringComparison.Ordinal))
        {
            context.Issue(RowIssueKind.Note, row, "province", "head-office-abroad", province, new RecordMessage(
                "Empleador con sede fuera de Canadá: la fila cuenta para Canadá sin provincia.",
                "Employer with its head office outside Canada: the row counts for Canada without a province."));
            return context.Places.Country("CA")!;
        }
        if (context.Places.CanadianPostalCode(context.Text(row, "address")) is { Subdivision: not null } fromPostalCode)
        {
            return fromPostalCode;
        }
        context.Issue(RowIssueKind.Note, row, "province", "unknown-province", province, new RecordMessage(
            $"«{province}» no es una provincia o territorio de Canadá: la fila cuenta para Canadá sin provincia.",
            $"'{province}' is not a Canadian province or territory: the row counts for Canada without a province."));
        return context.Places.Country("CA")!;
    }

    private static OccupationClassification Classification(string text)
    {
        var normalised = Columns.Normalise(text);
        return normalised.Contains("NOC_2021", StringComparison.Ordinal) || normalised.Contains("CNP_2021", StringComparison.Ordinal) ? OccupationClassification.Noc2021
            : normalised.Contains("NOC_2016", StringComparison.Ordinal) || normalised.Contains("CNP_2016", StringComparison.Ordinal) ? OccupationClassification.Noc2016
            : OccupationClassification.Noc2011;
    }

    // "3111-Specialist physicians", "21234-Web developers and programmers": a 5-digit code is NOC 2021 whatever the title says.
    private static SourceOccupation Occupation(string? text, OccupationClassification classification)
    {
        if (text is null)
        {
            return new SourceOccupation(classification, null, null);
        }
        var match = OccupationCell().Match(text);
        if (!match.Success)
        {
            return new SourceOccupation(classification, null, text);
        }
        var code = match.Groups[1].Value;
        var actual = code.Length == 5 ? OccupationClassification.Noc2021 : classification == OccupationClassification.Noc2021 ? OccupationClassification.Noc2011 : classification;
        return new SourceOccupation(actual, OccupationCrosswalk.NormaliseCode(actual, code) ?? code, Cells.Clean(match.Groups[2].Value));
    }

    /// <summary>The period a title names: "in 2019 (October-December)", "October to December 2023", "January-June 2017", "d'octobre à décembre 2023".</summary>
    internal static Period? TitlePeriod(string? title)
    {
        var text = Columns.Normalise(title).Replace('_', ' ');
        foreach (var match in YearThenMonths().Matches(text).Concat(MonthsThenYear().Matches(text)))
        {
            var from = Month(match.Groups["from"].Value);
            var to = Month(match.Groups["to"].Value);
            if (from is null || to is null || to < from)
            {
                continue;
            }
            var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            return Period.Span(new DateOnly(year, from.Value, 1), new DateOnly(year, to.Value, 1).AddMonths(1).AddDays(-1));
        }
        return null;
    }

    private static int? Month(string name)
    {
        var english = Array.IndexOf(Months, name);
        var french = Array.IndexOf(FrenchMonths, name);
        return english >= 0 ? english + 1 : french >= 0 ? french + 1 : null;
    }

    [GeneratedRegex(@"^\s*(\d{3,5})\s*[-–:]\s*(.*)$")]
    private static partial Regex OccupationCell();

    [GeneratedRegex(@"(?<year>\d{4}) (?<from>[A-Z]+) (?<to>[A-Z]+)(?= |$)")]
    private static partial Regex YearThenMonths();

    [GeneratedRegex(@"(?<from>[A-Z]+) (?:TO |A |AU )?(?<to>[A-Z]+) (?<year>\d{4})(?= |$)")]
    private static partial Regex MonthsThenYear();
}
