using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Search;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;

namespace Movilidad.Platform.Reference;

/// <summary>Loads the reference tables of <c>data/reference/</c> (countries, currencies, ISCO-08), keyed by code.</summary>
public sealed class ReferenceLoader(MovilidadDb db) : IContentLoader
{
    public int Order => 100;

    public async Task LoadAsync(string dataFolder, CancellationToken ct = default)
    {
        var folder = Path.Combine(dataFolder, "reference");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var countries = await db.Countries.ToDictionaryAsync(c => c.Alpha2, ct);
        foreach (var row in Read(Path.Combine(folder, "countries.csv")))
        {
            var code = row.Required("alpha2");
            if (!countries.TryGetValue(code, out var country))
            {
                country = new Country { Alpha2 = code, Alpha3 = row.Required("alpha3"), Numeric = row.Required("numeric") };
                db.Countries.Add(country);
            }

            country.Alpha3 = row.Required("alpha3");
            country.Numeric = row.Required("numeric");
            country.Name = new Bilingual(row.Optional("name_es") ?? row.Required("name_en"), row.Required("name_en"));
            country.Region = row.Optional("region_en");
            country.Subregion = row.Optional("subregion_en");
            country.CurrencyCode = row.Optional("currency")?.Split(',')[0].Trim() is { Length: 3 } currency ? currency : null;
        }

        var currencies = await db.Currencies.ToDictionaryAsync(c => c.Code, ct);
        foreach (var row in Read(Path.Combine(folder, "currencies.csv")))
        {
            var code = row.Required("code");
            if (!currencies.TryGetValue(code, out var currency))
            {
                currency = new Currency { Code = code };
                db.Currencies.Add(currency);
            }

            currency.Numeric = row.Optional("numeric");
            currency.MinorUnit = int.TryParse(row.Optional("minor_unit"), NumberStyles.None, CultureInfo.InvariantCulture, out var minor) ? minor : null;
            currency.Name = new Bilingual(row.Optional("name_es") ?? row.Required("name_en"), row.Required("name_en"));
        }

        var occupations = await db.Occupations.ToDictionaryAsync(o => o.Code, ct);
        foreach (var row in Read(Path.Combine(folder, "isco08.csv")))
        {
            var code = row.Required("code");
            if (!occupations.TryGetValue(code, out var occupation))
            {
                occupation = new Occupation { Code = code };
                db.Occupations.Add(occupation);
            }

            occupation.Level = code.Length;
            occupation.ParentCode = row.Optional("parent");
            occupation.Name = new Bilingual(row.Optional("name_es") ?? row.Required("name_en"), row.Required("name_en"));
            occupation.Description = row.Optional("description_en");
            occupation.SearchText = TextSearch.Fold($"{code} {occupation.Name.Es} {occupation.Name.En}");
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static List<CsvRow> Read(string path)
    {
        var file = Path.GetFileName(path);
        try
        {
            return CsvTable.Parse(File.ReadAllText(path)).Records.Select(r => new CsvRow(file, r)).ToList();
        }
        catch (FormatException e)
        {
            throw new DataFileException(file, e.Message, e);
        }
    }

    private sealed record CsvRow(string File, CsvRecord Record)
    {
        public string Required(string column) =>
            Record[column] ?? throw new DataFileException(File, $"line {Record.Line}: column '{column}' is empty or missing.");

        public string? Optional(string column) => Record[column];
    }
}
