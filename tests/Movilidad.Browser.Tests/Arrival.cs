using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Movilidad.Browser.Tests;

/// <summary>
/// Waits for a page to reach an address and finish loading there, by polling rather than by Playwright's
/// <c>WaitForURLAsync</c>. That method checks the URL and the load state on the test's thread, then subscribes to the
/// navigation and load events that another thread delivers; an event delivered between the check and the subscription
/// is lost and the wait runs into its timeout although the page arrived (microsoft/playwright-dotnet#3364, open in
/// 1.64.1). It explains the matrix test that timed out in CI after logging <c>"NetworkIdle" event fired</c>: the
/// page had loaded, the <c>load</c> event had gone by unheard. Reading <see cref="IPage.Url"/> and asking the document
/// itself for its ready state cannot miss anything.
/// </summary>
public static partial class Arrival
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static Task ReachedAsync(this IPage page, Func<string, bool> address) => ArriveAsync(page, address, "a matching address");

    public static Task ReachedAsync(this IPage page, Regex address) => ArriveAsync(page, address.IsMatch, address.ToString());

    /// <summary>A glob as Playwright reads it: <c>**</c> any characters, <c>*</c> any but a slash.</summary>
    public static Task ReachedAsync(this IPage page, string glob)
    {
        var pattern = new Regex("^" + string.Concat(GlobParts().Matches(glob).Select(m => m.Value switch
        {
            "**" => ".*",
            "*" => "[^/]*",
            var text => Regex.Escape(text),
        })) + "$");
        return ArriveAsync(page, pattern.IsMatch, glob);
    }

    private static async Task ArriveAsync(IPage page, Func<string, bool> address, string expected)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < Timeout)
        {
            var url = page.Url;
            if (!address(url))
            {
                await Task.Delay(20);
                continue;
            }

            try
            {
                // The document at that address, not the one being left, and loaded with its images and scripts. A
                // second navigation meanwhile (another redirect) fails or outlasts this short wait, and the loop looks
                // at the address again.
                await page.WaitForFunctionAsync(
                    "url => location.href === url && document.readyState === 'complete'",
                    url,
                    new PageWaitForFunctionOptions { PollingInterval = 20, Timeout = 2_000 });
                return;
            }
            catch (Exception e) when (e is TimeoutException or PlaywrightException && !page.IsClosed)
            {
            }
        }

        throw new TimeoutException($"The page stayed at {page.Url} for {Timeout.TotalSeconds} s instead of reaching {expected} and loading there.");
    }

    [GeneratedRegex(@"\*\*|\*|[^*]+")]
    private static partial Regex GlobParts();
}
