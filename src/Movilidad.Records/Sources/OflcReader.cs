namespace Movilidad.Records;

/// <summary>
/// US OFLC H-2A and H-2B disclosure files, FY2006 onwards: one row per case (and, for H-2A joint employers, one per
/// member's sub-application), with columns renamed over the years. See the README for how masters and their
/// sub-applications are counted once.
/// </summary>
internal sealed class OflcReader : SourceReader
{
    private static readonly ColumnSpec[] Specs =
    [
        new("case", ["CASE_NUMBER", "CASE_NO", "CASE_NUM", "CASE_ID"], n => n.StartsWith("CASE_N", StringComparison.Ordinal), Required: true),
        new("status", ["CASE_STATUS", "STATUS", "LAST_SIG_EVENT", "DETERMINATION"], n => n.EndsWith("_STATUS", StringComparison.Ordinal) && n.StartsWith("CASE", StringComparison.Ordinal)),
        new("decision", ["DECISION_DATE", "RECENT_DECISION_DATE", "CASE_DECISION_DATE", "DETERMINATION_DATE", "LAST_EVENT_DATE"], n => n.Contains("DECISION", StringComparison.Ordinal) && n.Contains("DATE", StringComparison.Ordinal)),
        new("visa", ["VISA_CLASS", "VISA_TYPE", "APPLICATION_TYPE", "CASE_TYPE", "PROGRAM"]),
        new("requested", ["NBR_WORKERS_REQUESTED", "NUMBER_OF_WORKERS_REQUESTED", "NO_WORKERS_REQUESTED", "NO_WORKERS_REQUSTED", "NUM_ALIENS", "TOTAL_WORKERS_H_2A_REQUESTED", "TOTAL_WORKERS_H_2B_REQUESTED", "TOTAL_WORKER_POSITIONS_REQUESTED", "WORKERS_REQUESTED"],
            n => (n.Contains("WORKER", StringComparison.Ordinal) || n.Contains("ALIEN", StringComparison.Ordinal) || n.Contains("POSITION", StringComparison.Ordinal))
                 && (n.Contains("REQUEST", StringComparison.Ordinal) || n.Contains("REQUST", StringComparison.Ordinal))),
        new("certified", ["NBR_WORKERS_CERTIFIED", "NUMBER_OF_WORKERS_CERTIFIED", "NO_WORKERS_CERTIFIED", "TOTAL_WORKERS_H_2A_CERTIFIED", "TOTAL_WORKERS_H_2B_CERTIFIED", "TOTAL_WORKER_POSITIONS_CERTIFIED", "WORKERS_CERTIFIED"],
            n => (n.Contains("WORKER", StringComparison.Ordinal) || n.Contains("POSITION", StringComparison.Ordinal)) && n.Contains("CERTIF", StringComparison.Ordinal)),
        new("soc", ["SOC_CODE", "SOC_CODE_ID", "SOC_CD", "SOC"], n => n.StartsWith("SOC_C", StringComparison.Ordinal) && !n.Contains("TITLE", StringComparison.Ordinal)),
        new("socTitle", ["SOC_TITLE", "SOC_NAME", "SOC_CODE_TITLE"], n => n.StartsWith("SOC_", StringComparison.Ordinal) && (n.Contains("TITLE", StringComparison.Ordinal) || n.Contains("NAME", StringComparison.Ordinal))),
        new("dot", ["DOT_OCCUPATIONAL_CODE", "DOT_CODE"], n => n.StartsWith("DOT_", StringComparison.Ordinal) && n.Contains("CODE", StringComparison.Ordinal)),
        new("dotTitle", ["DOT_NAME", "DOT_TITLE"]),
        new("jobTitle", ["JOB_TITLE", "OCC_TITLE"]),
        new("worksiteState", ["WORKSITE_STATE", "WORKSITE_LOCATION_STATE", "ALIEN_WORK_STATE", "EMPLOYEE_WORK_STATE", "PRIMARY_WORKSITE_STATE", "WORKSITE_ST"],
            n => n.Contains("STATE", StringComparison.Ordinal) && (n.Contains("WORKSITE", StringComparison.Ordinal) || n.Contains("WORK_STATE", StringComparison.Ordinal) || n.Contains("ALIEN_WORK", StringComparison.Ordinal))),
        new("employer", ["EMPLOYER_NAME", "EMP_NAME", "EMPLOYER_BUSINESS_NAME"], n => n.StartsWith("EMPLOYER_NAME", StringComparison.Ordinal)),
        new("employerCity", ["EMPLOYER_CITY", "EMP_CITY"]),
        new("employerState", ["EMPLOYER_STATE", "EMP_STATE", "EMPLOYER_STATE_PROVINCE"]),
        new("employerProvince", ["EMPLOYER_PROVINCE"]),
        new("employerCountry", ["EMPLOYER_COUNTRY", "EMP_COUNTRY"]),
        new("flag", ["ORGANIZATION_FLAG", "ORG_FLAG", "TYPE_OF_EMPLOYER_APPLICATION"]),
        new("primarySub", ["PRIMARY_SUB", "PRIMARY_OR_SUB", "MASTER_SUB"]),
    ];

