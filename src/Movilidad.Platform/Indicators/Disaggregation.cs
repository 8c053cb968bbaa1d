using Movilidad.Platform.Localization;

namespace Movilidad.Platform.Indicators;

/// <summary>One category of a disaggregation, with its SDMX code.</summary>
public sealed record Category(string Code, Bilingual Label);

/// <summary>
/// The disaggregations an indicator may ask for beyond sex, and the sex categories every value has: women, men,
/// non-binary or other, not reported (the Strategic Plan asks for non-binary people to be counted).
/// </summary>
public static class Disaggregation
{
    public const string AgeGroup = "age-group";
    public const string MigratoryStatus = "migratory-status";

    /// <summary>The value for everyone, not one category.</summary>
    public const string All = "";

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<Category>> Dimensions = new Dictionary<string, IReadOnlyList<Category>>(StringComparer.Ordinal)
    {
        [AgeGroup] =
        [
            new("Y_LT18", new("Menores de 18 años", "Under 18")),
            new("Y18T29", new("18 a 29 años", "18 to 29")),
            new("Y30T49", new("30 a 49 años", "30 to 49")),
            new("Y_GE50", new("50 años o más", "50 and over")),
        ],
        [MigratoryStatus] =
        [
            new("REG", new("Situación regular", "Regular status")),
            new("IRR", new("Situación irregular", "Irregular status")),
            new("REF", new("Refugiadas o solicitantes de asilo", "Refugees or asylum seekers")),
            new("RET", new("Personas retornadas", "Returnees")),
        ],
    };

    public static readonly Bilingual AgeGroupName = new("Grupo de edad", "Age group");
    public static readonly Bilingual MigratoryStatusName = new("Situación migratoria", "Migratory status");

    public static Bilingual DimensionName(string dimension) => dimension switch
    {
        AgeGroup => AgeGroupName,
        MigratoryStatus => MigratoryStatusName,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    /// <summary>The key of a value for one category: <c>age-group:Y18T29</c>.</summary>
    public static string Key(string dimension, string code) => $"{dimension}:{code}";

    /// <summary>Every row key an indicator takes: everyone first, then each category of each of its dimensions.</summary>
    public static IEnumerable<string> RowKeys(IReadOnlyList<string> dimensions) =>
        new[] { All }.Concat(dimensions.SelectMany(d => Dimensions[d].Select(c => Key(d, c.Code))));

    public static bool IsValidRow(IReadOnlyList<string> dimensions, string key) =>
        key == All || (key.Split(':', 2) is [var d, var c] && dimensions.Contains(d) && Dimensions[d].Any(x => x.Code == c));

    /// <summary>The label of a row key, in the reader's language.</summary>
    public static Bilingual Label(string key)
    {
        if (key == All)
        {
            return new Bilingual("Total", "Total");
        }

        var (dimension, code) = key.Split(':', 2) is [var d, var c] ? (d, c) : throw new ArgumentOutOfRangeException(nameof(key), key, null);
        return Dimensions[dimension].Single(x => x.Code == code).Label;
    }

    /// <summary>SDMX SEX codes, in the order of the columns of a value.</summary>
    public const string Female = "F";
    public const string Male = "M";
    public const string OtherSex = "_O";
    public const string SexNotReported = "_N";
    public const string Total = "_T";
}
