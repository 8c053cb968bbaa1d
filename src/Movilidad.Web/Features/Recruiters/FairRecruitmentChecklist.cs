using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Movilidad.Web.Features.Recruiters;

/// <summary>
/// The ILO fair-recruitment self-assessment as shipped in <c>data/recruitment/ilo-fair-recruitment-checklist.yaml</c>:
/// the document it cites, one item per general principle, operational guideline or definition read (with its paragraph,
/// text, question and the fair recruiter's answer) and the paragraphs not read yet.
/// </summary>
public sealed class FairRecruitmentChecklist
{
    public const string FileName = "recruitment/ilo-fair-recruitment-checklist.yaml";

    private static readonly Lazy<FairRecruitmentChecklist> Shipped = new(() => Load(Path.Combine(ShippedData.Folder, FileName)));

    public static FairRecruitmentChecklist Current => Shipped.Value;

    public DocumentEntry Document { get; set; } = new();
    public List<ItemEntry> Items { get; set; } = [];
    public List<TextEntry> Gaps { get; set; } = [];

    public static FairRecruitmentChecklist Load(string path) =>
        new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).IgnoreUnmatchedProperties().Build()
            .Deserialize<FairRecruitmentChecklist>(File.ReadAllText(path)) ?? new FairRecruitmentChecklist();

    /// <summary>Per item asked: whether the answer given is the fair recruiter's (null when not answered).</summary>
    public IReadOnlyList<(ItemEntry Item, bool? Meets)> Assess(IReadOnlyDictionary<string, string> answers) =>
        Items.Where(i => i.Question is not null)
            .Select(i => (i, answers.TryGetValue(i.Key, out var given) && given is "yes" or "no" ? given == i.Answer : (bool?)null))
            .ToList();

    public sealed class DocumentEntry
    {
        public TextEntry Title { get; set; } = new();
        public string Publisher { get; set; } = string.Empty;
        public int Year { get; set; }
        public string Reference { get; set; } = string.Empty;
        public TextEntry Summary { get; set; } = new();
    }

    public sealed class ItemEntry
    {
        public string Key { get; set; } = string.Empty;
        public string Ref { get; set; } = string.Empty;
        public string Kind { get; set; } = string.Empty;
        public string? TextLanguage { get; set; }
        public string? Translated { get; set; }
        public bool TextComplete { get; set; } = true;
        public TextEntry? Text { get; set; }
        public TextEntry? Question { get; set; }
        public string Answer { get; set; } = "yes";
        public TextEntry? AnswerMeaning { get; set; }
        public List<string> Sources { get; set; } = [];
    }

    public sealed class TextEntry
    {
        public string Es { get; set; } = string.Empty;
        public string En { get; set; } = string.Empty;

        public string Current => new Bilingual(Es, En).Current;
    }
}
