using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Reports;

/// <summary>What the report pages share beyond <see cref="WritePage"/>: their errors are explained by the report's own texts.</summary>
public abstract class ReportPage : WritePage
{
    public static new string ErrorKey(string field) => "ReportError." + field;
}
