using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Recruiters;

/// <summary>
/// What keeps the public fraud form usable and spam out without a third-party service: a signed time token (issued with
/// the form, accepted from 3 seconds to 2 hours after: bots post at once or replay old forms), a field people never see
/// and leave empty, and a limit of reports per address and hour (<c>Recruiters:FraudReportsPerHour</c>, 5 by default),
/// counted for every web node together (<see cref="SharedRateCounts"/>).
/// </summary>
public sealed class FraudReportGuard
{
    public const string HoneypotField = "website";
    public static readonly TimeSpan MinimumAge = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan MaximumAge = TimeSpan.FromHours(2);

    private readonly IDataProtector protector;
    private readonly TimeProvider clock;
    private readonly SharedRateCounts counts;

    public FraudReportGuard(IDataProtectionProvider protection, TimeProvider clock, IConfiguration configuration, SharedRateCounts counts)
    {
        protector = protection.CreateProtector("Movilidad.Recruiters.FraudReportToken");
        this.clock = clock;
        this.counts = counts;
        PermitsPerHour = Math.Max(1, configuration.GetValue("Recruiters:FraudReportsPerHour", 5));
    }

    public int PermitsPerHour { get; }

    public string Issue() => protector.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    /// <summary>Null when the token is good; otherwise the text key of what is wrong with it.</summary>
    public string? Refusal(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return "Fraud.Error.Token";
        }

        try
        {
            var issued = new DateTimeOffset(long.Parse(protector.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture), TimeSpan.Zero);
            var age = clock.GetUtcNow() - issued;
            return age < MinimumAge ? "Fraud.Error.TooFast" : age > MaximumAge ? "Fraud.Error.Expired" : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or OverflowException)
        {
            return "Fraud.Error.Token";
        }
    }

    /// <summary>Counts one attempt from the address; false when the address has used its reports for this hour.</summary>
    public bool TryCount(HttpContext http) =>
        counts.Count("fraud-report:address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), PermitsPerHour, TimeSpan.FromHours(1)) is null;
}
