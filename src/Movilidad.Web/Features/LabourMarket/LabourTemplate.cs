using System.Globalization;
using Microsoft.Extensions.Localization;
using Movilidad.Records;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>
/// The platform's own record layout to fill in and import (<see cref="TemplateMapping.Default"/>): as XLSX, a data sheet
/// with the header in the reader's language and two example rows, and an instructions sheet saying what each column holds;
/// as CSV, the header and the examples. The importer reads either back, in either language.
/// </summary>
public static class LabourTemplate
{
    private static readonly string[] Notes = ["Rows", "Classifications", "Places", "Periods", "Import"];

    private static readonly string[] Fields = ["period", "country", "subdivision", "occupation_classification", "occupation_code", "programme", "employer"];

    public static string FileName(string extension) => $"movilidad-template.{extension}";

    public static void WriteXlsx(Stream output, IStringLocalizer text, string language)
    {
        var header = TemplateMapping.TemplateHeader(language);
        var data = TemplateMapping.TemplateExamples
            .Select(row => (IReadOnlyList<object?>)[.. row.Select((cell, i) => i >= Fields.Length && decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : (object)cell)])
            .Prepend([.. header]);
        var explained = Fields.Select(f => text["LabourMarket.Template.Column." + f].Value)
            .Concat(Measures.All.Select(m => text["LabourMarket.Template.Measure", m.Label(language)].Value)).ToList();
        var instructions = new List<IReadOnlyList<object?>> { new object?[] { text["LabourMarket.Template.ColumnHeading"].Value, text["LabourMarket.Template.MeaningHeading"].Value } };
        instructions.AddRange(header.Select((name, i) => (IReadOnlyList<object?>)[name, explained[i]]));
        instructions.Add([]);
        instructions.AddRange(Notes.Select(note => (IReadOnlyList<object?>)[string.Empty, text["LabourMarket.Template.Note." + note].Value]));
        LabourXlsx.WriteSheets(output, [(text["LabourMarket.Template.DataSheet"], data), (text["LabourMarket.Template.InstructionsSheet"], instructions)]);
    }
}
