using System.ComponentModel.DataAnnotations;

namespace Movilidad.Web.Features.OpenData;

/// <summary>How the platform names itself in open-data exports.</summary>
public sealed class OpenDataOptions
{
    public const string Section = "OpenData";

    /// <summary>
    /// The IATI organisation identifier of the reporting organisation (the CRM Executive Secretariat) and the prefix of
    /// every activity identifier. Set it to the identifier the secretariat registers with IATI.
    /// </summary>
    [Required, RegularExpression("^[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]$")]
    public string ReportingOrgRef { get; set; } = "XI-IATI-CRMST";

    /// <summary>IATI OrganisationType of the reporting organisation: 40 multilateral (an intergovernmental body).</summary>
    [Required, RegularExpression("^[0-9]{2}$")]
    public string ReportingOrgType { get; set; } = "40";

    [Required]
    public string ReportingOrgNameEs { get; set; } = "Secretaría Ejecutiva de la Conferencia Regional sobre Migración";

    [Required]
    public string ReportingOrgNameEn { get; set; } = "Executive Secretariat of the Regional Conference on Migration";

    /// <summary>
    /// The OECD DAC CRS purpose code (5 digits) of every activity: 15190, "Facilitation of orderly, safe, regular and
    /// responsible migration and mobility".
    /// </summary>
    [Required, RegularExpression("^[0-9]{5}$")]
    public string SectorCode { get; set; } = "15190";
}

public static class OpenDataSetup
{
    public static IServiceCollection AddOpenData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OpenDataOptions>().Bind(configuration.GetSection(OpenDataOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
