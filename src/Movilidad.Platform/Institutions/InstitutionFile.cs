using Movilidad.Platform.Plans;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Movilidad.Platform.Institutions;

/// <summary>An entry of <c>data/institutions.yaml</c>.</summary>
public sealed class InstitutionFile
{
    public string Code { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    public TextPair? Acronym { get; set; }
    public TextPair? Name { get; set; }
    public string? Country { get; set; }
    public string? Url { get; set; }

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static List<InstitutionFile> ParseList(string yaml) => Deserializer.Deserialize<List<InstitutionFile>>(yaml) ?? [];
}
