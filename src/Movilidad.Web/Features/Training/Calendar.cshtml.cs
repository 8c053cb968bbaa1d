using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Training;

namespace Movilidad.Web.Features.Training;

/// <summary>A course in the calendar: what its entry shows and links to.</summary>
public sealed record CalendarCourse(int Id, string Kind, string? Modality, Bilingual Title, Bilingual ProviderName, DateOnly? Start, DateOnly? End);

/// <summary>
/// The catalogue as a month (<c>/courses/calendar?month=2027-03</c>, with the list's filters in the address): a grid of
/// weeks with each course on the day it starts, the courses that began before the month and go on in it, the same month
/// as a list by date for a phone, and the courses without dates apart.
/// </summary>
[AllowAnonymous]
public class CalendarModel(MovilidadDb db, TimeProvider clock) : CourseFilterPage
{
    /// <summary>The most courses without dates the page lists.</summary>
    public const int UndatedShown = 200;

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public DateOnly First { get; private set; }
    public DateOnly Last => First.AddMonths(1).AddDays(-1);

    /// <summary>The courses that start in the month, by day.</summary>
    public IReadOnlyDictionary<DateOnly, IReadOnlyList<CalendarCourse>> Starting { get; private set; } = new Dictionary<DateOnly, IReadOnlyList<CalendarCourse>>();

    /// <summary>The courses that started before the month and go on in it.</summary>
    public IReadOnlyList<CalendarCourse> Ongoing { get; private set; } = [];

    public IReadOnlyList<CalendarCourse> Undated { get; private set; } = [];
    public int UndatedTotal { get; private set; }

    /// <summary>The month asked for could not be read (it is then the current month).</summary>
    public bool MonthUnread { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        First = new DateOnly(today.Year, today.Month, 1);
        if (!string.IsNullOrWhiteSpace(Month))
        {
            if (DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked) && asked.Year is >= 1900 and <= 2200)
            {
                First = asked;
            }
            else
            {
                MonthUnread = true;
            }
        }

        await LoadChoicesAsync(db, ct);
        var first = First;
        var last = Last;
        var matching = db.Courses.AsNoTracking().Matching(Filter);
        var month = await matching.Where(c => c.StartDate != null && c.StartDate <= last && (c.EndDate ?? c.StartDate) >= first)
            .OrderBy(c => c.StartDate).ThenBy(c => c.Id).Select(Entry).ToListAsync(ct);
        Starting = month.Where(c => c.Start >= first).GroupBy(c => c.Start!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<CalendarCourse>)g.ToList());
        Ongoing = month.Where(c => c.Start < first).ToList();
        var undated = matching.Where(c => c.StartDate == null);
        UndatedTotal = await undated.CountAsync(ct);
        Undated = await undated.OrderBy(c => c.Id).Take(UndatedShown).Select(Entry).ToListAsync(ct);
    }

    /// <summary>What the calendar reads of a course (the kind and modality as the address writes them, once read).</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Course, CalendarCourse>> Entry = c =>
        new CalendarCourse(c.Id, CourseVocabulary.Kebab(c.Kind), c.Modality == null ? null : CourseVocabulary.Kebab(c.Modality.Value), c.Title, c.ProviderName, c.StartDate, c.EndDate);

    /// <summary>The weeks the grid shows, Monday first, from the week of the month's first day to that of its last.</summary>
    public IReadOnlyList<IReadOnlyList<DateOnly>> Weeks
    {
        get
        {
            var start = First.AddDays(-(((int)First.DayOfWeek + 6) % 7));
            var weeks = new List<IReadOnlyList<DateOnly>>();
            for (var monday = start; monday <= Last; monday = monday.AddDays(7))
            {
                weeks.Add(Enumerable.Range(0, 7).Select(monday.AddDays).ToList());
            }

            return weeks;
        }
    }

    /// <summary>The days of the week, Monday first, in the reader's language: (abbreviation, full name).</summary>
    public static IReadOnlyList<(string Short, string Full)> DayNames
    {
        get
        {
            var format = CultureInfo.CurrentCulture.DateTimeFormat;
            return Enumerable.Range(1, 7).Select(d => (DayOfWeek)(d % 7)).Select(d => (Capital(format.GetAbbreviatedDayName(d)), Capital(format.GetDayName(d)))).ToList();
        }
    }

    /// <summary>"Marzo de 2027", "March 2027".</summary>
    public string MonthTitle => MonthName(First);

    /// <summary>A month as the reader's language writes it: "Marzo de 2027", "March 2027".</summary>
    public static string MonthName(DateOnly month) =>
        Capital(month.ToString(CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "es" ? "MMMM 'de' yyyy" : "MMMM yyyy", CultureInfo.CurrentCulture));

    public static string DayTitle(DateOnly day) => Capital(day.ToString("D", CultureInfo.CurrentCulture));

    public static string MonthCode(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Capital(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];
}
