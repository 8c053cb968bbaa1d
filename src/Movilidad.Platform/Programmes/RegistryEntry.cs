using Movilidad.Platform.Localization;
using Movilidad.Platform.Writes;

namespace Movilidad.Platform.Programmes;

/// <summary>Where an entry's pending change stands: none (what is published is current), a draft, or waiting for the Secretariat's review.</summary>
public enum RegistryStage
{
    Published,
    Draft,
    InReview,
}

/// <summary>
/// A sourced entry of the programmes and agreements registry: its published content (the whole sourced document, JSON,
/// every statement with its sources) and a pending change that the Secretariat reviews before it replaces it. The
/// columns beside the content are read from the published content (or from the draft while nothing is published), so
/// lists and filters never parse it.
/// </summary>
public abstract class RegistryEntry : IVersioned
{
    public int Id { get; set; }

    /// <summary>Stable key, as the file name in <c>data/</c> (<c>us-h2a</c>).</summary>
    public string Key { get; set; } = string.Empty;

    public Bilingual Name { get; set; } = Bilingual.Empty;

    /// <summary>The status code of the programme or agreement itself (active, suspended, closed; in-force, signed...).</summary>
    public string? StatusCode { get; set; }

    /// <summary>Every country the entry names as destination, origin or party, space-separated with a space at each end (<c> GT MX </c>): who may propose changes to it.</summary>
    public string Countries { get; set; } = " ";

    /// <summary>The published content as JSON, or null while the entry was never published.</summary>
    public string? Content { get; set; }

    /// <summary>The pending change as JSON, or null when there is none.</summary>
    public string? Draft { get; set; }

    public RegistryStage Stage { get; set; }

    /// <summary>The Secretariat's comment when it returns a change to its author.</summary>
    public string? ReviewComment { get; set; }

    public int? ChangedById { get; set; }

    public DateTime? ChangedAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    public int Version { get; set; }

    public bool IsPublished => Content is not null;

    public IReadOnlyList<string> CountryList => Countries.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A temporary employment programme (issue 11): see <c>data/README.md</c>, "programmes/*.yaml", for its content.</summary>
public sealed partial class Programme : RegistryEntry
{
    public string? Acronym { get; set; }

    /// <summary>destination-scheme | origin-placement-service | border-worker-permit | bilateral-scheme | programme-family.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>One of the four modalities of document 002: bilateral | regional-free-mobility | regional-integration | global.</summary>
    public string? Modality { get; set; }

    /// <summary>Destination countries, as <see cref="RegistryEntry.Countries"/>.</summary>
    public string Destinations { get; set; } = " ";

    /// <summary>Origin countries named by the programme, as <see cref="RegistryEntry.Countries"/>.</summary>
    public string Origins { get; set; } = " ";

    /// <summary>ISCO-08 codes of the programme's occupations, as <see cref="RegistryEntry.Countries"/>.</summary>
    public string Occupations { get; set; } = " ";

    /// <summary>Which imported records are its demand: us-oflc-h2a | us-oflc-h2b | ca-lmia-positive, or null.</summary>
    public string? DemandDataset { get; set; }

    /// <summary>The ESDC lists' "Program Stream" of the programme, or null for all of them.</summary>
    public string? DemandStream { get; set; }
}

/// <summary>A bilateral or multilateral agreement or memorandum on labour mobility or social security.</summary>
public sealed partial class Agreement : RegistryEntry
{
    /// <summary>labour-mobility | social-security.</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>mou | bilateral-agreement | multilateral-agreement.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Keys of the programmes it frames, as <see cref="RegistryEntry.Countries"/>.</summary>
    public string Programmes { get; set; } = " ";

    public string? Signed { get; set; }
}

/// <summary>A public source cited by the registry's statements (<c>data/references.yaml</c>).</summary>
public sealed class SourceReference
{
    public int Id { get; set; }

    public string Key { get; set; } = string.Empty;

    /// <summary>official | legal-text | copy | press | secondary | dataset | seed.</summary>
    public string Kind { get; set; } = string.Empty;

    public string? Url { get; set; }

    public string Title { get; set; } = string.Empty;

    public string? Publisher { get; set; }

    /// <summary>The official citation of a law, regulation or treaty.</summary>
    public string? Reference { get; set; }

    public string? Accessed { get; set; }

    /// <summary>For a seed, the file of <c>data/sources/</c> it is.</summary>
    public string? File { get; set; }
}
