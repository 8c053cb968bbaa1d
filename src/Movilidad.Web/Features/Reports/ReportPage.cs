using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Movilidad.Web.Features.Reports;

/// <summary>What the report pages share: the errors of a write, keyed by the API's field names, each explained in the reader's language.</summary>
public abstract class ReportPage : PageModel
{
    public IDictionary<string, string[]> Errors { get; protected set; } = new Dictionary<string, string[]>();

    public bool IsConflict { get; protected set; }

    public static string ErrorKey(string field) => "ReportError." + field;

    public static string ErrorId(string field) => "error-" + field.Replace('.', '-');

    public bool HasError(string field) => Errors.ContainsKey(field);

    public string? DescribedBy(string field) => HasError(field) ? ErrorId(field) : null;
}
