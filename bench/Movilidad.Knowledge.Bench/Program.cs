using System.Diagnostics;
using System.Globalization;
using Movilidad.Platform.Knowledge;
using SkiaSharp;

// Builds a PDF of at least 10 MB and under the 20 MB upload limit (42 pages by default: 11.1 MB; pages of Spanish text,
// each with a photograph-like image that does not compress, as reports scanned or illustrated are), then times what the
// repository does to an upload: the content checks (magic bytes, structure, active content), the SHA-256 and the text
// extraction for search. Prints each run and the median.
var pages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 42;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var pdf = Build(pages);
Console.WriteLine($"PDF: {pdf.Length / 1024.0 / 1024.0:0.0} MB, {pages} pages; load average {File.ReadAllText("/proc/loadavg").Trim()}");
var times = new List<double>();
for (var run = 0; run < runs; run++)
{
    var clock = Stopwatch.StartNew();
    var check = RepositoryFiles.Check("report.pdf", pdf);
    var hash = RepositoryFiles.Sha256(pdf);
    var text = RepositoryFiles.ExtractText(check.Kind ?? throw new InvalidOperationException(check.ErrorEn), pdf);
    clock.Stop();
    times.Add(clock.Elapsed.TotalSeconds);
    Console.WriteLine($"run {run + 1}: {clock.Elapsed.TotalSeconds:0.000} s (check, SHA-256 {hash[..12]}…, {text?.Length:N0} characters extracted)");
}

Console.WriteLine($"median {times.Order().ElementAt(times.Count / 2):0.000} s, max {times.Max():0.000} s; load average {File.ReadAllText("/proc/loadavg").Trim()}");

static byte[] Build(int pages)
{
    using var stream = new MemoryStream();
    using (var document = SKDocument.CreatePdf(stream))
    {
        var random = new Random(13);
        using var font = new SKFont(SKTypeface.Default, 11);
        using var paint = new SKPaint { Color = SKColors.Black };
        using var noise = new SKBitmap(300, 300);
        for (var page = 0; page < pages; page++)
        {
            var canvas = document.BeginPage(595, 842);
            for (var y = 0; y < 300; y++)
            {
                for (var x = 0; x < 300; x++)
                {
                    noise.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
                }
            }

            using (var image = SKImage.FromBitmap(noise))
            {
                canvas.DrawImage(image, new SKRect(40, 480, 340, 780));
            }

            for (var line = 0; line < 40; line++)
            {
                canvas.DrawText($"Página {page + 1}, línea {line + 1}: las trabajadoras migrantes temporales conocen sus derechos y deberes.", 40, 40 + (line * 11), font, paint);
            }

            document.EndPage();
        }
    }

    return stream.ToArray();
}