    public override IReadOnlyList<ColumnSpec> Fields => Specs;

    public override Recognition? Recognise(Candidate candidate)
    {
        var columns = Columns.Resolve(candidate, Specs);
        var absent = Absent(columns, Identifying);
        if (absent > 1 || absent == 1 && columns.Found < PartialMinimum)
        {
            return null;
        }
        var visa = Visa(candidate, columns);
        if (visa is null)
        {
            return null;
        }
        var fiscalYear = Detection.FiscalYear(candidate);
        var year = fiscalYear is null ? "" : $", FY{fiscalYear}";
        var name = visa == RecordSource.OflcH2A ? "H-2A" : "H-2B";
        return new Recognition(this, visa.Value, candidate, columns,
            new RecordMessage($"archivo de divulgación {name} de OFLC (EE. UU.){year}", $"US OFLC {name} disclosure file{year}"), 10 + columns.Found) { Missing = MissingFields(columns, Specs, Identifying) };
    }

    // The columns an OFLC disclosure file is known by: its case number, a count of workers, and its decision (status or
    // date). A file that lacks one of them (renamed in a new edition) is still this publication when it has enough of
    // the others (the thinnest year, FY2010, has twelve).
    private static readonly string[][] Identifying = [["case"], ["requested", "certified"], ["decision", "status"]];

    private const int PartialMinimum = 6;

    // H-2A or H-2B: the visa column's value, else the sheet name, else the case numbers (iCERT numbers H-300 for
    // H-2A, H-400 for H-2B), else the columns only H-2A files have. Null for another programme (H-1B, PERM...).
    private static RecordSource? Visa(Candidate candidate, Columns columns)
    {
        if (columns.Has("visa"))
        {
            foreach (var row in candidate.Below.Where(r => r.Filled > 2).Take(10))
            {
                var value = Columns.Normalise(row.Text(columns["visa"]));
                switch (value)
                {
                    case "H_2A" or "H2A":
                        return RecordSource.OflcH2A;
                    case "H_2B" or "H2B":
                        return RecordSource.OflcH2B;
                    case "":
                        continue;
                    default:
                        return null;
                }
            }
        }
        var sheet = Columns.Normalise(candidate.Sheet.Name);
        if (sheet.Contains("H_2A", StringComparison.Ordinal) || sheet.Contains("H2A", StringComparison.Ordinal))
        {
            return RecordSource.OflcH2A;
        }
        if (sheet.Contains("H_2B", StringComparison.Ordinal) || sheet.Contains("H2B", StringComparison.Ordinal))
        {
            return RecordSource.OflcH2B;
        }
        foreach (var row in candidate.Below.Take(10))
        {
            var number = row.Text(columns["case"]);
            if (number.StartsWith("H-300-", StringComparison.OrdinalIgnoreCase))
            {
                return RecordSource.OflcH2A;
            }
            if (number.StartsWith("H-400-", StringComparison.OrdinalIgnoreCase))
            {
                return RecordSource.OflcH2B;
            }
        }
        var names = candidate.Names.ToHashSet(StringComparer.Ordinal);
        return columns.Has("flag") || columns.Has("primarySub") || names.Contains("PRIMARY_CROP") ? RecordSource.OflcH2A : RecordSource.OflcH2B;
    }

