using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Movilidad.Platform.Audit;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Monitoring;
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
        var fields = new TypedFields(CultureInfo.CurrentCulture);
        var (start, end, amount) = (fields.Date("startDate", typed.StartDate), fields.Date("endDate", typed.EndDate), fields.Amount("budgetAmount", typed.BudgetAmount));
        if (fields.Errors.Count > 0)
        {
            return await RefuseAsync(fields.Errors);
        }

        var edit = new CountryShareEdit(typed.Version, typed.ResponsibleInstitutionId, start, end, amount,
            amount is null ? null : typed.BudgetCurrency, typed.Status, typed.StatusReason);
        db.ChangeTracker.Clear();
        return await PageAfterWriteAsync(await db.SaveShareAsync(id, Country, edit, AuditActor.From(HttpContext), clock, ct),
            $"/monitoring/activities/{AuditTrail.Key(id)}", conflict: current => Form.Version = current.Version);
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
