using System.Globalization;
using Movilidad.Platform.Knowledge;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Search;
using Movilidad.Platform.Writes;

namespace Movilidad.Platform.Training;

/// <summary>What a training offer is, as the Regional Plan's actions name them.</summary>
public enum CourseKind
{
    Course,
    Diplomado,
    Postgraduate,
    Workshop,
    TrainerTraining,
}

/// <summary>How a course is given.</summary>
public enum CourseModality
{
    Virtual,
    InPerson,
    Hybrid,
}

/// <summary>
/// A course, diplomado, postgraduate course, workshop or training of trainers of the training catalogue (actions 1.1,
/// 1.2, 2.3, 2.6, 2.7, 3.4, 4.1 and 4.4 of the Regional Plan): bilingual title and summary, provider, modality,
/// languages, audiences, topics, ISCO-08 occupations, countries, dates, hours, cost, certification, enrolment link and
/// the plan actions it serves. Everyone reads the catalogue; the Secretariat, the focal point of the provider's country
/// and the person who recorded it edit it.
/// </summary>
public class Course : IVersioned, ISearchable
{
    public int Id { get; set; }
    public CourseKind Kind { get; set; }
    public CourseModality? Modality { get; set; }
    public Bilingual Title { get; set; } = Bilingual.Empty;
    public Bilingual Summary { get; set; } = Bilingual.Empty;

    /// <summary>The providing institution of <c>institutions.yaml</c> or one added in the platform, when it is one.</summary>
    public int? ProviderId { get; set; }

    /// <summary>The provider as it names itself (a centre or office of the institution, or an institution not in the list).</summary>
    public Bilingual ProviderName { get; set; } = Bilingual.Empty;

    /// <summary>ISO 639-1 codes of the languages it is given in, <c>|en|es|</c>.</summary>
    public string Languages { get; set; } = string.Empty;

    /// <summary>Audience keys (<see cref="CourseVocabulary.Audiences"/>), <c>|public-officials|</c>.</summary>
    public string Audiences { get; set; } = string.Empty;

    /// <summary>Topic keys (<see cref="CourseVocabulary.Topics"/>).</summary>
    public string Topics { get; set; } = string.Empty;

    /// <summary>ISCO-08 codes, <c>|6111|</c>.</summary>
    public string Occupations { get; set; } = string.Empty;

    /// <summary>ISO 3166-1 alpha-2 codes of the countries it is offered in or for (empty: open to all).</summary>
    public string Countries { get; set; } = string.Empty;

    /// <summary>Codes of the plan actions it serves (<c>|1.1|4.4|</c>).</summary>
    public string Lines { get; set; } = string.Empty;

    /// <summary>The dates of its current or latest edition.</summary>
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public decimal? Hours { get; set; }

    /// <summary>The fee and its ISO 4217 currency; 0 for free.</summary>
    public decimal? Cost { get; set; }
    public string? Currency { get; set; }
    public Bilingual Certification { get; set; } = Bilingual.Empty;

    /// <summary>Where to enrol or read more.</summary>
    public string? Url { get; set; }

    /// <summary>What else is known, or known to be missing (the shipped courses' unverified facts).</summary>
    public Bilingual Notes { get; set; } = Bilingual.Empty;

    /// <summary>Keys of <c>references.yaml</c> the shipped course's facts come from.</summary>
    public string Sources { get; set; } = string.Empty;

    /// <summary>Key of shipped content (<c>data/training/courses.yaml</c>), so a second load finds it.</summary>
    public string? ShippedKey { get; set; }
    public int? RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }
    public int Version { get; set; }

    public static string IdText(int id) => id.ToString(CultureInfo.InvariantCulture);

    public SearchEntry? ToSearchEntry() => new(
        "course", IdText(Id), "/courses/" + IdText(Id), Title.Es, Title.En,
        string.Join("\n", new[] { Summary.Es, ProviderName.Es, Certification.Es }.Where(t => !string.IsNullOrEmpty(t))),
        string.Join("\n", new[] { Summary.En, ProviderName.En, Certification.En }.Where(t => !string.IsNullOrEmpty(t))),
        true, CodeList.Split(Countries), CodeList.Split(Lines), [], CodeList.Split(Topics),
        CodeList.Split(Languages) is [var only] ? only : null, StartDate?.Year);
}

/// <summary>The keys the catalogue classifies courses under (their labels are the pages' texts, <c>Training.Audience.{key}</c>).</summary>
public static class CourseVocabulary
{
    /// <summary>The audiences the Regional Plan's training actions name, and those of the shipped courses.</summary>
    public static readonly IReadOnlyList<string> Audiences =
    [
        "public-officials", "consular-staff", "social-security-staff", "parliamentarians", "media", "trainers", "migrants", "diasporas",
        "returnees", "employers", "employers-organisations", "workers-organisations", "labour-recruiters", "civil-society", "communities",
        "international-organisations",
    ];

    public static readonly IReadOnlyList<string> Topics =
    [
        "labour-migration", "labour-migration-governance", "fair-recruitment", "social-protection", "human-trafficking", "employability",
        "self-employment", "social-solidarity-economy", "skills-certification", "gender", "migrants-rights",
    ];

    /// <summary>An enum value as the API and the address write it (<c>TrainerTraining</c> → <c>trainer-training</c>).</summary>
    public static string Kebab<T>(T value) where T : struct, Enum => RepositoryVocabulary.Kebab(value);

    public static T? Parse<T>(string? text) where T : struct, Enum => RepositoryVocabulary.Parse<T>(text);
}

/// <summary>The lengths the catalogue accepts, checked (and named) before a save.</summary>
public static class CourseLimits
{
    public const int Title = 400;
    public const int Summary = 4000;
    public const int Name = 400;
    public const int Text = 2000;
    public const int CodeList = 2000;
    public const int Url = 2000;
}
