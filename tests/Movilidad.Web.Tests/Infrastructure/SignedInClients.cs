using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>Machine clients of a fresh account with the given grants, reading in one language; page forms posted with repeated fields.</summary>
public static partial class SignedInClients
{
    /// <summary>A token client of a new person holding <paramref name="grants"/> (<c>focal-point:HN</c>, <c>working-group-member:GT-ML</c>...), reading Spanish.</summary>
    public static Task<HttpClient> ClientAsAsync(this MovilidadApp app, params string[] grants) => app.ClientInAsync("es", grants);

    public static async Task<HttpClient> ClientInAsync(this MovilidadApp app, string language, params string[] grants)
    {
        var person = await app.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: grants.Contains("secretariat"), grants);
        var client = await app.TokenClientAsync(person);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return client;
    }

    /// <summary>Posts a page's form as a browser would, fields in order and repeated where a form repeats them (check boxes, multiple choices).</summary>
    public static async Task<HttpResponseMessage> PostPageFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = AntiforgeryField().Match(await client.GetStringAsync(url));
        if (!token.Success)
        {
            throw new InvalidOperationException($"{url} has no form with an antiforgery token.");
        }

        return await client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)))));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
