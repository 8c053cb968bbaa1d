using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Knowledge;
using Movilidad.Platform.Localization;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Meetings;

/// <summary>What the meetings' pages share: the names of countries and working groups, dates and the kebab keys of the texts.</summary>
public abstract class MeetingsPage : WritePage
{
    public IReadOnlyDictionary<string, Bilingual> CountryNames { get; private set; } = new Dictionary<string, Bilingual>();
    public IReadOnlyDictionary<int, Bilingual> WorkingGroups { get; private set; } = new Dictionary<int, Bilingual>();

    protected async Task LoadNamesAsync(MovilidadDb db, CancellationToken ct)
    {
        CountryNames = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Alpha2, c => c.Name, ct);
        WorkingGroups = await db.Institutions.AsNoTracking().Where(i => i.Kind == InstitutionKind.WorkingGroup).ToDictionaryAsync(i => i.Id, i => i.Acronym, ct);
    }

    public string CountryName(string? code) => code is not null && CountryNames.TryGetValue(code, out var name) ? name.Current : code ?? string.Empty;

    public string WorkingGroupName(int? id) => id is { } group && WorkingGroups.TryGetValue(group, out var name) ? name.Current : string.Empty;

    /// <summary>Who convened, as the reader reads it: the working group's acronym, the Presidency, the country or the table's name.</summary>
    public string ConvenerName(string convener, int? workingGroupId, string? country, string? table, string presidency) => convener switch
    {
        "working-group" => WorkingGroupName(workingGroupId),
        "country" => CountryName(country),
        "table" => table ?? string.Empty,
        _ => presidency,
    };

    /// <summary>An error of a field in the reader's language (<c>MeetingsError.{field}</c>).</summary>
    public static string MessageKey(string field) => "Meetings" + ErrorKey(field);

    public static string Key<T>(T value) where T : struct, Enum => RepositoryVocabulary.Kebab(value);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", CultureInfo.CurrentCulture) ?? string.Empty;

    /// <summary>A text in the reader's language, or in the other one when it has only that.</summary>
    public static string Text(Bilingual text) => text.Either(CultureInfo.CurrentUICulture);

    /// <summary>Whether <see cref="Text"/> shows the other language (the page then tags it).</summary>
    public static bool OtherLanguage(Bilingual text) => text.IsMissingIn(CultureInfo.CurrentUICulture);

    public static string OtherCode => Bilingual.OtherCode(CultureInfo.CurrentUICulture);
}
