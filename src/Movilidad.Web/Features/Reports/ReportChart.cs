using System.Globalization;
using SkiaSharp;

namespace Movilidad.Web.Features.Reports;

/// <summary>Noto Sans (SIL Open Font License, Fonts/OFL.txt), embedded in the assembly so every server draws the same letters, accents included.</summary>
public static class ReportFonts
{
    public static SKTypeface Regular { get; } = Load("NotoSans-Regular.ttf");

    public static SKTypeface Bold { get; } = Load("NotoSans-Bold.ttf");

    private static SKTypeface Load(string name)
    {
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream("fonts/" + name)
            ?? throw new InvalidOperationException($"The font {name} is not embedded in the web assembly.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The font {name} cannot be read.");
    }
}

/// <summary>Draws a <see cref="BarChart"/> on any Skia canvas: a PDF page draws it as vectors, <see cref="ToPng"/> as an image for Word and the page.</summary>
public static class ReportChart
{
    private const float BarHeight = 18;
    private const float RowHeight = 30;

    /// <summary>The height the chart needs at a given width, in the canvas's units.</summary>
    public static float Height(BarChart chart) => 34 + (chart.Categories.Count * RowHeight) + 44;

    public static void Draw(SKCanvas canvas, BarChart chart, float x, float y, float width)
    {
        using var title = new SKFont(ReportFonts.Bold, 10.5f);
        using var label = new SKFont(ReportFonts.Regular, 8.5f);
        using var small = new SKFont(ReportFonts.Regular, 7.5f);
        using var ink = new SKPaint { Color = SKColor.Parse("#1b2733"), IsAntialias = true };
        using var muted = new SKPaint { Color = SKColor.Parse("#5a6b7b"), IsAntialias = true };
        using var grid = new SKPaint { Color = SKColor.Parse("#d9e1e8"), StrokeWidth = 0.6f, IsAntialias = true };

        canvas.DrawText(chart.Title, x, y + 12, SKTextAlign.Left, title, ink);
        var labelWidth = Math.Min(width * 0.42f, chart.Categories.Select(c => label.MeasureText(c)).DefaultIfEmpty(0).Max() + 10);
        var plotX = x + labelWidth;
        var plotWidth = width - labelWidth - 8;
        var top = y + 30;
        var totals = Enumerable.Range(0, chart.Categories.Count).Select(i => chart.Series.Sum(s => s.Values[i])).ToList();
        var max = Math.Max(1, totals.DefaultIfEmpty(0).Max());
        var step = max <= 5 ? 1 : max <= 10 ? 2 : max <= 25 ? 5 : Math.Pow(10, Math.Floor(Math.Log10(max)));
        var axisMax = Math.Ceiling(max / step) * step;
        var plotBottom = top + (chart.Categories.Count * RowHeight);

        for (var tick = 0.0; tick <= axisMax + 1e-9; tick += step)
        {
            var tx = plotX + (float)(tick / axisMax * plotWidth);
            canvas.DrawLine(tx, top - 4, tx, plotBottom, grid);
            canvas.DrawText(tick.ToString("0", CultureInfo.InvariantCulture), tx, plotBottom + 11, SKTextAlign.Center, small, muted);
        }

        for (var i = 0; i < chart.Categories.Count; i++)
        {
            var rowY = top + (i * RowHeight);
            var barY = rowY + ((RowHeight - BarHeight) / 2);
            canvas.DrawText(Fit(chart.Categories[i], label, labelWidth - 10), x, barY + (BarHeight / 2) + 3, SKTextAlign.Left, label, ink);
            var left = plotX;
            foreach (var series in chart.Series)
            {
                var w = (float)(series.Values[i] / axisMax * plotWidth);
                if (w <= 0)
                {
                    continue;
                }

                using var fill = new SKPaint { Color = SKColor.Parse(series.Color), IsAntialias = true };
                canvas.DrawRect(left, barY, w, BarHeight, fill);
                if (w > 14 && chart.Series.Count > 1)
                {
                    using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
                    canvas.DrawText(series.Values[i].ToString("0", CultureInfo.InvariantCulture), left + (w / 2), barY + (BarHeight / 2) + 3, SKTextAlign.Center, small, white);
                }

                left += w;
            }

            canvas.DrawText(totals[i].ToString("0", CultureInfo.InvariantCulture), left + 4, barY + (BarHeight / 2) + 3, SKTextAlign.Left, small, muted);
        }

        var legendX = plotX;
        var legendY = plotBottom + 26;
        foreach (var series in chart.Series)
        {
            var itemWidth = 14 + label.MeasureText(series.Name) + 14;
            if (legendX + itemWidth > x + width && legendX > plotX)
            {
                legendX = plotX;
                legendY += 13;
            }

            using var fill = new SKPaint { Color = SKColor.Parse(series.Color), IsAntialias = true };
            canvas.DrawRect(legendX, legendY - 8, 9, 9, fill);
            canvas.DrawText(series.Name, legendX + 13, legendY, SKTextAlign.Left, label, ink);
            legendX += itemWidth;
        }
    }

    /// <summary>The chart as a PNG at <paramref name="scale"/> pixels per point, on white.</summary>
    public static byte[] ToPng(BarChart chart, float width, float scale = 3)
    {
        var height = Height(chart);
        using var surface = SKSurface.Create(new SKImageInfo((int)Math.Ceiling(width * scale), (int)Math.Ceiling(height * scale)));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(scale);
        Draw(canvas, chart, 0, 0, width);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static string Fit(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width)
        {
            return text;
        }

        var cut = text;
        while (cut.Length > 1 && font.MeasureText(cut + "…") > width)
        {
            cut = cut[..^1];
        }

        return cut.TrimEnd() + "…";
    }
}
