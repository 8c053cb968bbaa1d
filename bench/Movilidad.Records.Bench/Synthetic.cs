using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Movilidad.Records.Bench;

/// <summary>Large files in the real layouts, written with the SAX writer, for the memory and speed figures.</summary>
internal static class Synthetic
{
    private static readonly string[] States = ["CA", "FL", "GA", "NC", "WA", "TX", "MI", "NY", "LA", "ID"];
    private static readonly string[] Socs = ["45-2092", "45-2093", "45-2091", "53-7062", "37-3011", "35-2021"];

    public static string OflcWorkbook(string path, int rows)
    {
        string[] header = ["CASE_NUMBER", "DECISION_DATE", "VISA_CLASS", "CASE_STATUS", "EMPLOYER_NAME", "EMPLOYER_STATE", "JOB_TITLE", "SOC_CODE", "SOC_TITLE", "NBR_WORKERS_REQUESTED", "NBR_WORKERS_CERTIFIED", "WORKSITE_STATE", "ORGANIZATION_FLAG"];
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            Row(writer, header.Select(h => (object)h).ToArray());
            for (var i = 0; i < rows; i++)
            {
                Row(writer,
                [
                    $"H-300-17{i % 365:000}-{i:000000}", 42736.5 + (i % 365), "H-2A", i % 20 == 0 ? "DETERMINATION ISSUED - DENIED" : "DETERMINATION ISSUED - CERTIFICATION",
                    $"Farm number {i % 5000}", States[i % States.Length], "Farmworker", Socs[i % Socs.Length], "Farmworkers and Laborers",
                    (double)(1 + (i % 40)), (double)(i % 20 == 0 ? 0 : 1 + (i % 40)), States[(i / 3) % States.Length], "Individual Employer",
                ]);
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "H-2A_FY2017" }));
        return path;
    }

    public static string LmiaCsv(string path, int rows)
    {
        using var writer = new StreamWriter(path, false, Encoding.GetEncoding("ISO-8859-1"));
        writer.NewLine = "\r\n";
        writer.WriteLine("\"Employers Who Were Issued a Positive Labour Market Impact Assessment (LMIA) by Program Stream, National Occupational Classification (NOC) 2011 and Business Location, January to March 2024\",,,,,,,");
        writer.WriteLine("Province/Territory,Program Stream,Employer,Address,Occupation,Incorporate Status,Approved LMIAs,Approved Positions");
        string[] provinces = ["Ontario", "Quebec", "British Columbia", "Alberta", "Manitoba"];
        string[] occupations = ["8611-Harvesting labourers", "6322-Cooks", "7511-Transport truck drivers", "8431-General farm workers"];
        for (var i = 0; i < rows; i++)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{provinces[i % provinces.Length]},Low Wage,Employeur {i % 7000} Ltée,\"Montréal, QC H2T 1Y1\",{occupations[i % occupations.Length]},Unknown,{1 + (i % 3)},{1 + (i % 9)}"));
        }
        writer.WriteLine("Notes:,,,,,,,");
        writer.WriteLine("1. The source for all information in this report is ESDC's LMIA System.,,,,,,,");
        return path;
    }

    private static void Row(OpenXmlWriter writer, object[] values)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            if (value is double number)
            {
                writer.WriteElement(new Cell { CellValue = new CellValue(number.ToString("R", CultureInfo.InvariantCulture)), DataType = CellValues.Number });
            }
            else
            {
                writer.WriteElement(new Cell { InlineString = new InlineString(new Text((string)value)), DataType = CellValues.InlineString });
            }
        }
        writer.WriteEndElement();
    }
}