    public override IEnumerable<RecordRow> Read(ReadContext context)
    {
        var columns = context.Columns;
        var fileYear = Detection.FiscalYear(context.Candidate);
        if (!columns.Has("decision") && fileYear is null)
        {
            throw MissingColumns(context.Recognition, [[Specs.First(s => s.Key == "decision")]]);
        }
        if (!columns.Has("decision"))
        {
            context.Report.Note(new RecordMessage(
                $"El archivo no tiene fecha de decisión: cada fila se asigna al año fiscal {fileYear} completo.",
                $"The file has no decision date: every row is given the whole fiscal year {fileYear}."));
        }
        // The case numbers already read, by a 64-bit fingerprint and the row of their first appearance: a case that
        // comes back after other cases is not counted twice, for about 30 bytes per case instead of the whole string.
        var seen = new Dictionary<ulong, int>();
        var group = new List<Case>();
        foreach (var row in context.DataRows(IsNote))
        {
            if (Parse(context, row, fileYear) is not { } parsed)
            {
                continue;
            }
            if (group.Count > 0 && (parsed.Number.Length == 0 || !string.Equals(group[0].Number, parsed.Number, StringComparison.OrdinalIgnoreCase)))
            {
                foreach (var result in Close(context, group, seen))
                {
                    yield return result;
                }
                group.Clear();
            }
            group.Add(parsed);
        }
        foreach (var result in Close(context, group, seen))
        {
            yield return result;
        }
    }

    private sealed class Case
    {
        public required TableRow Row { get; init; }

        public required string Number { get; init; }

        public string? Status { get; init; }

        public DecisionStatus Decision { get; init; }

        public required Period Period { get; init; }

        public required SourceOccupation Occupation { get; init; }

        public required Place Place { get; init; }

        public Organisation? Employer { get; init; }

        public string? Flag { get; init; }

        public string? PrimarySub { get; init; }

        public decimal? Requested { get; init; }

        public decimal? Certified { get; init; }

        public ApplicationRole Role { get; set; } = ApplicationRole.Single;

        public Dictionary<Measure, RecordMessage> NotCounted { get; } = [];

        public HashSet<string> Reported { get; } = new(StringComparer.Ordinal);

        public decimal? Value(Measure measure) => measure == Measure.WorkersRequested ? Requested : Certified;
    }

