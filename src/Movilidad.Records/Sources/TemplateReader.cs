using System.Globalization;

namespace Movilidad.Records;

/// <summary>
/// The generic series template, or any table read through a saved <see cref="TemplateMapping"/>: one row per place,
/// period and occupation, one column per measure.
/// </summary>
internal sealed class TemplateReader : SourceReader
{
    public override Recognition? Recognise(Candidate candidate) =>
        Recognise(candidate, TemplateMapping.Default, 5);

    internal Recognition? Recognise(Candidate candidate, TemplateMapping mapping, int baseScore)
    {
        var specs = Specs(mapping);
        var columns = Columns.Resolve(candidate.Header, specs);
        var measures = mapping.Measures.Count(m => columns.Has(Key(m)));
        if (measures == 0 || !columns.Has("occupation") || columns.Found < 3)
        {
            return null;
        }
        return new Recognition(this, RecordSource.Template, candidate, columns,
            new RecordMessage("plantilla de series de Movilidad", "Movilidad series template"), baseScore + columns.Found)
        {
            Missing = MissingFields(columns, specs),
            Fallback = ReferenceEquals(mapping, TemplateMapping.Default),
        };
    }

    private static string Key(TemplateMeasure measure) => $"measure:{measure.Column}";

    private static List<ColumnSpec> Specs(TemplateMapping mapping)
    {
        var specs = new List<ColumnSpec>();
        void Add(string key, string? column, bool required)
        {
            if (column is not null)
            {
                specs.Add(new ColumnSpec(key, [column, .. TemplateMapping.OtherNames(column)], Required: required));
            }
        }
        Add("occupation", mapping.OccupationColumn, true);
        Add("classification", mapping.ClassificationColumn, mapping.Classification is null);
        Add("country", mapping.CountryColumn, mapping.Country is null);
        Add("subdivision", mapping.SubdivisionColumn, false);
        Add("period", mapping.PeriodColumn, mapping.Period is null);
        Add("programme", mapping.ProgrammeColumn, false);
        Add("employer", mapping.EmployerColumn, false);
        foreach (var measure in mapping.Measures)
        {
            specs.Add(new ColumnSpec(Key(measure), [measure.Column, .. TemplateMapping.OtherNames(measure.Column)]));
        }
        return specs;
    }

    public override IEnumerable<RecordRow> Read(ReadContext context)
    {
        var mapping = context.Options.Template ?? TemplateMapping.Default;
        var columns = context.Columns;
        var fixedCountry = mapping.Country is null ? null : context.Places.Country(mapping.Country)
            ?? throw new RecordFileException("bad-mapping", context.At(context.Candidate.Header), null, new RecordMessage(
                $"El país fijo de la correspondencia de columnas, «{mapping.Country}», no es un país (ISO 3166).",
                $"The mapping's fixed country, '{mapping.Country}', is not a country (ISO 3166)."));
        Period? fixedPeriod = null;
        if (mapping.Period is not null && !Period.TryParse(mapping.Period, out fixedPeriod))
        {
            throw new RecordFileException("bad-mapping", context.At(context.Candidate.Header), null, new RecordMessage(
                $"El período fijo de la correspondencia de columnas, «{mapping.Period}», no es un código SDMX (2024, 2024-Q3, 2024-S1).",
                $"The mapping's fixed period, '{mapping.Period}', is not an SDMX code (2024, 2024-Q3, 2024-S1)."));
        }
        var measures = mapping.Measures.Where(m => columns.Has(Key(m))).ToList();
        foreach (var row in context.DataRows(IsNote))
        {
            var values = new List<MeasureValue>();
            var bad = false;
            foreach (var measure in measures)
            {
                if (!context.Count(row, Key(measure), out var value))
                {
                    bad = true;
                    break;
                }
                if (value is { } v && v != 0)
                {
                    values.Add(new MeasureValue(measure.Measure, v, true, null));
                }
            }
            if (bad)
            {
                continue;
            }
            if (!TryPlace(context, row, fixedCountry, out var place) || !TryPeriod(context, row, fixedPeriod, out var period)
                || !TryOccupation(context, row, mapping, out var occupation))
            {
                continue;
            }
            var employer = context.Text(row, "employer") is { } name ? new Organisation(OrganisationRole.Employer, name, place.Country, place.Subdivision, null) : null;
            yield return context.Row(row, occupation, null, place, period, values, context.Text(row, "programme") ?? mapping.Programme, employer: employer);
        }
    }

