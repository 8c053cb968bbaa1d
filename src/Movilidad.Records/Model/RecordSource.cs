namespace Movilidad.Records;

/// <summary>The publications the library reads. Each has a stable slug used on the command line and in the API.</summary>
public enum RecordSource
{
    /// <summary>US OFLC H-2A (agricultural) certification decisions, disclosure file.</summary>
    OflcH2A = 1,

    /// <summary>US OFLC H-2B (non-agricultural) certification decisions, disclosure file.</summary>
    OflcH2B,

    /// <summary>US OFLC H-2B Appendix C: the foreign recruiters declared for each case.</summary>
    OflcH2BRecruiters,

    /// <summary>Canada ESDC list of employers issued a positive (or negative) LMIA.</summary>
    EsdcLmia,

    /// <summary>ILOSTAT employment by occupation (bulk CSV, SDMX-CSV or the DDF extract).</summary>
    Ilostat,

    /// <summary>The platform's generic series template, or any table read with a saved column mapping.</summary>
    Template,
}

/// <summary>Slugs and names of <see cref="RecordSource"/>.</summary>
public static class RecordSources
{
    /// <summary>Every source, in a stable order.</summary>
    public static IReadOnlyList<RecordSource> All { get; } =
        [RecordSource.OflcH2A, RecordSource.OflcH2B, RecordSource.OflcH2BRecruiters, RecordSource.EsdcLmia, RecordSource.Ilostat, RecordSource.Template];

    /// <summary>The slug: <c>oflc-h2a</c>, <c>oflc-h2b</c>, <c>oflc-h2b-recruiters</c>, <c>esdc-lmia</c>, <c>ilostat</c>, <c>template</c>.</summary>
    public static string Slug(this RecordSource source) => source switch
    {
        RecordSource.OflcH2A => "oflc-h2a",
        RecordSource.OflcH2B => "oflc-h2b",
        RecordSource.OflcH2BRecruiters => "oflc-h2b-recruiters",
        RecordSource.EsdcLmia => "esdc-lmia",
        RecordSource.Ilostat => "ilostat",
        RecordSource.Template => "template",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    /// <summary>The source for a slug (case-insensitive).</summary>
    public static bool TryParse(string? slug, out RecordSource source) =>
        TryFind(All, s => string.Equals(s.Slug(), slug?.Trim(), StringComparison.OrdinalIgnoreCase), out source);

    internal static bool TryFind<T>(IEnumerable<T> all, Func<T, bool> matches, out T found)
        where T : struct
    {
        foreach (var candidate in all)
        {
            if (matches(candidate))
            {
                found = candidate;
                return true;
            }
        }
        found = default;
        return false;
    }

    /// <summary>The name of the publication in Spanish or English (<paramref name="language"/> <c>es</c> or <c>en</c>).</summary>
    public static string Name(this RecordSource source, string language) => (source, IsSpanish(language)) switch
    {
        (RecordSource.OflcH2A, true) => "Decisiones de certificación H-2A (OFLC, EE. UU.)",
        (RecordSource.OflcH2A, false) => "H-2A certification decisions (OFLC, US)",
        (RecordSource.OflcH2B, true) => "Decisiones de certificación H-2B (OFLC, EE. UU.)",
        (RecordSource.OflcH2B, false) => "H-2B certification decisions (OFLC, US)",
        (RecordSource.OflcH2BRecruiters, true) => "Reclutadores extranjeros declarados, H-2B Apéndice C (OFLC, EE. UU.)",
        (RecordSource.OflcH2BRecruiters, false) => "Foreign recruiters declared, H-2B Appendix C (OFLC, US)",
        (RecordSource.EsdcLmia, true) => "Empleadores con EIMT (LMIA), Programa de Trabajadores Extranjeros Temporales (ESDC, Canadá)",
        (RecordSource.EsdcLmia, false) => "Employers issued an LMIA, Temporary Foreign Worker Program (ESDC, Canada)",
        (RecordSource.Ilostat, true) => "Empleo por ocupación (ILOSTAT, OIT)",
        (RecordSource.Ilostat, false) => "Employment by occupation (ILOSTAT, ILO)",
        (RecordSource.Template, true) => "Plantilla de series de Movilidad",
        (RecordSource.Template, false) => "Movilidad series template",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    internal static bool IsSpanish(string language) => language.StartsWith("es", StringComparison.OrdinalIgnoreCase);
}
