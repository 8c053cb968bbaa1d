using Movilidad.Platform.Localization;
using Movilidad.Platform.Programmes;
using Movilidad.Platform.Search;

namespace Movilidad.Platform.SocialSecurity;

/// <summary>
/// An ILO convention of the social-security instruments registry (issue 14, <c>data/social-security/ilo-conventions.yaml</c>):
/// an entry of the sourced registry whose content is its title, adoption, summary, each member state's status with its
/// sources, and gaps. A change is a draft that the Secretariat reviews before the public reads it; a focal point changes
/// only their own country's row (<see cref="ConventionRules.Touched"/>). The social-security agreements of the registry
/// are the <see cref="Programmes.Agreement"/> entries whose subject is social security, referenced by their key.
/// </summary>
public sealed class IloConvention : RegistryEntry, ISearchable
{
    public int Number { get; set; }

    /// <summary>Countries whose status is ratified, space-separated with a space at each end (<c> BZ GT </c>).</summary>
    public string Ratified { get; set; } = " ";

    /// <summary>Its published content, found by anyone; a convention never published is not found.</summary>
    public SearchEntry? ToSearchEntry()
    {
        if (Content is null)
        {
            return null;
        }

        var content = RegistryContent.Parse(Content);
        var summary = RegistryContent.Pair(content, "summary");
        var adopted = RegistryContent.Text(content, "adopted") ?? RegistryContent.Text(content, "adoptedYear");
        return new SearchEntry(
            "instrument", Key, $"/social-security/instruments/{Key}", $"C{Number}: {Name.Es}", $"C{Number}: {Name.En}", summary.Es, summary.En, Public: true,
            Ratified.Split(' ', StringSplitOptions.RemoveEmptyEntries), ["2.5", "3.2"], [], RegistryContent.Strings(content, "topics"), null,
            adopted is { Length: >= 4 } && int.TryParse(adopted.AsSpan(0, 4), out var year) ? year : null);
    }
}

/// <summary>
/// A voluntary enrolment option in a country's social security (action 3.5, <c>data/social-security/voluntary-enrolment.yaml</c>):
/// an entry of the sourced registry, proposed by its country's focal points and reviewed by the Secretariat.
/// </summary>
public sealed class EnrolmentOption : RegistryEntry
{
    public string Country { get; set; } = string.Empty;

    /// <summary>Whether self-employed people may use it, when the source says so.</summary>
    public bool? SelfEmployed { get; set; }

    /// <summary>Whether people living abroad may use it, when the source says so.</summary>
    public bool? Abroad { get; set; }
}

/// <summary>What was looked for in a country and not verified (a <c>countriesNotRead</c> row of a data file), shown as a gap.</summary>
public sealed class CountryGap
{
    public int Id { get; set; }

    /// <summary>The data it belongs to: <c>voluntary-enrolment</c>, <c>qualifications</c>.</summary>
    public string Topic { get; set; } = string.Empty;

    public string Country { get; set; } = string.Empty;

    public Bilingual Text { get; set; } = Bilingual.Empty;
}

/// <summary>A national public body of <c>data/bodies.yaml</c> (ministries, social-security institutions, training and certification bodies).</summary>
public sealed class NationalBody
{
    public int Id { get; set; }

    /// <summary>Country prefix and acronym (<c>MX-IMSS</c>), stable.</summary>
    public string Code { get; set; } = string.Empty;

    public string Country { get; set; } = string.Empty;

    /// <summary>labour-ministry | social-security-institution | training-institute | certification-body | ...</summary>
    public string Kind { get; set; } = string.Empty;

    public Bilingual Name { get; set; } = Bilingual.Empty;

    public string? Acronym { get; set; }

    public string? Url { get; set; }

    /// <summary>Keys of the references where its name and role were read, space-separated.</summary>
    public string Sources { get; set; } = " ";
}
