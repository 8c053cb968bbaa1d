using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Movilidad.Platform.Plans;

/// <summary>The shape of a plan file in <c>data/plans/</c> (see <c>data/README.md</c>).</summary>
public sealed class PlanFile
{
    public string Key { get; set; } = string.Empty;
    public string Number { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    public TextPair? Title { get; set; }
    public TextPair? Summary { get; set; }
    public int PeriodStart { get; set; }
    public int PeriodEnd { get; set; }
    public string? Owner { get; set; }
    public string? Parent { get; set; }
    public string Source { get; set; } = string.Empty;
    public ApprovalFile? Approval { get; set; }
    public List<LevelFile> Levels { get; set; } = [];
    public List<ElementFile> Elements { get; set; } = [];

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static PlanFile Parse(string yaml) => Deserializer.Deserialize<PlanFile>(yaml);
}

public sealed class TextPair
{
    public string Es { get; set; } = string.Empty;
    public string En { get; set; } = string.Empty;
}

public sealed class ApprovalFile
{
    public TextPair? Text { get; set; }
    public string? Date { get; set; }
    public string? Body { get; set; }
    public List<string> Countries { get; set; } = [];

    /// <summary>The source document that states the approval, when it is not the plan's own.</summary>
    public string? Source { get; set; }
}

public sealed class LevelFile
{
    public string Key { get; set; } = string.Empty;
    public string Es { get; set; } = string.Empty;
    public string En { get; set; } = string.Empty;

    /// <summary>The level's elements are background, not tasks: the roadmap leaves them out.</summary>
    public bool Narrative { get; set; }
}

public sealed class ElementFile
{
    public string Key { get; set; } = string.Empty;
    public string Level { get; set; } = string.Empty;
    public string? Code { get; set; }
    public TextPair? Title { get; set; }
    public TextPair? Text { get; set; }
    public string? Section { get; set; }
    public List<FootnoteFile> Footnotes { get; set; } = [];
    public List<InstitutionRoleFile> Institutions { get; set; } = [];
    public TimeframeFile? Timeframe { get; set; }
    /// <summary>GCM objectives the source document states.</summary>
    public List<int> Gcm { get; set; } = [];

    /// <summary>GCM objectives this project inferred from the text (the document names none).</summary>
    public List<int> GcmInferred { get; set; } = [];
    public List<string> Sdg { get; set; } = [];
    public List<string> Axes { get; set; } = [];
    public string? IndicatorType { get; set; }
    public List<ElementFile> Children { get; set; } = [];
}

public sealed class FootnoteFile
{
    public int Number { get; set; }
    public string Es { get; set; } = string.Empty;
    public string En { get; set; } = string.Empty;
}

public sealed class InstitutionRoleFile
{
    public string Code { get; set; } = string.Empty;
    public string Role { get; set; } = string.Empty;
}

public sealed class TimeframeFile
{
    public string? Term { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public TextPair? Label { get; set; }
}
