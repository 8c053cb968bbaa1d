using System.Globalization;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;

namespace Movilidad.Platform.Knowledge;

/// <summary>
/// Synthetic repository items for the search benchmark: published, bilingual, with a few paragraphs of "extracted text"
/// built from the vocabulary of labour mobility (inflected forms included, so stemming has work to do), reproducible
/// from a seed. Keys <c>synthetic-SEED-N</c> mark them.
/// </summary>
public static class RepositorySynthetic
{
    private static readonly string[] SubjectsEs = ["las trabajadoras migrantes", "el trabajador migrante", "los trabajadores temporales", "las personas retornadas", "la persona trabajadora agrícola", "los empleadores", "las agencias de reclutamiento", "las autoridades locales"];
    private static readonly string[] VerbsEs = ["necesitan", "reciben", "solicitan", "conocen", "denuncian", "acceden a", "fortalecen", "promueven"];
    private static readonly string[] ObjectsEs = ["la afiliación voluntaria a la seguridad social", "la contratación justa y sin cobros", "la certificación de competencias laborales", "los canales legales de migración laboral", "la prevención de fraudes y estafas", "la portabilidad de las pensiones", "la igualdad de género en el empleo", "la información del mercado laboral"];
    private static readonly string[] PlacesEs = ["en Guatemala", "en México", "en Honduras", "en El Salvador", "en Costa Rica", "en Canadá", "en los Estados Unidos", "en Panamá", "en la región"];
    private static readonly string[] SubjectsEn = ["women migrant workers", "the migrant worker", "temporary workers", "returning migrants", "the farm worker", "employers", "recruitment agencies", "local authorities"];
    private static readonly string[] VerbsEn = ["need", "receive", "request", "know about", "report", "gain access to", "strengthen", "promote"];
    private static readonly string[] ObjectsEn = ["voluntary social-security enrolment", "fair recruitment without fees", "the certification of occupational skills", "legal channels of labour migration", "the prevention of fraud and scams", "pension portability", "gender equality at work", "labour-market information"];
    private static readonly string[] PlacesEn = ["in Guatemala", "in Mexico", "in Honduras", "in El Salvador", "in Costa Rica", "in Canada", "in the United States", "in Panama", "across the region"];
    private static readonly string[] Countries = ["BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"];
    private static readonly string[] Lines = ["1", "1.1", "1.5", "2", "2.3", "3", "3.5", "4", "4.5"];

    public static async Task<int> SeedAsync(MovilidadDb db, int count, int seed, DateTime now, Action<string> progress, CancellationToken ct)
    {
        var random = new Random(seed);
        var types = Enum.GetValues<ItemType>();
        var lenses = new[] { GenderLens.Blind, GenderLens.Sensitive, GenderLens.Responsive, GenderLens.Transformative };
        var topics = RepositoryVocabulary.Topics.Keys.ToArray();
        const int Batch = 1000;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var start = 0; start < count; start += Batch)
        {
            for (var n = start; n < Math.Min(count, start + Batch); n++)
            {
                T Pick<T>(T[] from) => from[random.Next(from.Length)];
                var (es, en) = Sentences(random, 6 + random.Next(20));
                var summary = Sentences(random, 2);
                var spanish = random.Next(3) > 0;
                db.RepositoryItems.Add(new RepositoryItem
                {
                    Kind = ItemKind.Document,
                    Type = Pick(types),
                    Title = new Bilingual(Capital(Pick(ObjectsEs)) + " " + Pick(PlacesEs), random.Next(5) == 0 ? string.Empty : Capital(Pick(ObjectsEn)) + " " + Pick(PlacesEn)),
                    Summary = new Bilingual(summary.Es, summary.En),
                    Countries = CodeList.Join([Pick(Countries), Pick(Countries)]),
                    Lines = CodeList.Join([Pick(Lines)]),
                    Objectives = CodeList.Join([random.Next(1, 24).ToString(CultureInfo.InvariantCulture)]),
                    Topics = CodeList.Join([Pick(topics)]),
                    Language = spanish ? "es" : "en",
                    Date = new DateOnly(2010 + random.Next(16), 1 + random.Next(12), 1),
                    AuthorInstitution = "Synthetic",
                    ExtractedText = spanish ? es : en,
                    Status = ItemStatus.Published,
                    Audience = random.Next(10) == 0 ? ItemAudience.SignedIn : ItemAudience.Public,
                    GenderLens = Pick(lenses),
                    ProposedAt = now,
                    PublishedAt = now,
                    ShippedKey = $"synthetic-{seed.ToString(CultureInfo.InvariantCulture)}-{n.ToString(CultureInfo.InvariantCulture)}",
                });
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            progress($"{Math.Min(count, start + Batch):N0} of {count:N0} repository items");
        }

        return count;
    }

    private static (string Es, string En) Sentences(Random random, int count)
    {
        var es = new System.Text.StringBuilder();
        var en = new System.Text.StringBuilder();
        for (var i = 0; i < count; i++)
        {
            int s = random.Next(SubjectsEs.Length), v = random.Next(VerbsEs.Length), o = random.Next(ObjectsEs.Length), p = random.Next(PlacesEs.Length);
            es.Append(Capital(SubjectsEs[s])).Append(' ').Append(VerbsEs[v]).Append(' ').Append(ObjectsEs[o]).Append(' ').Append(PlacesEs[p]).Append(". ");
            en.Append(Capital(SubjectsEn[s])).Append(' ').Append(VerbsEn[v]).Append(' ').Append(ObjectsEn[o]).Append(' ').Append(PlacesEn[p]).Append(". ");
        }

        return (es.ToString().TrimEnd(), en.ToString().TrimEnd());
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
