using System.Globalization;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;

namespace Movilidad.Web.Features.Recruiters;

/// <summary>
/// What keeps the public fraud form usable and spam out without a third-party service: a signed time token (issued with
/// the form, accepted from 3 seconds to 2 hours after: bots post at once or replay old forms), a field people never see
/// and leave empty, and a limit of reports per address and hour (<c>Recruiters:FraudReportsPerHour</c>, 5 by default).
/// </summary>
public sealed class FraudReportGuard : IDisposable
{
    public const string HoneypotField = "website";
    public static readonly TimeSpan MinimumAge = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan MaximumAge = TimeSpan.FromHours(2);

    private readonly IDataProtector protector;
    private readonly TimeProvider clock;
    private readonly PartitionedRateLimiter<string> limiter;

    public FraudReportGuard(IDataProtectionProvider protection, TimeProvider clock, IConfiguration configuration)
    {
        protector = protection.CreateProtector("Movilidad.Recruiters.FraudReportToken");
        this.clock = clock;
        PermitsPerHour = Math.Max(1, configuration.GetValue("Recruiters:FraudReportsPerHour", 5));
        limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PermitsPerHour,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));
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
    public bool TryCount(HttpContext http)
    {
        using var lease = limiter.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
