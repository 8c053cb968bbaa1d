using System.Globalization;
using System.Text;
using System.Xml.Linq;
using QRCoder;

namespace Movilidad.Web.Features.Accounts;

/// <summary>
/// A QR code drawn as inline SVG (one path of dark modules on a white square, with its quiet zone): it needs no image
/// request and no inline style, so it fits the pages' Content-Security-Policy. Readers of the page who cannot scan it
/// have the key typed out beside it.
/// </summary>
public static class QrSvg
{
    /// <summary>The QR code of <paramref name="text"/> (error correction M), labelled for screen readers.</summary>
    public static string Draw(string text, string label)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var size = modules.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (modules[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        XNamespace svg = "http://www.w3.org/2000/svg";
        var n = size.ToString(CultureInfo.InvariantCulture);
        return new XElement(svg + "svg",
            new XAttribute("viewBox", $"0 0 {n} {n}"), new XAttribute("width", "200"), new XAttribute("height", "200"),
            new XAttribute("role", "img"), new XAttribute("aria-label", label), new XAttribute("shape-rendering", "crispEdges"), new XAttribute("class", "qr"),
            new XElement(svg + "rect", new XAttribute("width", n), new XAttribute("height", n), new XAttribute("fill", "#fff")),
            new XElement(svg + "path", new XAttribute("d", path.ToString()), new XAttribute("fill", "#000"))).ToString(SaveOptions.DisableFormatting);
    }
}