    private static Case? Parse(ReadContext context, TableRow row, int? fileYear)
    {
        var columns = context.Columns;
        if (!context.Count(row, "requested", out var requested) || !context.Count(row, "certified", out var certified))
        {
            return null;
        }
        Period period;
        if (columns.Has("decision"))
        {
            var cell = row[columns["decision"]];
            if (!Cells.TryDate(cell, out var date))
            {
                context.Skip(row, "decision", "not-a-date", cell.Text, new RecordMessage(
                    $"«{cell.Text}» no es una fecha; escriba la fecha de la decisión como fecha de Excel o como mes/día/año.",
                    $"'{cell.Text}' is not a date; write the decision date as an Excel date or as month/day/year."));
                return null;
            }
            if (date is { } decided)
            {
                period = Period.QuarterOfDecision(decided);
            }
            else if (fileYear is { } year)
            {
                period = Period.UsFiscalYearPeriod(year);
                context.Issue(RowIssueKind.Note, row, "decision", "no-decision-date", null, new RecordMessage(
                    $"Sin fecha de decisión: la fila se asigna al año fiscal {year} completo.",
                    $"No decision date: the row is given the whole fiscal year {year}."));
            }
            else
            {
                context.Skip(row, "decision", "no-decision-date", null, new RecordMessage(
                    "Falta la fecha de decisión y el archivo no dice su año fiscal.",
                    "The decision date is missing and the file does not say its fiscal year."));
                return null;
            }
        }
        else
        {
            period = Period.UsFiscalYearPeriod(fileYear!.Value);
        }
        var status = context.Text(row, "status");
        return new Case
        {
            Row = row,
            Number = context.Text(row, "case") ?? "",
            Status = status,
            Decision = Decision(status),
            Period = period,
            Occupation = Occupation(context, row),
            Place = Worksite(context, row),
            Employer = Employer(context, row),
            Flag = context.Text(row, "flag"),
            PrimarySub = context.Text(row, "primarySub"),
            Requested = requested,
            Certified = certified,
        };
    }

    internal static DecisionStatus Decision(string? status)
    {
        var text = (status ?? "").ToUpperInvariant();
        return text switch
        {
            _ when text.Contains("PARTIAL", StringComparison.Ordinal) => DecisionStatus.PartiallyCertified,
            _ when text.Contains("WITHDRAW", StringComparison.Ordinal) => DecisionStatus.Withdrawn,
            _ when text.Contains("DENI", StringComparison.Ordinal) => DecisionStatus.Denied,
            _ when text.Contains("REJECT", StringComparison.Ordinal) => DecisionStatus.Rejected,
            _ when text.Contains("CERTIF", StringComparison.Ordinal) => DecisionStatus.Certified,
            _ => DecisionStatus.Other,
        };
    }

    private static SourceOccupation Occupation(ReadContext context, TableRow row)
    {
        var soc = context.Text(row, "soc");
        if (soc is not null)
        {
            var title = context.Text(row, "socTitle");
            var code = OccupationCrosswalk.NormaliseCode(OccupationClassification.Soc2010, soc);
            if (code is null)
            {
                return new SourceOccupation(OccupationClassification.Soc2010, soc, title);
            }
            // A code of SOC 2010 is read as SOC 2010 (the files of these years use it); a code only SOC 2018 has, as SOC 2018.
            var classification = !context.Crosswalk.Contains(OccupationClassification.Soc2010, code) && context.Crosswalk.Contains(OccupationClassification.Soc2018, code)
                ? OccupationClassification.Soc2018
                : OccupationClassification.Soc2010;
            return new SourceOccupation(classification, code, title);
        }
        var dot = context.Text(row, "dot");
        if (dot is not null)
        {
            return new SourceOccupation(OccupationClassification.Dot, dot, context.Text(row, "dotTitle") ?? context.Text(row, "jobTitle"));
        }
        return new SourceOccupation(null, null, context.Text(row, "jobTitle"));
    }

    private static Place Worksite(ReadContext context, TableRow row)
    {
        var state = context.Text(row, "worksiteState");
        if (state is not null && context.Places.Subdivision("US", state) is { } place)
        {
            return place;
        }
        context.Issue(RowIssueKind.Note, row, "worksiteState", state is null ? "no-worksite-state" : "unknown-state", state, state is null
            ? new RecordMessage("Sin estado del lugar de trabajo: la fila cuenta para los Estados Unidos sin estado.", "No worksite state: the row counts for the United States without a state.")
            : new RecordMessage($"«{state}» no es un estado de los Estados Unidos: la fila cuenta para el país sin estado.", $"'{state}' is not a US state: the row counts for the country without a state."));
        return context.Places.Country("US")!;
    }

