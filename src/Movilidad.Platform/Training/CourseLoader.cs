using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Knowledge;
using Movilidad.Platform.Localization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Movilidad.Platform.Training;

/// <summary><c>data/training/courses.yaml</c> (its schema is in <c>data/README.md</c>).</summary>
public sealed class CourseCatalogueFile
{
    public List<CourseFile> Courses { get; set; } = [];
}

public sealed class CourseFile
{
    public string Key { get; set; } = string.Empty;
    public SourcedText? Title { get; set; }
    public string Kind { get; set; } = "course";
    public string? Modality { get; set; }
    public ProviderFile? Provider { get; set; }
    public List<string> Languages { get; set; } = [];
    public List<string> Audiences { get; set; } = [];
    public SourcedText? AudienceText { get; set; }
    public List<string> Topics { get; set; } = [];
    public List<string> Countries { get; set; } = [];
    public SourcedText? Summary { get; set; }
    public List<EditionFile> Editions { get; set; } = [];
    public DurationFile? Duration { get; set; }
    public CostFile? Cost { get; set; }
    public SourcedText? Certification { get; set; }
    public string? Url { get; set; }
    public List<SourcedText> Gaps { get; set; } = [];
}

public sealed class SourcedText
{
    public string Es { get; set; } = string.Empty;
    public string En { get; set; } = string.Empty;
    public List<string> Sources { get; set; } = [];
}

public sealed class ProviderFile
{
    public string? Institution { get; set; }
    public SourcedText? Name { get; set; }
}

public sealed class EditionFile
{
    public string? Start { get; set; }
    public string? End { get; set; }
    public SourcedText? Location { get; set; }
    public List<string> Sources { get; set; } = [];
}

public sealed class DurationFile
{
    public decimal? Hours { get; set; }
    public SourcedText? Text { get; set; }
    public List<string> Sources { get; set; } = [];
}

public sealed class CostFile
{
    public SourcedText? Text { get; set; }
    public List<string> Sources { get; set; } = [];
}

/// <summary>
/// Loads the shipped starting set of the training catalogue: a course not yet in the database (matched by its key) is
/// added with the facts the file gives (the latest edition's dates; the sentences on audience, duration, cost and the
/// facts not verified as its notes); one already there is left as people edited it.
/// </summary>
public sealed class CourseLoader(MovilidadDb db, TimeProvider clock) : IContentLoader
{
    public const string FileName = "training/courses.yaml";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).IgnoreUnmatchedProperties().Build();

    public int Order => 960;

    public async Task LoadAsync(string dataFolder, CancellationToken ct = default)
    {
        var path = Path.Combine(dataFolder, FileName);
        if (!File.Exists(path))
        {
            return;
        }

        CourseCatalogueFile catalogue;
        try
        {
            catalogue = Deserializer.Deserialize<CourseCatalogueFile>(await File.ReadAllTextAsync(path, ct)) ?? new CourseCatalogueFile();
        }
        catch (YamlException e)
        {
            throw new DataFileException(FileName, $"line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}", e);
        }

        var present = await db.Courses.Where(c => c.ShippedKey != null).Select(c => c.ShippedKey!).ToListAsync(ct);
        var institutions = await db.Institutions.Select(i => new { i.Id, i.Code }).ToDictionaryAsync(i => i.Code, i => i.Id, StringComparer.Ordinal, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var file in catalogue.Courses.Where(c => !present.Contains(c.Key)))
        {
            db.Courses.Add(ToCourse(file, institutions, now));
        }

        await db.SaveChangesAsync(ct);
    }

    private static Course ToCourse(CourseFile file, Dictionary<string, int> institutions, DateTime now)
    {
        var kind = CourseVocabulary.Parse<CourseKind>(file.Kind) ?? throw new DataFileException(FileName, $"course '{file.Key}': kind '{file.Kind}' is not one of course, diplomado, postgraduate, workshop, trainer-training.");
        CourseModality? modality = file.Modality is null ? null
            : CourseVocabulary.Parse<CourseModality>(file.Modality) ?? throw new DataFileException(FileName, $"course '{file.Key}': modality '{file.Modality}' is not virtual, in-person or hybrid.");
        int? provider = null;
        if (file.Provider?.Institution is { } code)
        {
            provider = institutions.TryGetValue(code, out var id) ? id : throw new DataFileException(FileName, $"course '{file.Key}': provider institution '{code}' is not in institutions.yaml.");
        }

        var latest = file.Editions.Where(e => Date(e.Start) is not null).MaxBy(e => Date(e.Start));
        var notes = new[] { file.AudienceText, file.Duration?.Text, file.Cost?.Text, latest?.Location }.Concat(file.Gaps).OfType<SourcedText>().ToList();
        var sources = new[] { file.Title, file.AudienceText, file.Summary, file.Certification, file.Duration?.Text, file.Cost?.Text }.OfType<SourcedText>().SelectMany(t => t.Sources)
            .Concat(file.Editions.SelectMany(e => e.Sources)).Concat(file.Duration?.Sources ?? []).Concat(file.Cost?.Sources ?? []);
        return new Course
        {
            ShippedKey = file.Key,
            Kind = kind,
            Modality = modality,
            Title = Pair(file.Title),
            Summary = Pair(file.Summary),
            ProviderId = provider,
            ProviderName = Pair(file.Provider?.Name),
            Languages = CodeList.Join(file.Languages),
            Audiences = CodeList.Join(file.Audiences),
            Topics = CodeList.Join(file.Topics),
            Countries = CodeList.Join(file.Countries),
            StartDate = Date(latest?.Start),
            EndDate = Date(latest?.End),
            Hours = file.Duration?.Hours,
            Certification = Pair(file.Certification),
            Url = file.Url,
            Notes = new Bilingual(string.Join("\n", notes.Select(n => n.Es)), string.Join("\n", notes.Select(n => n.En))),
            Sources = CodeList.Join(sources),
            RecordedAt = now,
        };
    }

    private static Bilingual Pair(SourcedText? text) => text is null ? Bilingual.Empty : new Bilingual(text.Es.Trim(), text.En.Trim());

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
