using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Programmes;

namespace Movilidad.Web.Features.Programmes;

/// <summary>A statement as a page shows it: its text in the reader's language and the numbers of its sources.</summary>
public sealed record Statement(Bilingual Text, IReadOnlyList<int> Sources);

/// <summary>A cited source, numbered in the order the page first cites it.</summary>
public sealed record CitedSource(int Number, SourceReference Reference);

/// <summary>
/// What the programme and agreement pages share: reading statements out of an entry's content and numbering the sources
/// they cite, so every statement on the page points at its public source.
/// </summary>
public abstract class RegistryPage : PageModel
{
    private readonly Dictionary<string, int> numbers = new(StringComparer.Ordinal);
    private Dictionary<string, SourceReference> references = new(StringComparer.Ordinal);

    public JsonObject Document { get; protected set; } = [];

    public IReadOnlyList<CitedSource> Cited => [.. numbers.OrderBy(n => n.Value).Select(n => new CitedSource(n.Value, references[n.Key]))];

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    protected async Task LoadReferencesAsync(MovilidadDb db, CancellationToken ct) =>
        references = await db.SourceReferences.AsNoTracking().ToDictionaryAsync(r => r.Key, StringComparer.Ordinal, ct);

    /// <summary>The numbers of the sources a node cites, numbering new ones.</summary>
    public IReadOnlyList<int> Sources(JsonNode? node) =>
        [.. RegistryContent.Strings(node, "sources").Where(references.ContainsKey).Select(key => numbers.TryGetValue(key, out var n) ? n : numbers[key] = numbers.Count + 1)];

    /// <summary>The statements of a list at a path of the content (<c>requirements.workers</c>).</summary>
    public IReadOnlyList<Statement> Statements(string path) =>
        RegistryContent.At(Document, path) is JsonArray items ? [.. items.Select(i => new Statement(RegistryContent.Pair(i, string.Empty), Sources(i)))] : [];

    /// <summary>A bilingual text with sources at a path (<c>recruitment</c>: its <c>text</c> and <c>sources</c>), or null.</summary>
    public Statement? Described(string path)
    {
        var node = path.Length == 0 ? Document : RegistryContent.At(Document, path);
        var text = RegistryContent.Pair(node, "text");
        return text.IsEmpty ? null : new Statement(text, Sources(node));
    }

    public string Text(string path) => RegistryContent.Text(Document, path) ?? string.Empty;

    public Bilingual Pair(string path) => RegistryContent.Pair(Document, path);

    public IEnumerable<JsonNode> Items(string path) => RegistryContent.At(Document, path) is JsonArray items ? items.OfType<JsonNode>() : [];

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