    private static Organisation? Employer(ReadContext context, TableRow row)
    {
        var name = context.Text(row, "employer");
        if (name is null)
        {
            return null;
        }
        var places = context.Places;
        var state = context.Text(row, "employerState");
        var province = context.Text(row, "employerProvince");
        var country = places.Country(context.Text(row, "employerCountry"));
        var subdivision = country is null
            ? places.Subdivision("US", state) ?? places.Subdivision("CA", state)
            : places.Subdivision(country.Country, state) ?? places.Subdivision(country.Country, province);
        return new Organisation(OrganisationRole.Employer, name, (country ?? subdivision)?.Country ?? "US", subdivision?.Subdivision, context.Text(row, "employerCity"));
    }

    private static IEnumerable<RecordRow> Close(ReadContext context, List<Case> group, Dictionary<ulong, int> seen)
    {
        if (group.Count == 0)
        {
            yield break;
        }
        var number = group[0].Number;
        var fingerprint = Fingerprint(number);
        if (number.Length > 0 && seen.TryGetValue(fingerprint, out var first))
        {
            foreach (var item in group)
            {
                foreach (var measure in Counted)
                {
                    item.NotCounted[measure] = new RecordMessage(
                        $"El caso {number} ya se leyó en la fila {first}; un caso se cuenta una vez.",
                        $"Case {number} was already read at row {first}; a case is counted once.");
                }
                context.Issue(RowIssueKind.NotCounted, item.Row, "case", "case-repeated", number, item.NotCounted[Measure.WorkersRequested]);
            }
        }
        else
        {
            if (number.Length > 0)
            {
                seen[fingerprint] = group[0].Row.Number;
            }
            AssignRoles(context, group);
            Distribute(context, group);
        }
        var programme = context.Recognition.Source == RecordSource.OflcH2A ? "H-2A" : "H-2B";
        foreach (var item in group)
        {
            var values = new List<MeasureValue>();
            foreach (var measure in Counted)
            {
                if (item.Value(measure) is { } value && value != 0)
                {
                    var reason = item.NotCounted.GetValueOrDefault(measure);
                    values.Add(new MeasureValue(measure, value, reason is null, reason));
                }
            }
            yield return context.Row(item.Row, item.Occupation, null, item.Place, item.Period, values, programme,
                employer: item.Employer, caseNumber: item.Number.Length == 0 ? null : item.Number, status: item.Status, decision: item.Decision, role: item.Role);
        }
    }

