using System.Globalization;
using SkiaSharp;

namespace Movilidad.Web.Features.Reports;

/// <summary>
/// Lays a <see cref="ReportDocument"/> out on A4 pages and writes it as PDF with Skia: Noto Sans embedded, text
/// wrapped to the column, tables that repeat their header row on a new page, a title page, and every other page
/// with the running head and its number out of the total.
/// </summary>
public static class PdfReport
{
    private const float PageWidth = 595.28f;
    private const float PageHeight = 841.89f;
    private const float Left = 62;
    private const float Right = PageWidth - 62;
    private const float Top = 78;
    private const float Bottom = PageHeight - 72;
    private const float CellPadding = 3.5f;

    private static readonly SKColor Ink = SKColor.Parse("#1b2733");
    private static readonly SKColor Muted = SKColor.Parse("#5a6b7b");
    private static readonly SKColor Brand = SKColor.Parse("#0b4f8a");
    private static readonly SKColor Accent = SKColor.Parse("#1f7a68");
    private static readonly SKColor Rule = SKColor.Parse("#c9d4de");
    private static readonly SKColor Stripe = SKColor.Parse("#f1f5f9");

    public static byte[] ToPdf(ReportDocument document, DateTime generatedAt)
    {
        using var layout = new Layout();
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading heading:
                    layout.Heading(heading);
                    break;
                case Paragraph paragraph:
                    layout.Paragraph(paragraph);
                    break;
                case Table table:
                    layout.Table(table);
                    break;
                case BarChart chart:
                    layout.Chart(chart);
                    break;
                default:
                    throw new InvalidOperationException($"The PDF report cannot lay out a {block.GetType().Name}.");
            }
        }

        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = document.TitlePage.Title + " · " + document.TitlePage.Period,
            Subject = document.TitlePage.PlanTitle,
            Author = document.TitlePage.Organisation,
            Creator = "Movilidad",
            Producer = "Movilidad (SkiaSharp)",
            Creation = generatedAt,
            Modified = generatedAt,
        };
        using (var pdf = SKDocument.CreatePdf(stream, metadata))
        {
            TitlePage(pdf.BeginPage(PageWidth, PageHeight), document.TitlePage);
            pdf.EndPage();
            var total = layout.Pages.Count + 1;
            for (var i = 0; i < layout.Pages.Count; i++)
            {
                var canvas = pdf.BeginPage(PageWidth, PageHeight);
                Frame(canvas, document, i + 2, total);
                foreach (var draw in layout.Pages[i])
                {
                    draw(canvas);
                }

                pdf.EndPage();
            }

            pdf.Close();
        }

        return stream.ToArray();
    }

    private static void TitlePage(SKCanvas canvas, ReportTitlePage page)
    {
        using var band = new SKPaint { Color = Brand };
        using var stripe = new SKPaint { Color = Accent };
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var ink = new SKPaint { Color = Ink, IsAntialias = true };
        using var muted = new SKPaint { Color = Muted, IsAntialias = true };
        using var organisation = new SKFont(ReportFonts.Bold, 12);
        using var title = new SKFont(ReportFonts.Bold, 30);
        using var plan = new SKFont(ReportFonts.Regular, 15);
        using var period = new SKFont(ReportFonts.Bold, 18);
        using var body = new SKFont(ReportFonts.Regular, 10.5f);

        canvas.DrawRect(0, 0, PageWidth, 330, band);
        canvas.DrawRect(0, 330, PageWidth, 8, stripe);
        canvas.DrawText(page.Organisation.ToUpper(CultureInfo.InvariantCulture), Left, 92, SKTextAlign.Left, organisation, white);
        var y = 170f;
        foreach (var line in Wrap(page.Title, title, Right - Left))
        {
            canvas.DrawText(line, Left, y, SKTextAlign.Left, title, white);
            y += 38;
        }

        y += 6;
        canvas.DrawText(page.Period, Left, y, SKTextAlign.Left, period, white);

        y = 400;
        foreach (var line in Wrap(page.PlanTitle, plan, Right - Left))
        {
            canvas.DrawText(line, Left, y, SKTextAlign.Left, plan, ink);
            y += 21;
        }

        y += 18;
        foreach (var fact in page.Facts)
        {
            canvas.DrawText(fact, Left, y, SKTextAlign.Left, body, muted);
            y += 16;
        }

        y += 30;
        foreach (var line in Wrap(page.Purpose, body, Right - Left))
        {
            canvas.DrawText(line, Left, y, SKTextAlign.Left, body, ink);
            y += 15;
        }

        using var rule = new SKPaint { Color = Rule, StrokeWidth = 0.8f };
        canvas.DrawLine(Left, PageHeight - 90, Right, PageHeight - 90, rule);
        canvas.DrawText("Movilidad", Left, PageHeight - 72, SKTextAlign.Left, body, muted);
    }

    private static void Frame(SKCanvas canvas, ReportDocument document, int number, int total)
    {
        using var small = new SKFont(ReportFonts.Regular, 8);
        using var muted = new SKPaint { Color = Muted, IsAntialias = true };
        using var rule = new SKPaint { Color = Rule, StrokeWidth = 0.6f };
        canvas.DrawText(document.RunningHead, Left, 46, SKTextAlign.Left, small, muted);
        canvas.DrawText(document.TitlePage.Organisation, Right, 46, SKTextAlign.Right, small, muted);
        canvas.DrawLine(Left, 52, Right, 52, rule);
        canvas.DrawLine(Left, PageHeight - 52, Right, PageHeight - 52, rule);
        canvas.DrawText(string.Format(CultureInfo.InvariantCulture, document.PageNumbering, number, total), PageWidth / 2, PageHeight - 38, SKTextAlign.Center, small, muted);
    }

    /// <summary>Words into lines no wider than <paramref name="width"/>; a line break in the text starts a new line, a word too long is cut.</summary>
    internal static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var hard in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in hard.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (font.MeasureText(candidate) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (font.MeasureText(line) > width && line.Length > 1)
                {
                    var fit = line.Length - 1;
                    while (fit > 1 && font.MeasureText(line[..fit]) > width)
                    {
                        fit--;
                    }

                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>The pages after the title page, each a list of drawings, so the total is known before the numbers are drawn.</summary>
    private sealed class Layout : IDisposable
    {
        private readonly List<SKFont> fonts = [];
        private float y = Top;

        /// <summary>A font that the page drawings keep using until the document is written; disposed with the layout.</summary>
        private SKFont Font(SKTypeface typeface, float size)
        {
            var font = new SKFont(typeface, size);
            fonts.Add(font);
            return font;
        }

        public void Dispose()
        {
            foreach (var font in fonts)
            {
                font.Dispose();
            }
        }

        public List<List<Action<SKCanvas>>> Pages { get; } = [[]];

        private List<Action<SKCanvas>> Page => Pages[^1];

        private bool AtTop => Page.Count == 0;

        private void NewPage()
        {
            Pages.Add([]);
            y = Top;
        }

        private void Ensure(float height)
        {
            if (y + height > Bottom && !AtTop)
            {
                NewPage();
            }
        }

        public void Heading(Heading heading)
        {
            var (size, colour, before, after) = heading.Level switch
            {
                1 => (18f, Brand, 24f, 10f),
                2 => (13f, Ink, 14f, 6f),
                _ => (11f, Accent, 10f, 4f),
            };
            var font = Font(ReportFonts.Bold, size);
            var lines = Wrap(heading.Text, font, Right - Left);
            var lineHeight = size * 1.3f;
            // Sections flow on from one another (a short one does not leave the rest of its page empty); a heading is kept
            // with what follows it: a line of text, or a subheading and a table's first rows.
            y += AtTop ? 0 : before;
            Ensure((lines.Count * lineHeight) + (heading.Level == 2 ? 120 : heading.Level == 1 ? 140 : 70));

            foreach (var line in lines)
            {
                var at = y + size;
                Page.Add(canvas =>
                {
                    using var paint = new SKPaint { Color = colour, IsAntialias = true };
                    canvas.DrawText(line, Left, at, SKTextAlign.Left, font, paint);
                });
                y += lineHeight;
            }

            if (heading.Level == 1)
            {
                var at = y + 2;
                Page.Add(canvas =>
                {
                    using var paint = new SKPaint { Color = Brand, StrokeWidth = 1.2f };
                    canvas.DrawLine(Left, at, Left + 60, at, paint);
                });
                y += 6;
            }

            y += after;
        }

        public void Paragraph(Paragraph paragraph)
        {
            var font = Font(ReportFonts.Regular, paragraph.IsNote ? 9 : 10);
            var colour = paragraph.IsNote ? Muted : Ink;
            var lineHeight = paragraph.IsNote ? 13f : 14.5f;
            foreach (var line in Wrap(paragraph.Text, font, Right - Left))
            {
                Ensure(lineHeight);
                var at = y + 10;
                Page.Add(canvas =>
                {
                    using var paint = new SKPaint { Color = colour, IsAntialias = true };
                    canvas.DrawText(line, Left, at, SKTextAlign.Left, font, paint);
                });
                y += lineHeight;
            }

            y += 6;
        }

        public void Chart(BarChart chart)
        {
            var height = ReportChart.Height(chart);
            y += 4;
            Ensure(height);
            var at = y;
            Page.Add(canvas => ReportChart.Draw(canvas, chart, Left, at, Right - Left));
            y += height + 8;
        }

        public void Table(Table table)
        {
            var regular = Font(ReportFonts.Regular, 8);
            var bold = Font(ReportFonts.Bold, 8);
            const float lineHeight = 11;
            var totalWidth = table.Columns.Sum(c => c.Width);
            var widths = table.Columns.Select(c => (Right - Left) * c.Width / totalWidth).ToArray();

            List<string>[] Cells(IReadOnlyList<string> row, SKFont font) =>
                row.Select((text, i) => Wrap(text, font, widths[i] - (2 * CellPadding))).ToArray();

            float Height(List<string>[] cells) => (cells.Max(c => c.Count) * lineHeight) + (2 * CellPadding);

            var header = Cells(table.Columns.Select(c => c.Header).ToList(), bold);
            var headerHeight = Height(header);

            void DrawRow(List<string>[] cells, float height, SKFont font, SKColor? fill, SKColor text, bool topRule)
            {
                var at = y;
                Page.Add(canvas =>
                {
                    if (fill is { } background)
                    {
                        using var paint = new SKPaint { Color = background };
                        canvas.DrawRect(Left, at, Right - Left, height, paint);
                    }

                    using var rule = new SKPaint { Color = Rule, StrokeWidth = topRule ? 1 : 0.5f };
                    canvas.DrawLine(Left, at + height, Right, at + height, rule);
                    if (topRule)
                    {
                        using var strong = new SKPaint { Color = Ink, StrokeWidth = 0.8f };
                        canvas.DrawLine(Left, at, Right, at, strong);
                    }

                    using var ink = new SKPaint { Color = text, IsAntialias = true };
                    var x = Left;
                    for (var c = 0; c < cells.Length; c++)
                    {
                        var numeric = table.Columns[c].Numeric;
                        var lineY = at + CellPadding + 8;
                        foreach (var line in cells[c])
                        {
                            if (numeric)
                            {
                                canvas.DrawText(line, x + widths[c] - CellPadding, lineY, SKTextAlign.Right, font, ink);
                            }
                            else
                            {
                                canvas.DrawText(line, x + CellPadding, lineY, SKTextAlign.Left, font, ink);
                            }

                            lineY += lineHeight;
                        }

                        x += widths[c];
                    }
                });
                y += height;
            }

            void Header() => DrawRow(header, headerHeight, bold, Brand, SKColors.White, topRule: false);

            y += 2;
            Ensure(headerHeight + 30);
            Header();
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var total = table.TotalRow && r == table.Rows.Count - 1;
                var font = total ? bold : regular;
                var cells = Cells(table.Rows[r], font);
                var height = Height(cells);
                if (y + height > Bottom)
                {
                    NewPage();
                    Header();
                }

                DrawRow(cells, height, font, total ? null : r % 2 == 1 ? Stripe : null, Ink, topRule: total);
            }

            y += 12;
        }
    }
}
