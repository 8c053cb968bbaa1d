using System.Globalization;
using System.Text.RegularExpressions;

namespace Movilidad.Records;

/// <summary>What a table says about itself (its fiscal year) and, for a file of no known publication, what it looks like.</summary>
internal static partial class Detection
{
    /// <summary>The US fiscal year named in the sheet name or the title rows (<c>H-2A_FY2017</c>, <c>FY14_Q4</c>), or null.</summary>
    public static int? FiscalYear(Candidate candidate)
    {
        foreach (var text in new[] { candidate.Sheet.Name, candidate.AboveText })
        {
            var match = FiscalYearPattern().Match(text ?? "");
            if (match.Success)
            {
                var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                return year < 100 ? 2000 + year : year;
            }
        }
        return null;
    }

    /// <summary>A description of a table no reader recognised, naming the publications it resembles when it resembles one.</summary>
    public static RecordMessage LooksLike(TableFile table)
    {
        foreach (var sheet in table.Sheets)
        {
            var rows = table.Rows(sheet).Take(30).ToList();
            var header = rows.FirstOrDefault(r => r.Filled >= 2);
            if (header is null)
            {
                continue;
            }
            // One name per column, empty ones included, so that a name's index is its column.
            var names = Enumerable.Range(0, header.Count).Select(i => Columns.Normalise(header.Text(i))).ToList();
            bool Has(string name) => names.Contains(name, StringComparer.Ordinal);
            bool Any(string part) => names.Any(n => n.Contains(part, StringComparison.Ordinal));
            var first = rows.SkipWhile(r => r != header).Skip(1).FirstOrDefault(r => r.Filled >= 2);
            string Value(string name) => first is null ? "" : first.Text(names.IndexOf(name));
            if ((Has("CASE_NUMBER") || Has("CASE_NO")) && (Has("VISA_CLASS") || Has("VISA_TYPE")))
            {
                var visa = Has("VISA_CLASS") ? Value("VISA_CLASS") : Value("VISA_TYPE");
                return new(
                    $"un archivo de divulgación de OFLC de otro programa (clase de visa «{visa}»), no H-2A ni H-2B",
                    $"an OFLC disclosure file of another programme (visa class '{visa}'), not H-2A or H-2B");
            }
            if ((Has("CASE_NUMBER") || Has("CASE_NO")) && Any("HOUSING"))
            {
                return new("el anexo de vivienda (Addendum B) de las solicitudes H-2A de OFLC", "the housing addendum (Addendum B) of OFLC H-2A applications");
            }
            if (Has("CASE_NUMBER") || Has("CASE_NO"))
            {
                return new("un archivo de OFLC con número de caso pero sin las columnas de decisión y trabajadores (otro anexo o apéndice)",
                    "an OFLC file with case numbers but without the decision and worker columns (another addendum or appendix)");
            }
            if (Has("PERIODO") && Any("VALOR"))
            {
                return new("una serie del Banco de México (remesas)", "a Banco de México series (remittances)");
            }
            if (Any("DEBARRED"))
            {
                return new("una lista de empleadores inhabilitados (debarments) de los programas H-2", "a list of employers debarred from the H-2 programmes");
            }
            if (Has("REF_AREA") || Has("CLASSIF1"))
            {
                var classif = Has("CLASSIF1") ? Value("CLASSIF1") : "";
                return new($"datos de ILOSTAT que no son de empleo por ocupación (clasificación «{classif}»)",
                    $"ILOSTAT data that is not employment by occupation (classification '{classif}')");
            }
            if (names.Count(n => n.Contains("ISCO", StringComparison.Ordinal) || n.Contains("SOC", StringComparison.Ordinal) || n.Contains("NOC", StringComparison.Ordinal)) >= 2)
            {
                return new("una tabla de correspondencia entre clasificaciones de ocupaciones", "a crosswalk between occupation classifications");
            }
            var shown = string.Join(", ", Enumerable.Range(0, header.Count).Select(header.Text).Where(t => t.Length > 0).Take(8));
            var sheetName = sheet.Name.Length > 0 ? sheet.Name : null;
            return new(
                $"una tabla{(sheetName is null ? "" : $" en la hoja «{sheetName}»")} cuyas columnas son: {shown}",
                $"a table{(sheetName is null ? "" : $" in sheet '{sheetName}'")} whose columns are: {shown}");
        }
        return new("un archivo sin ninguna tabla (ninguna fila con dos o más celdas)", "a file without any table (no row with two or more cells)");
    }

    [GeneratedRegex(@"FY[\s_-]?(\d{4}|\d{2})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex FiscalYearPattern();
}
