using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Plans;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Movilidad.Platform.Knowledge;

/// <summary>One toolkit of <c>data/knowledge/toolkits.yaml</c>.</summary>
public sealed class ToolkitFile
{
    public string Key { get; set; } = string.Empty;
    public string Source { get; set; } = string.Empty;
    public List<string> Lines { get; set; } = [];
    public List<int> Objectives { get; set; } = [];
    public List<string> Topics { get; set; } = [];
    public TextPair? Title { get; set; }
    public TextPair? Summary { get; set; }
    public GuideFile Guide { get; set; } = new();
}

public sealed class GuideFile
{
    public List<TextPair> Steps { get; set; } = [];
    public List<AudienceFile> Audiences { get; set; } = [];
    public List<TextPair> Channels { get; set; } = [];
    public List<WeekFile> Calendar { get; set; } = [];
    public List<MessageFile> Messages { get; set; } = [];
}

public sealed class AudienceFile
{
    public string Key { get; set; } = string.Empty;
    public string Es { get; set; } = string.Empty;
    public string En { get; set; } = string.Empty;
}

public sealed class WeekFile
{
    public int Week { get; set; }
    public string Es { get; set; } = string.Empty;
    public string En { get; set; } = string.Empty;
}

public sealed class MessageFile
{
    public string Audience { get; set; } = string.Empty;
    public string Es { get; set; } = string.Empty;
    public string En { get; set; } = string.Empty;
}

/// <summary>
/// Loads the communication toolkits the source documents name: a toolkit not yet in the database (matched by its key) is
/// added, published to everyone and marked as a draft to complete, with the assets of <c>knowledge/toolkits/KEY/</c> as
/// their first versions (checked like an upload); one already there is left as people edited it.
/// </summary>
public sealed class ToolkitLoader(MovilidadDb db, TimeProvider clock) : IContentLoader
{
    public const string FileName = "knowledge/toolkits.yaml";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly IDeserializer Deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();

    public int Order => 950;

    public async Task LoadAsync(string dataFolder, CancellationToken ct = default)
    {
        var path = Path.Combine(dataFolder, FileName);
        if (!File.Exists(path))
        {
            return;
        }

        List<ToolkitFile> toolkits;
        try
        {
            toolkits = Deserializer.Deserialize<List<ToolkitFile>>(await File.ReadAllTextAsync(path, ct)) ?? [];
        }
        catch (YamlException e)
        {
            throw new DataFileException(FileName, $"line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}", e);
        }

        var present = await db.RepositoryItems.Where(i => i.ShippedKey != null).Select(i => i.ShippedKey!).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var toolkit in toolkits.Where(t => !present.Contains(t.Key)))
        {
            var item = new RepositoryItem
            {
                Kind = ItemKind.Toolkit,
                Type = ItemType.Toolkit,
                ShippedKey = toolkit.Key,
                Title = new Bilingual(toolkit.Title?.Es ?? string.Empty, toolkit.Title?.En ?? string.Empty),
                Summary = new Bilingual(toolkit.Summary?.Es ?? string.Empty, toolkit.Summary?.En ?? string.Empty),
                Lines = CodeList.Join(toolkit.Lines),
                Objectives = CodeList.Join(toolkit.Objectives.Select(o => o.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                Topics = CodeList.Join(toolkit.Topics),
                AuthorInstitution = "CRM",
                Licence = "CC BY 4.0",
                Status = ItemStatus.Published,
                Audience = ItemAudience.Public,
                IsDraft = true,
                ProposedAt = now,
                PublishedAt = now,
                Date = DateOnly.FromDateTime(now),
                Guide = JsonSerializer.Serialize(ToGuide(toolkit.Guide), Json),
            };
            var assets = Path.Combine(dataFolder, "knowledge", "toolkits", toolkit.Key);
            foreach (var file in (Directory.Exists(assets) ? Directory.GetFiles(assets) : []).Order(StringComparer.Ordinal))
            {
                var content = await File.ReadAllBytesAsync(file, ct);
                var check = RepositoryFiles.Check(file, content);
                if (check.Kind is not { } kind)
                {
                    throw new DataFileException(FileName, $"toolkit '{toolkit.Key}', asset {Path.GetFileName(file)}: {check.ErrorEn}");
                }

                item.Files.Add(new RepositoryFile
                {
                    Slot = Path.GetFileNameWithoutExtension(file), FileVersion = 1, Name = Path.GetFileName(file), ContentType = kind.ContentType,
                    Size = content.Length, Sha256 = RepositoryFiles.Sha256(content), Content = new RepositoryFileContent { Bytes = content }, UploadedAt = now,
                });
            }

            db.RepositoryItems.Add(item);
        }

        await db.SaveChangesAsync(ct);
    }

    private static ToolkitGuide ToGuide(GuideFile guide) => new(
        guide.Steps.Select(s => new Bilingual(s.Es, s.En)).ToList(),
        guide.Audiences.Select(a => new ToolkitAudience(a.Key, new Bilingual(a.Es, a.En))).ToList(),
        guide.Channels.Select(c => new Bilingual(c.Es, c.En)).ToList(),
        guide.Calendar.Select(w => new ToolkitWeek(w.Week, new Bilingual(w.Es, w.En))).ToList(),
        guide.Messages.Select(m => new ToolkitMessage(m.Audience, new Bilingual(m.Es, m.En))).ToList());
}
