using System.Globalization;
using System.Text;
using Movilidad.Platform.Localization;

namespace Movilidad.Web.Features.Training;

/// <summary>A dated course as a calendar event.</summary>
public sealed record IcsCourse(int Id, Bilingual Title, Bilingual ProviderName, DateOnly Start, DateOnly? End, string? Url);

/// <summary>
/// The catalogue's dated courses as an iCalendar file (RFC 5545): one all-day event per course from its first to its last
/// day, titled in the reader's language, with its provider, its link to enrol and its page.
/// </summary>
public static class CourseIcs
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(IEnumerable<IcsCourse> courses, string site, DateTime now, bool english)
    {
        var text = new StringBuilder();
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//Movilidad//Training catalogue//" + (english ? "EN" : "ES"));
        Line(text, "CALSCALE:GREGORIAN");
        Line(text, "METHOD:PUBLISH");
        Line(text, "X-WR-CALNAME:" + Escape(english ? "Training catalogue" : "Catálogo de formación"));
        var stamp = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var course in courses)
        {
            var id = TrainingPage.Int(course.Id);
            var page = site + "/courses/" + id;
            Line(text, "BEGIN:VEVENT");
            Line(text, $"UID:course-{id}@movilidad");
            Line(text, "DTSTAMP:" + stamp);
            Line(text, "DTSTART;VALUE=DATE:" + Day(course.Start));
            // DTEND of an all-day event is the day after the last one (RFC 5545, 3.6.1).
            Line(text, "DTEND;VALUE=DATE:" + Day((course.End is { } end && end >= course.Start ? end : course.Start).AddDays(1)));
            Line(text, "SUMMARY:" + Escape(In(course.Title, english)));
            var provider = In(course.ProviderName, english);
            var description = (provider.Length > 0 ? provider + "\n" : string.Empty) + page;
            Line(text, "DESCRIPTION:" + Escape(description));
            Line(text, "URL:" + (course.Url ?? page));
            Line(text, "END:VEVENT");
        }

        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    private static string In(Bilingual text, bool english) =>
        english ? (string.IsNullOrWhiteSpace(text.En) ? text.Es : text.En) : (string.IsNullOrWhiteSpace(text.Es) ? text.En : text.Es);

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>A TEXT value: backslashes, semicolons, commas and new lines escaped.</summary>
    public static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);

    /// <summary>A content line ended by CRLF, folded so that no line is longer than 75 octets (a fold never splits a character).</summary>
    private static void Line(StringBuilder text, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 0;
                limit = 74;
            }

            text.Append(rune.ToString());
            octets += size;
        }

        text.Append("\r\n");
    }
}
