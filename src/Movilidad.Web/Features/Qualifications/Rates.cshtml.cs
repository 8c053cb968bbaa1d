using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Qualifications;
using Movilidad.Platform.Writes;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Localization;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Qualifications;

/// <summary>
/// The exchange rates the comparison uses, readable by anyone; the Secretariat adds and corrects them here (currency,
/// units for one US dollar, date, source) through the API's own writes: validated by field, versioned (409), audited.
/// </summary>
[AllowAnonymous]
public class RatesModel(MovilidadDb db, IAuthorizationService auth, TimeProvider clock) : WritePage
{
    public IReadOnlyList<ExchangeRateView> Rates { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public IReadOnlyList<string> Currencies { get; private set; } = [];

    [BindProperty]
    public RateForm Form { get; set; } = new();

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? edit, string? currency, bool saved, CancellationToken ct)
    {
        Saved = saved;
        await LoadAsync(ct);
        if (edit is { } id && Rates.FirstOrDefault(r => r.Id == id) is { } rate)
        {
            Form = new RateForm
            {
                Id = rate.Id, Version = rate.Version, Currency = rate.Currency, Rate = rate.Rate.ToString("G29", CultureInfo.CurrentCulture),
                AsOf = PageFormats.Iso(rate.AsOf), Source = rate.Source, SourceUrl = rate.SourceUrl,
            };
        }
        else
        {
            Form.Currency = currency?.Trim().ToUpperInvariant();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await auth.CanAsync(User, QualificationOperations.EditRates, null))
        {
            return Forbid();
        }

        var errors = new FieldErrors();
        decimal? rate = null;
        if (!string.IsNullOrWhiteSpace(Form.Rate))
        {
            if (PageFormats.TryParseAmount(Form.Rate, CultureInfo.CurrentCulture, out var parsed))
            {
                rate = parsed;
            }
            else
            {
                errors.Add("rate", "rate is not a number.");
            }
        }

        DateOnly? asOf = PageFormats.TryParseDate(Form.AsOf, out var date) ? date : null;
        var show = async () =>
        {
            await LoadAsync(ct);
            return (IActionResult)Page();
        };
        if (errors.Count > 0)
        {
            return await RefuseAsync(errors, show);
        }

        var change = new ExchangeRateChange(Form.Version, Form.Currency, rate, asOf, Form.Source, Form.SourceUrl);
        var actor = AuditActor.From(HttpContext);
        var outcome = Form.Id is { } id
            ? await QualificationsApi.EditRateAsync(db, id, change, actor, clock, ct)
            : await QualificationsApi.CreateRateAsync(db, change, actor, clock, ct);
        return await PageAfterWriteAsync(outcome, "/qualifications/rates?saved=true", show, current => Form.Version = current.Version);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanEdit = await auth.CanAsync(User, QualificationOperations.EditRates, null);
        Rates = [.. (await db.ExchangeRates.AsNoTracking().ToListAsync(ct)).OrderBy(r => r.Currency, StringComparer.Ordinal).ThenByDescending(r => r.AsOf).Select(ExchangeRateView.Of)];
        Currencies = CanEdit ? await db.Currencies.AsNoTracking().Where(c => c.Code != CostConversion.Dollar).OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(ct) : [];
    }
}

/// <summary>The rate form: a new rate when <see cref="Id"/> is null, else a correction of that rate at <see cref="Version"/>.</summary>
public sealed class RateForm
{
    public int? Id { get; set; }

    public int Version { get; set; }

    public string? Currency { get; set; }

    public string? Rate { get; set; }

    public string? AsOf { get; set; }

    public string? Source { get; set; }

    public string? SourceUrl { get; set; }
}
