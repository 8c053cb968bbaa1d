using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Knowledge;

namespace Movilidad.Web.Features.Training;

/// <summary>The catalogue's filters as the address carries them (kind, modality, country, audience, topic, language), shared by the list and the calendar.</summary>
public abstract class CourseFilterPage : TrainingPage
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Modality { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Audience { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Topic { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    /// <summary>The countries and languages some course names, for the filters.</summary>
    public IReadOnlyList<string> Countries { get; private set; } = [];
    public IReadOnlyList<string> Languages { get; private set; } = [];

    public CourseFilter Filter => new(Blank(Kind), Blank(Modality), Blank(Country), Blank(Audience), Blank(Topic), Blank(Lang));

    /// <summary>The filters as query parameters, for links that keep them.</summary>
    public IReadOnlyDictionary<string, string?> FilterQuery => new Dictionary<string, string?>
    {
        ["kind"] = Kind, ["modality"] = Modality, ["country"] = Country, ["audience"] = Audience, ["topic"] = Topic, ["lang"] = Lang,
    };

    /// <summary>The calendar of the courses that match the same filters, at the current month.</summary>
    public string CalendarLink => CalendarAt(null);

    /// <summary>The calendar of the courses that match the same filters, at <paramref name="month"/> (<c>2027-03</c>) or the current month.</summary>
    public string CalendarAt(string? month) =>
        QueryHelpers.AddQueryString("/courses/calendar", FilterQuery.Append(new("month", month)).Where(f => !string.IsNullOrEmpty(f.Value)));

    /// <summary>The iCalendar file of every dated course that matches the filters.</summary>
    public string IcsLink => QueryHelpers.AddQueryString("/api/courses/calendar.ics", FilterQuery.Where(f => !string.IsNullOrEmpty(f.Value)));

    /// <summary>Country names and the choices of the country and language filters.</summary>
    protected async Task LoadChoicesAsync(MovilidadDb db, CancellationToken ct)
    {
        await LoadCountriesAsync(db, ct);
        var lists = await db.Courses.AsNoTracking().Select(c => new { c.Countries, c.Languages }).ToListAsync(ct);
        Countries = lists.SelectMany(l => CodeList.Split(l.Countries)).Distinct().OrderBy(CountryName, StringComparer.CurrentCulture).ToList();
        Languages = lists.SelectMany(l => CodeList.Split(l.Languages)).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
