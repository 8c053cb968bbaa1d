using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Practices;

namespace Movilidad.Platform.Search;

/// <summary>
/// Reproducible bilingual text on the platform's subjects (the same seed gives the same text), and a benchmark's load
/// of published good practices written with it through the change tracker, so each batch is indexed as any save is.
/// </summary>
public static class SyntheticSearchData
{
    private static readonly (string Es, string En)[] Subjects =
    [
        ("las trabajadoras migrantes", "women migrant workers"), ("los trabajadores agrícolas temporales", "temporary farm workers"),
        ("las personas retornadas", "returnees"), ("los empleadores", "employers"), ("las agencias de contratación", "recruitment agencies"),
        ("los servicios públicos de empleo", "public employment services"), ("las autoridades locales", "local authorities"),
        ("las organizaciones de la sociedad civil", "civil society organisations"), ("los consulados", "consulates"),
        ("las instituciones de seguridad social", "social security institutions"),
    ];

    private static readonly (string Es, string En)[] Actions =
    [
        ("fortalecen", "strengthen"), ("coordinan", "coordinate"), ("evalúan", "assess"), ("documentan", "document"),
        ("certifican", "certify"), ("capacitan", "train"), ("protegen", "protect"), ("orientan", "guide"), ("financian", "fund"), ("supervisan", "oversee"),
    ];

    private static readonly (string Es, string En)[] Objects =
    [
        ("la contratación equitativa", "fair recruitment"), ("la portabilidad de la seguridad social", "social security portability"),
        ("la certificación de competencias", "skills certification"), ("la reintegración laboral", "labour reintegration"),
        ("los derechos laborales", "labour rights"), ("la movilidad laboral regular", "regular labour mobility"),
        ("la prevención del fraude", "fraud prevention"), ("la igualdad de género", "gender equality"),
        ("los programas de trabajo temporal", "temporary work programmes"), ("la información sobre el mercado laboral", "labour market information"),
        ("el emprendimiento en la economía social y solidaria", "entrepreneurship in the social and solidarity economy"),
        ("la protección consular", "consular protection"),
    ];

    private static readonly (string Es, string En)[] Places =
    [
        ("en Guatemala", "in Guatemala"), ("en Honduras", "in Honduras"), ("en El Salvador", "in El Salvador"), ("en México", "in Mexico"),
        ("en Costa Rica", "in Costa Rica"), ("en Panamá", "in Panama"), ("en la frontera norte", "on the northern border"),
        ("en las zonas rurales", "in rural areas"), ("en los países de destino", "in destination countries"), ("en toda la región", "across the region"),
    ];

    private static readonly string[] Countries = ["BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"];

    // The words bench/load/search.sh draws its two-word queries from (its Lua script holds the same lists).
    private static readonly string[] FirstWords =
    [
        "migrantes", "trabajadoras", "contratación", "seguridad", "certificación", "reintegración", "derechos", "fraude",
        "género", "empleo", "agrícolas", "consulados", "autoridades", "competencias", "movilidad", "workers", "recruitment",
        "social", "skills", "rights", "employers", "fraud", "gender", "labour", "returnees", "programmes", "portability",
        "capacitan", "protegen", "coordinate", "assess", "rural", "frontera", "región", "temporales", "solidaria", "emprendimiento",
        "información", "mercado", "igualdad", "prevention", "consular", "agencies", "public", "Guatemala", "Honduras", "México",
        "Panama", "Costa Rica", "equitativa",
    ];

    private static readonly string[] SecondWords =
    [
        "laboral", "Guatemala", "Honduras", "trabajadores", "workers", "región", "rural", "protección", "fair",
        "temporal", "programas", "services", "destino", "norte", "mexico", "salvador", "derechos", "training", "empleadores",
        "certifican", "orientan", "financian", "supervisan", "oversee", "guide", "fund", "document", "strengthen", "locales",
        "sociedad", "civil", "organisations", "institutions", "seguridad", "portabilidad", "competencias", "reintegration",
        "rights", "igualdad", "equality", "fraude", "prevención", "consulados", "agencias", "contratación", "recruitment",
        "mobility", "movilidad", "regular", "social",
    ];

    /// <summary>A query of two words of the synthetic vocabulary, as the search load test draws them.</summary>
    public static string Query(Random random) => $"{Pick(random, FirstWords)} {Pick(random, SecondWords)}";

    /// <summary>A title and a text of some sentences, in Spanish and English, drawn from <paramref name="random"/>.</summary>
    public static (Bilingual Title, Bilingual Text) Text(Random random, int sentences)
    {
        var (es, en) = (new List<string>(), new List<string>());
        for (var i = 0; i < sentences; i++)
        {
            var (s, a, o, p) = (Pick(random, Subjects), Pick(random, Actions), Pick(random, Objects), Pick(random, Places));
            es.Add(Capital($"{s.Es} {a.Es} {o.Es} {p.Es}."));
            en.Add(Capital($"{s.En} {a.En} {o.En} {p.En}."));
        }

        var (to, tp) = (Pick(random, Objects), Pick(random, Places));
        return (new Bilingual(Capital($"{to.Es} {tp.Es}"), Capital($"{to.En} {tp.En}")), new Bilingual(string.Join(' ', es), string.Join(' ', en)));
    }

    /// <summary>Writes <paramref name="count"/> published good practices in batches; returns how many the index holds after.</summary>
    public static async Task<int> SeedPracticesAsync(MovilidadDb db, int count, int seed, Action<int> progress, CancellationToken ct)
    {
        var institutions = await db.Institutions.AsNoTracking().Where(i => i.CountryCode != null).Select(i => new { i.Id, i.CountryCode }).ToListAsync(ct);
        if (institutions.Count == 0)
        {
            throw new InvalidOperationException("No institution with a country: load the shipped content first (start the web app once).");
        }

        var random = new Random(seed);
        var start = new DateTime(2018, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var done = 0; done < count;)
        {
            var batch = Math.Min(2000, count - done);
            for (var i = 0; i < batch; i++)
            {
                var (title, text) = Text(random, random.Next(3, 9));
                var (summary, _) = Text(random, 1);
                var institution = institutions[random.Next(institutions.Count)];
                var published = start.AddDays(random.Next(0, 3000));
                db.Practices.Add(new Practice
                {
                    Title = title, Summary = summary, Body = text,
                    InstitutionId = institution.Id, Status = PracticeStatus.Published, SubmittedAt = published.AddDays(-30), PublishedAt = published,
                    Countries = new[] { institution.CountryCode!, Pick(random, Countries) }.Distinct().Select(c => new PracticeCountry { CountryCode = c }).ToList(),
                    GcmObjectives = [new() { Objective = random.Next(1, 24) }],
                });
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += batch;
            progress(done);
        }

        return await db.SearchEntries.CountAsync(ct);
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
