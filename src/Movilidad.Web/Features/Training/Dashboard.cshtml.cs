using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Movilidad.Platform.Data;
using Movilidad.Platform.Training;

namespace Movilidad.Web.Features.Training;

/// <summary>
/// The trainings the catalogue counts, per country and semester of their start, and per kind: no indicator of the shipped
/// plans counts trainings (R3 counts the working groups' meetings, workshops, seminars or conferences), so the counts
/// are shown here, where the Secretariat and the focal points read them for their reports.
/// </summary>
[AllowAnonymous]
public class DashboardModel(MovilidadDb db) : TrainingPage
{
    public IReadOnlyList<CourseCount> Counts { get; private set; } = [];

    /// <summary>The semesters some course starts in, oldest first.</summary>
    public IReadOnlyList<string> Periods { get; private set; } = [];

    /// <summary>The countries some course names, by name, then the courses open to all countries (empty code).</summary>
    public IReadOnlyList<string> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadCountriesAsync(db, ct);
        Counts = await CourseCounts.BySemesterAsync(db.Courses, ct);
        Periods = Counts.Select(c => c.Period).Distinct().Order(StringComparer.Ordinal).ToList();
        Rows = Counts.Select(c => c.Country).Where(c => c.Length > 0).Distinct().OrderBy(CountryName, StringComparer.CurrentCulture)
            .Concat(Counts.Any(c => c.Country.Length == 0) ? [string.Empty] : []).ToList();
    }

    public int Count(string country, string period) => Counts.Where(c => c.Country == country && c.Period == period).Sum(c => c.Count);

    public int Count(CourseKind kind, string period) => Counts.Where(c => c.Kind == kind && c.Period == period).Sum(c => c.Count);

    public static string PeriodLabel(string code) => Platform.Indicators.Periods.Label(code, CultureInfo.CurrentCulture);
}
