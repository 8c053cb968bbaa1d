using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Features.Recruiters;

/// <summary>The public fraud form (action 1.5): no account, a signed time token, a honeypot field and a limit per address.</summary>
[AllowAnonymous]
public class FraudNewModel(MovilidadDb db, FraudReportGuard guard, TimeProvider clock) : PageModel
{
    [BindProperty]
    public FraudReportForm Form { get; set; } = new(null, null, null, null, null, null, null, null);

    public Dictionary<string, string> Errors { get; private set; } = [];
    public string? Refusal { get; private set; }
    public FraudReportReceipt? Receipt { get; private set; }
    public string Token { get; private set; } = string.Empty;

    public IReadOnlyList<(string Code, string Name)> Countries { get; private set; } = [];

    public async Task OnGetAsync(string? name, string? country, CancellationToken ct)
    {
        Form = Form with { RecruiterName = name?.Length > Platform.Recruiters.RecruiterNames.MaxLength ? null : name, Country = country };
        Token = guard.Issue();
        Countries = await CountryChoices.MembersAsync(db, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Countries = await CountryChoices.MembersAsync(db, ct);
        if (!guard.TryCount(HttpContext))
        {
            Refusal = "Fraud.Error.TooMany";
            Token = guard.Issue();
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        Errors = await RecruiterEditing.ValidateAsync(db, Form, ct);
        if (guard.Refusal(Form.Token) is { } refusal)
        {
            Refusal = refusal;
        }

        if (Errors.Count > 0 || Refusal is not null)
        {
            Token = Refusal is null ? Form.Token ?? guard.Issue() : guard.Issue();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Receipt = await RecruiterEditing.CreateAsync(db, Form, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, clock, ct);
        return Page();
    }

    public string? DescribedBy(string field) => Errors.ContainsKey(field) ? field + "-error" : null;
}