    private static bool TryPlace(ReadContext context, TableRow row, Place? fixedCountry, out Place place)
    {
        place = fixedCountry!;
        var countryText = context.Text(row, "country");
        var country = countryText is null ? fixedCountry : context.Places.Country(countryText);
        if (country is null)
        {
            context.Skip(row, "country", countryText is null ? "no-country" : "unknown-country", countryText, countryText is null
                ? new RecordMessage("Falta el país.", "The country is missing.")
                : new RecordMessage($"«{countryText}» no es un país (nombre, código ISO de 2 o 3 letras).", $"'{countryText}' is not a country (name, ISO 2- or 3-letter code)."));
            return false;
        }
        var subdivisionText = context.Text(row, "subdivision");
        if (subdivisionText is null)
        {
            place = country;
            return true;
        }
        if (context.Places.Subdivision(country.Country, subdivisionText) is not { } subdivision)
        {
            context.Skip(row, "subdivision", "unknown-subdivision", subdivisionText, new RecordMessage(
                $"«{subdivisionText}» no es una subdivisión de {country.Country} (código ISO 3166-2 o nombre).",
                $"'{subdivisionText}' is not a subdivision of {country.Country} (ISO 3166-2 code or name)."));
            return false;
        }
        place = subdivision;
        return true;
    }

    private static bool TryPeriod(ReadContext context, TableRow row, Period? fixedPeriod, out Period period)
    {
        period = fixedPeriod!;
        if (!context.Columns.Has("period"))
        {
            return true;
        }
        var cell = row[context.Columns["period"]];
        if (cell.IsEmpty && fixedPeriod is not null)
        {
            return true;
        }
        if (cell.IsDate && Cells.TryDate(cell, out var date) && date is { } day)
        {
            period = Period.Month(day.Year, day.Month);
            return true;
        }
        var text = cell.Number is { } number && number == Math.Floor(number) ? number.ToString("0", CultureInfo.InvariantCulture) : cell.Text.Trim();
        if (Period.TryParse(text, out period))
        {
            return true;
        }
        context.Skip(row, "period", "not-a-period", cell.Text, new RecordMessage(
            $"«{cell.Text}» no es un período: escriba 2024, 2024-S1, 2024-Q3 o 2024-M07.",
            $"'{cell.Text}' is not a period: write 2024, 2024-S1, 2024-Q3 or 2024-M07."));
        return false;
    }

    private static bool TryOccupation(ReadContext context, TableRow row, TemplateMapping mapping, out SourceOccupation occupation)
    {
        var classificationText = context.Text(row, "classification");
        OccupationClassification? classification = mapping.Classification;
        if (classificationText is not null)
        {
            if (!OccupationClassifications.TryParse(classificationText, out var parsed))
            {
                occupation = null!;
                context.Skip(row, "classification", "unknown-classification", classificationText, new RecordMessage(
                    $"«{classificationText}» no es una clasificación de ocupaciones: escriba isco08, soc2010, soc2018, noc2011, noc2016 o noc2021.",
                    $"'{classificationText}' is not an occupation classification: write isco08, soc2010, soc2018, noc2011, noc2016 or noc2021."));
                return false;
            }
            classification = parsed;
        }
        var cell = context.Columns.Has("occupation") ? row[context.Columns["occupation"]] : TableCell.Empty;
        var raw = cell.Number is { } number ? number.ToString("0", CultureInfo.InvariantCulture) : Cells.Clean(cell.Text);
        var code = classification is { } c && raw is not null ? OccupationCrosswalk.NormaliseCode(c, raw) ?? raw : raw;
        occupation = new SourceOccupation(classification ?? OccupationClassification.Isco08, code, null);
        return true;
    }
}