    // FNV-1a over the upper-cased case number: two case numbers of one file share a fingerprint with a probability
    // of about n² / 2^65 (under one in a billion for a million cases).
    private static ulong Fingerprint(string number)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in number)
        {
            hash = (hash ^ char.ToUpperInvariant(c)) * 1099511628211UL;
        }
        return hash;
    }

    private static readonly Measure[] Counted = [Measure.WorkersRequested, Measure.WorkersCertified];

    // Which rows of a case are the master and which its sub-applications: the PRIMARY/SUB column where the file has
    // it (FY2016 on); before, a row without ORGANIZATION_FLAG in a case whose other row has one is a sub-application.
    private static void AssignRoles(ReadContext context, List<Case> group)
    {
        if (group.Count == 1 && group[0].PrimarySub is null)
        {
            return;
        }
        var explicitRoles = group.All(c => c.PrimarySub is not null);
        if (explicitRoles)
        {
            var subs = group.Count(c => c.PrimarySub!.StartsWith("SUB", StringComparison.OrdinalIgnoreCase));
            foreach (var item in group)
            {
                item.Role = item.PrimarySub!.StartsWith("SUB", StringComparison.OrdinalIgnoreCase) ? ApplicationRole.SubApplication
                    : subs > 0 ? ApplicationRole.Master : ApplicationRole.Single;
            }
            return;
        }
        if (!context.Columns.Has("flag"))
        {
            return;
        }
        var flagged = group.Count(c => c.Flag is not null);
        if (flagged > 0 && flagged < group.Count)
        {
            foreach (var item in group)
            {
                item.Role = item.Flag is null ? ApplicationRole.SubApplication : ApplicationRole.Master;
            }
        }
    }

    // Counts each measure of a case once. With one master: its figure counts, carried by its sub-applications when
    // they all give a figure and those add up to exactly the master's (they then tell each member's place and
    // employer), else by the master row itself. Repeated rows of a case with the same employer and figures are
    // duplicates and count once.
    private static void Distribute(ReadContext context, List<Case> group)
    {
        var masters = Distinct(context, group.Where(c => c.Role == ApplicationRole.Master).ToList());
        var subs = group.Where(c => c.Role == ApplicationRole.SubApplication).ToList();
        Distinct(context, group.Where(c => c.Role == ApplicationRole.Single).ToList());
        if (subs.Count == 0)
        {
            return;
        }
        if (masters.Count != 1)
        {
            if (masters.Count > 1)
            {
                foreach (var sub in subs)
                {
                    NotCount(context, sub, Counted, "sub-application", new RecordMessage(
                        $"Subsolicitud de un caso con {masters.Count} solicitudes maestras: cuentan las maestras.",
                        $"Sub-application of a case with {masters.Count} master applications: the masters count."));
                }
            }
            return;
        }
        var master = masters[0];
        foreach (var measure in Counted)
        {
            var total = master.Value(measure);
            var subsAddUp = subs.All(s => s.Value(measure) is not null) && subs.Sum(s => s.Value(measure) ?? 0) == (total ?? 0);
            if (total is null or 0 || subsAddUp)
            {
                if (total is not null and not 0)
                {
                    NotCount(context, master, [measure], "carried-by-sub-applications", new RecordMessage(
                        $"Solicitud maestra: sus {subs.Count} subsolicitudes suman exactamente su cifra y la cuentan por empleador y estado.",
                        $"Master application: its {subs.Count} sub-applications add up to exactly its figure and count it by employer and state."));
                }
                continue;
            }
            foreach (var sub in subs.Where(s => s.Value(measure) is not null and not 0))
            {
                NotCount(context, sub, [measure], "sub-application", new RecordMessage(
                    $"Subsolicitud de la solicitud maestra de la fila {master.Row.Number}, que cuenta el total del caso.",
                    $"Sub-application of the master application at row {master.Row.Number}, which counts the case's total."));
            }
        }
    }

    // Rows that repeat an earlier row of the case (same employer and figures) count once; the others are returned.
    private static List<Case> Distinct(ReadContext context, List<Case> rows)
    {
        var distinct = new List<Case>();
        foreach (var row in rows)
        {
            var original = distinct.FirstOrDefault(d => SameFigures(d, row));
            if (original is null)
            {
                distinct.Add(row);
                continue;
            }
            NotCount(context, row, Counted, "duplicate-row", new RecordMessage(
                $"Repite la fila {original.Row.Number} (mismo caso, empleador y cifras): se cuenta una vez.",
                $"Repeats row {original.Row.Number} (same case, employer and figures): counted once."));
        }
        return distinct;
    }

    private static bool SameFigures(Case a, Case b) =>
        a.Requested == b.Requested && a.Certified == b.Certified
        && string.Equals(a.Employer?.Name, b.Employer?.Name, StringComparison.OrdinalIgnoreCase);

    private static void NotCount(ReadContext context, Case item, IEnumerable<Measure> measures, string reason, RecordMessage message)
    {
        var any = false;
        foreach (var measure in measures)
        {
            if (item.Value(measure) is not null and not 0)
            {
                item.NotCounted[measure] = message;
                any = true;
            }
        }
        if (any && item.Reported.Add(reason))
        {
            context.Issue(RowIssueKind.NotCounted, item.Row, null, reason, item.Number, message);
        }
    }
}
