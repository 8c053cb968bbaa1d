namespace Movilidad.Web.Features.Reports;

public static class ReportsSetup
{
    /// <summary>The report's sections, in the order of their <see cref="IReportSection.Order"/>; add a section here to add it to every report.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<IReportSection, SummarySection>();
        services.AddSingleton<IReportSection, ActivitiesSection>();
        services.AddSingleton<IReportSection, PledgesSection>();
        services.AddSingleton<IReportSection, PracticesSection>();
        services.AddSingleton<IReportSection, NarrativesSection>();
        services.AddSingleton<ReportAssembly>();
        return services;
    }
}
