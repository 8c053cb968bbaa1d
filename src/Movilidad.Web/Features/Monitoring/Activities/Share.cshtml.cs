using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Pages;
using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Features.Monitoring.Activities;

/// <summary>One country's share of an activity, edited by that country's focal point.</summary>
public class ShareModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : WritePage
{
    public sealed class ShareForm
    {
        public int Version { get; set; }
        public int? ResponsibleInstitutionId { get; set; }
        public string? StartDate { get; set; }
        public string? EndDate { get; set; }
        public string? BudgetAmount { get; set; }
        public string? BudgetCurrency { get; set; }
        public ActivityStatus Status { get; set; }
        public string? StatusReason { get; set; }
    }

    [BindProperty]
    public ShareForm Form { get; set; } = new();

    public int Id { get; private set; }
    public string Country { get; private set; } = string.Empty;
    public string Code { get; private set; } = string.Empty;
    public Bilingual Title { get; private set; } = Bilingual.Empty;
    public ActivityStatus CurrentStatus { get; private set; }
    public ActivityChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, string country, CancellationToken ct)
    {
        if (await LoadAsync(id, country, ct) is { } refused)
        {
            return refused;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string country, CancellationToken ct)
    {
        var typed = Form;
        if (await LoadAsync(id, country, ct) is { } refused)
        {
            return refused;
        }

        Form = typed;
        var errors = new Dictionary<string, string[]>();
        DateOnly? Date(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (PageFormats.TryParseDate(text, out var date))
            {
                return date;
            }

            errors[field] = [$"{text} is not a date."];
            return null;
        }

        var start = Date("startDate", typed.StartDate);
        var end = Date("endDate", typed.EndDate);
        decimal? amount = null;
        if (!string.IsNullOrWhiteSpace(typed.BudgetAmount))
        {
            if (PageFormats.TryParseAmount(typed.BudgetAmount, CultureInfo.CurrentCulture, out var parsed))
            {
                amount = parsed;
            }
            else
            {
                errors["budgetAmount"] = [$"{typed.BudgetAmount} is not an amount."];
            }
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var edit = new CountryShareEdit(typed.Version, typed.ResponsibleInstitutionId, start, end, amount,
            amount is null ? null : typed.BudgetCurrency, typed.Status, typed.StatusReason);
        db.ChangeTracker.Clear();
        switch (await db.SaveShareAsync(id, Country, edit, AuditActor.From(HttpContext), clock, ct))
        {
            case WriteOutcome<CountryShareView>.Saved:
                return Redirect($"/monitoring/activities/{AuditTrail.Key(id)}");
            case WriteOutcome<CountryShareView>.Invalid invalid:
                Errors = invalid.Errors;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            case WriteOutcome<CountryShareView>.Conflict conflict:
                IsConflict = true;
                Form.Version = conflict.Current.Version;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, string country, CancellationToken ct)
    {
        Id = id;
        Country = country.ToUpperInvariant();
        if (!await auth.CanAsync(User, MonitoringOperations.EditCountryShare, new CountryScope(Country)))
        {
            return Forbid();
        }

        var activity = await db.FindForEditAsync(id, ct);
        var share = activity?.Countries.SingleOrDefault(c => c.CountryCode == Country);
        if (activity is null || share is null)
        {
            return NotFound();
        }

        Code = activity.Code;
        Title = activity.Title;
        CurrentStatus = share.Status;
        Choices = await db.ActivityChoicesAsync(ct);
        Form = new ShareForm
        {
            Version = share.Version,
            ResponsibleInstitutionId = share.ResponsibleInstitutionId,
            StartDate = PageFormats.Iso(share.StartDate),
            EndDate = PageFormats.Iso(share.EndDate),
            BudgetAmount = share.BudgetAmount?.ToString("0.##", CultureInfo.CurrentCulture),
            BudgetCurrency = share.BudgetCurrency ?? "USD",
            Status = share.Status,
            StatusReason = share.StatusReason,
        };
        return null;
    }
}
