using Movilidad.Platform.Search;

namespace Movilidad.Platform.Programmes;

public sealed partial class Programme : ISearchable
{
    /// <summary>Its published content, found by anyone; a new entry never published is not found.</summary>
    public SearchEntry? ToSearchEntry() => RegistrySearch.Entry(this, "programme", "/programmes/", Kind);
}

public sealed partial class Agreement : ISearchable
{
    /// <summary>Its published content, found by anyone; a new entry never published is not found.</summary>
    public SearchEntry? ToSearchEntry() => RegistrySearch.Entry(this, "agreement", "/agreements/", Subject);
}

internal static class RegistrySearch
{
    public static SearchEntry? Entry(RegistryEntry entry, string kind, string path, string topic, IReadOnlyList<string>? lines = null)
    {
        if (entry.Content is null)
        {
            return null;
        }

        var content = RegistryContent.Parse(entry.Content);
        return new SearchEntry(
            kind, entry.Key, path + entry.Key, entry.Name.Es, entry.Name.En,
            SearchTexts.Language(content, "es"), SearchTexts.Language(content, "en"),
            true, entry.CountryList, lines ?? [], [], SearchTexts.Values(topic), null, null);
    }
}
