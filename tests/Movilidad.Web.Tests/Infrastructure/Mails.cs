using System.Text;
using System.Text.RegularExpressions;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>Reads the .eml files the app writes in tests, whatever transfer encoding the mail writer chose.</summary>
public static partial class Mails
{
    public static string Body(string eml)
    {
        var split = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = eml[..split];
        var body = eml[(split + 4)..];
        if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))));
        }

        if (headers.Contains("Content-Transfer-Encoding: quoted-printable", StringComparison.OrdinalIgnoreCase))
        {
            var joined = body.Replace("=\r\n", string.Empty, StringComparison.Ordinal);
            var bytes = new List<byte>();
            for (var i = 0; i < joined.Length; i++)
            {
                if (joined[i] == '=' && i + 2 < joined.Length)
                {
                    bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
                }
            }

            return Encoding.UTF8.GetString([.. bytes]);
        }

        return body;
    }

    /// <summary>The path and query of the first link in the mail to the given page.</summary>
    public static string Link(string eml, string path)
    {
        var link = LinkPattern().Matches(Body(eml)).Select(m => m.Groups[1].Value).First(l => l.StartsWith(path, StringComparison.Ordinal));
        return link;
    }

    [GeneratedRegex(@"https?://[^/\s]+(/[^\s]+)")]
    private static partial Regex LinkPattern();
}
