using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Practices;

namespace Movilidad.Web.Features.Practices;

/// <summary>One month of the publication calendar: the practice it holds, if any; its title only when the reader may see the practice.</summary>
public sealed record CalendarMonth(DateOnly Month, int? PracticeId, Bilingual? Title, PracticeStatus? Status)
{
    public bool IsFilled => PracticeId is not null;
}

/// <summary>The publication calendar: one good practice a month (the UN Regional Network's work plan, activity 1.4), this year and next.</summary>
[AllowAnonymous]
public class CalendarModel(MovilidadDb db, TimeProvider clock) : PracticePage
{
    public IReadOnlyList<CalendarMonth> Months { get; private set; } = [];
    public DateOnly ThisMonth { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        ThisMonth = new DateOnly(today.Year, today.Month, 1);
        var first = new DateOnly(today.Year, 1, 1);
        var last = first.AddYears(2);
        var scheduled = await db.Practices.AsNoTracking().Where(p => p.ScheduledMonth >= first && p.ScheduledMonth < last)
            .Select(p => new { p.Id, Month = p.ScheduledMonth!.Value, p.Status }).ToListAsync(ct);
        var visible = (await db.Practices.AsNoTracking().VisibleTo(User).Where(p => p.ScheduledMonth >= first && p.ScheduledMonth < last)
            .Select(p => new { p.Id, p.Title }).ToListAsync(ct)).ToDictionary(p => p.Id, p => p.Title);
        Months = Enumerable.Range(0, 24).Select(i => first.AddMonths(i)).Select(month =>
        {
            var practice = scheduled.FirstOrDefault(p => p.Month == month);
            return practice is null
                ? new CalendarMonth(month, null, null, null)
                : new CalendarMonth(month, practice.Id, visible.GetValueOrDefault(practice.Id), visible.ContainsKey(practice.Id) ? practice.Status : null);
        }).ToList();
    }
}
