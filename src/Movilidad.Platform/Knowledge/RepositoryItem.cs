using System.Globalization;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Search;
using Movilidad.Platform.Writes;

namespace Movilidad.Platform.Knowledge;

/// <summary>What an item of the regional repository is: a file, a link, a reference to the platform's own content or a communication toolkit.</summary>
public enum ItemKind
{
    Document,
    Link,
    PlatformContent,
    Toolkit,
}

/// <summary>The kinds of reference material action 1.1 of the Regional Plan lists.</summary>
public enum ItemType
{
    RegulatoryFramework,
    Manual,
    Publication,
    GoodPractice,
    Toolkit,
    CourseMaterial,
    Dataset,
}

/// <summary>Where an item is in curation: proposed, reviewed (checklist done), returned to its proposer, published.</summary>
public enum ItemStatus
{
    Proposed,
    Returned,
    Reviewed,
    Published,
}

/// <summary>Who reads a published item.</summary>
public enum ItemAudience
{
    Public,
    SignedIn,
}

/// <summary>The gender lens a reviewer gives an item after the checklist (footnote 4 of the Regional Plan).</summary>
public enum GenderLens
{
    NotAssessed,
    Blind,
    Sensitive,
    Responsive,
    Transformative,
}

/// <summary>
/// An item of the regional repository of action 1.1: regulatory frameworks, manuals, publications, good practices,
/// toolkits, course material and datasets, in Spanish and English, proposed by anyone signed in and curated (with a
/// gender-perspective check) by the Secretariat or a curator before it is published.
/// </summary>
public class RepositoryItem : IVersioned, ISearchable
{
    public int Id { get; set; }
    public ItemKind Kind { get; set; }
    public ItemType Type { get; set; }

    /// <summary>Either language may be empty: the page marks it missing.</summary>
    public Bilingual Title { get; set; } = Bilingual.Empty;
    public Bilingual Summary { get; set; } = Bilingual.Empty;

    /// <summary>ISO 3166-1 alpha-2 codes, kept as <c>|GT|MX|</c> so one LIKE filters them on both databases.</summary>
    public string Countries { get; set; } = string.Empty;

    /// <summary>Codes of the plan elements (lines of action, actions: <c>1</c>, <c>1.5</c>) the item serves, <c>|1|1.5|</c>.</summary>
    public string Lines { get; set; } = string.Empty;

    /// <summary>Global Compact objectives (1-23), <c>|6|23|</c>.</summary>
    public string Objectives { get; set; } = string.Empty;

    /// <summary>Topic keys (<see cref="RepositoryVocabulary.Topics"/>), <c>|recruitment|</c>.</summary>
    public string Topics { get; set; } = string.Empty;

    /// <summary>ISCO-08 codes, <c>|6111|</c>.</summary>
    public string Occupations { get; set; } = string.Empty;

    /// <summary>ISO 639-1 code of the file or page the item points to.</summary>
    public string? Language { get; set; }
    public DateOnly? Date { get; set; }
    public string? AuthorInstitution { get; set; }
    public string? Licence { get; set; }

    /// <summary>The address of a link.</summary>
    public string? Url { get; set; }

    /// <summary>The platform's own content an item refers to: <c>practice</c>, <c>report</c> or <c>programme</c>, and its id or key.</summary>
    public string? ContentKind { get; set; }
    public string? ContentKey { get; set; }

    /// <summary>The text extracted from the current document (PDF, DOCX, XLSX, ODT), for search.</summary>
    public string? ExtractedText { get; set; }

    public ItemStatus Status { get; set; }
    public ItemAudience Audience { get; set; }
    public GenderLens GenderLens { get; set; }

    /// <summary>Keys of the gender-perspective checklist the reviewer found met, <c>|sex-disaggregated|</c>.</summary>
    public string GenderChecklist { get; set; } = string.Empty;
    public string? ReviewComment { get; set; }
    public int? ProposedById { get; set; }
    public DateTime ProposedAt { get; set; }
    public int? ReviewedById { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public DateTime? PublishedAt { get; set; }

    /// <summary>A toolkit's planning guide (<see cref="ToolkitGuide"/> as JSON).</summary>
    public string? Guide { get; set; }

    /// <summary>Shipped content still to be completed by the people who run it (the toolkits written from the plans' text).</summary>
    public bool IsDraft { get; set; }

    /// <summary>Key of shipped content (<c>data/knowledge/</c>), so a second load finds it.</summary>
    public string? ShippedKey { get; set; }
    public int Version { get; set; }

    public List<RepositoryFile> Files { get; set; } = [];

    public SearchEntry? ToSearchEntry() => Status != ItemStatus.Published ? null : new SearchEntry(
        "repository", Id.ToString(CultureInfo.InvariantCulture), "/repository/" + Id.ToString(CultureInfo.InvariantCulture),
        Title.Es, Title.En,
        string.Join("\n", new[] { Summary.Es, Language == "es" ? ExtractedText : null }.Where(t => !string.IsNullOrEmpty(t))),
        string.Join("\n", new[] { Summary.En, Language == "es" ? null : ExtractedText }.Where(t => !string.IsNullOrEmpty(t))),
        Audience == ItemAudience.Public,
        CodeList.Split(Countries), CodeList.Split(Lines), CodeList.Split(Objectives), CodeList.Split(Topics), Language, Date?.Year);
}

/// <summary>
/// One version of a file of an item: the document itself (slot <c>document</c>) or an editable asset of a toolkit (its
/// own slot). A new upload to a slot adds a version; the older ones are kept.
/// </summary>
public class RepositoryFile
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public string Slot { get; set; } = RepositoryFiles.DocumentSlot;
    public int FileVersion { get; set; }
    public string Name { get; set; } = string.Empty;
    public string ContentType { get; set; } = string.Empty;
    public long Size { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public string Sha256 { get; set; } = string.Empty;

    /// <summary>The bytes, in their own table so that reading an item and its file list never loads them.</summary>
    public RepositoryFileContent? Content { get; set; }
    public DateTime UploadedAt { get; set; }
    public int? UploadedById { get; set; }
}

public class RepositoryFileContent
{
    public int FileId { get; set; }
    public byte[] Bytes { get; set; } = [];
}

/// <summary>The <c>|a|b|</c> lists of an item's codes.</summary>
public static class CodeList
{
    public static string Join(IEnumerable<string>? codes)
    {
        var list = (codes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? string.Empty : "|" + string.Join("|", list) + "|";
    }

    public static IReadOnlyList<string> Split(string? joined) => (joined ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The pattern that finds one code in a joined list.</summary>
    public static string Pattern(string code) => "%|" + code.Replace("%", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal) + "|%";
}
