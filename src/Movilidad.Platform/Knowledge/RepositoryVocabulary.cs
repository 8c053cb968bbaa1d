using Movilidad.Platform.Localization;

namespace Movilidad.Platform.Knowledge;

/// <summary>The repository's closed lists: topics and the gender-perspective checklist of footnote 4, each in both languages.</summary>
public static class RepositoryVocabulary
{
    public static readonly IReadOnlyDictionary<string, Bilingual> Topics = new Dictionary<string, Bilingual>(StringComparer.Ordinal)
    {
        ["fair-recruitment"] = new("Reclutamiento equitativo", "Fair recruitment"),
        ["fraud"] = new("Fraude y estafas", "Fraud and scams"),
        ["social-security"] = new("Seguridad social", "Social security"),
        ["gender"] = new("Género y diversidad", "Gender and diversity"),
        ["labour-rights"] = new("Derechos laborales", "Labour rights"),
        ["temporary-work"] = new("Trabajo temporal", "Temporary work"),
        ["skills"] = new("Competencias y certificación", "Skills and certification"),
        ["return"] = new("Retorno y reintegración", "Return and reintegration"),
        ["labour-market"] = new("Información del mercado laboral", "Labour-market information"),
        ["legal-channels"] = new("Vías regulares", "Regular pathways"),
    };

    /// <summary>
    /// The checklist a reviewer goes through (footnote 4: content curated or designed with a gender perspective); the
    /// lens follows from how many are met unless the reviewer sets it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Bilingual> GenderChecklist = new Dictionary<string, Bilingual>(StringComparer.Ordinal)
    {
        ["sex-disaggregated"] = new("Presenta datos desagregados por sexo cuando da cifras", "Gives sex-disaggregated data where it gives figures"),
        ["specific-risks"] = new("Trata los riesgos y necesidades específicos de las mujeres trabajadoras migrantes", "Addresses the specific risks and needs of women migrant workers"),
        ["inclusive-language"] = new("Usa lenguaje inclusivo y no sexista, sin estereotipos", "Uses inclusive, non-sexist language without stereotypes"),
        ["diversity"] = new("Considera la diversidad (pueblos indígenas, personas LGBTIQ+, con discapacidad, jóvenes)", "Considers diversity (indigenous peoples, LGBTIQ+ people, people with disabilities, youth)"),
        ["participation"] = new("Las mujeres participaron en su elaboración o validación", "Women took part in producing or validating it"),
    };

    public static GenderLens LensFor(int met) => met switch
    {
        0 => GenderLens.Blind,
        1 or 2 => GenderLens.Sensitive,
        3 or 4 => GenderLens.Responsive,
        _ => GenderLens.Transformative,
    };

    public static string Kebab<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
    }

    public static T? Parse<T>(string? kebab)
        where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => Kebab(v!.Value) == kebab?.Trim().ToLowerInvariant());
}

/// <summary>A toolkit's planning guide (actions 1.5, 3.5 and 4.5 of the Regional Plan): the steps, who it speaks to, through what, when and what it says to each audience.</summary>
public sealed record ToolkitGuide(
    IReadOnlyList<Bilingual> Steps,
    IReadOnlyList<ToolkitAudience> Audiences,
    IReadOnlyList<Bilingual> Channels,
    IReadOnlyList<ToolkitWeek> Calendar,
    IReadOnlyList<ToolkitMessage> Messages);

public sealed record ToolkitAudience(string Key, Bilingual Name);

/// <summary>One row of the calendar template: the week from the start and what happens in it.</summary>
public sealed record ToolkitWeek(int Week, Bilingual Activity);

public sealed record ToolkitMessage(string Audience, Bilingual Text);
