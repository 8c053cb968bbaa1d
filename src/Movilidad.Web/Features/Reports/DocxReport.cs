using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using WParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace Movilidad.Web.Features.Reports;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as an editable Word document: real styles (Title, Heading 1-3, a table
/// style with a repeated header row), a title page without header, and a header and footer with the page number
/// on every other page. The document's language is set on its styles, and a paragraph in the other language says so.
/// </summary>
public static class DocxReport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string TableStyleId = "ReportTable";

    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int Margin = 1134;
    private const int ContentWidth = PageWidth - (2 * Margin);
    private const long EmuPerPoint = 12700;

    public static string Tag(string language) => language == "en" ? "en-GB" : "es-ES";

    public static byte[] ToDocx(ReportDocument document, DateTime generatedAt)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = document.TitlePage.Title + " · " + document.TitlePage.Period;
            word.PackageProperties.Subject = document.TitlePage.PlanTitle;
            word.PackageProperties.Creator = document.TitlePage.Organisation;
            word.PackageProperties.Language = Tag(document.Language);
            word.PackageProperties.Created = generatedAt;

            var main = word.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = Styles(document.Language);
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new WParagraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "Header" }, new Tabs(new TabStop { Val = TabStopValues.Right, Position = ContentWidth })),
                new Run(new Text(document.RunningHead) { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new TabChar()),
                new Run(new Text(document.TitlePage.Organisation))));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(PageNumber(document.PageNumbering));

            var body = new Body();
            TitlePage(body, document.TitlePage);
            foreach (var block in document.Blocks)
            {
                switch (block)
                {
                    case Heading heading:
                        body.Append(Styled("Heading" + heading.Level.ToString(CultureInfo.InvariantCulture), heading.Text));
                        break;
                    case Paragraph paragraph:
                        body.Append(Text(paragraph));
                        break;
                    case Table table:
                        body.Append(Table(table));
                        body.Append(new WParagraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" })));
                        break;
                    case BarChart chart:
                        body.Append(Chart(main, chart));
                        break;
                    default:
                        throw new InvalidOperationException($"The Word report cannot write a {block.GetType().Name}.");
                }
            }

            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = Margin + 283, Bottom = Margin, Left = Margin, Right = Margin, Header = 567, Footer = 567, Gutter = 0 },
                new TitlePage()));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static void TitlePage(Body body, ReportTitlePage page)
    {
        body.Append(Styled("Organisation", page.Organisation));
        body.Append(Styled("Title", page.Title));
        body.Append(Styled("Subtitle", page.Period));
        body.Append(Styled("PlanTitle", page.PlanTitle));
        foreach (var fact in page.Facts)
        {
            body.Append(Styled("Note", fact));
        }

        body.Append(Styled("Purpose", page.Purpose));
        body.Append(new WParagraph(new Run(new Break { Type = BreakValues.Page })));
    }

    private static WParagraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static WParagraph Text(Paragraph paragraph)
    {
        var run = new Run(new Text(paragraph.Text) { Space = SpaceProcessingModeValues.Preserve });
        if (paragraph.Language is { } language)
        {
            run.PrependChild(new RunProperties(new Languages { Val = Tag(language) }));
        }

        return paragraph.IsNote
            ? new WParagraph(new ParagraphProperties(new ParagraphStyleId { Val = "Note" }), run)
            : new WParagraph(run);
    }

    /// <summary>"Página {0} de {1}": the text around the placeholders, with PAGE and NUMPAGES fields in their place.</summary>
    private static WParagraph PageNumber(string numbering)
    {
        var paragraph = new WParagraph(new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Justification { Val = JustificationValues.Center }));
        var rest = numbering;
        while (rest.Length > 0)
        {
            var page = rest.IndexOf("{0}", StringComparison.Ordinal);
            var pages = rest.IndexOf("{1}", StringComparison.Ordinal);
            var next = new[] { page, pages }.Where(i => i >= 0).DefaultIfEmpty(-1).Min();
            if (next < 0)
            {
                paragraph.Append(new Run(new Text(rest) { Space = SpaceProcessingModeValues.Preserve }));
                break;
            }

            if (next > 0)
            {
                paragraph.Append(new Run(new Text(rest[..next]) { Space = SpaceProcessingModeValues.Preserve }));
            }

            paragraph.Append(new SimpleField(new Run(new Text("1"))) { Instruction = next == page ? " PAGE " : " NUMPAGES " });
            rest = rest[(next + 3)..];
        }

        return paragraph;
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Table Table(Table table)
    {
        var totalWidth = table.Columns.Sum(c => c.Width);
        var widths = table.Columns.Select(c => ContentWidth * c.Width / totalWidth).ToArray();
        var result = new DocumentFormat.OpenXml.Wordprocessing.Table(
            new TableProperties(
                new TableStyle { Val = TableStyleId },
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableLook { Val = table.TotalRow ? "0660" : "0620", FirstRow = true, LastRow = table.TotalRow, FirstColumn = false, LastColumn = false, NoHorizontalBand = false, NoVerticalBand = true }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        result.Append(Row(table.Columns.Select(c => c.Header).ToList(), table, widths, header: true));
        foreach (var row in table.Rows)
        {
            result.Append(Row(row, table, widths, header: false));
        }

        return result;
    }

    private static TableRow Row(IReadOnlyList<string> cells, Table table, int[] widths, bool header)
    {
        var row = new TableRow(header ? new TableRowProperties(new TableHeader(), new CantSplit()) : new TableRowProperties(new CantSplit()));
        for (var c = 0; c < cells.Count; c++)
        {
            var paragraph = new WParagraph(new ParagraphProperties(
                new ParagraphStyleId { Val = "TableText" },
                new Justification { Val = table.Columns[c].Numeric ? JustificationValues.Right : JustificationValues.Left }));
            var lines = cells[c].Split('\n');

            // White on the header's blue set on the run itself: the table text's paragraph style would otherwise win over
            // the table style's header colour (Word's order of precedence; LibreOffice showed dark text on dark blue).
            var run = header ? new Run(new RunProperties(new Bold(), new Color { Val = "FFFFFF" })) : new Run();
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    run.Append(new Break());
                }

                run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            }

            paragraph.Append(run);
            row.Append(new TableCell(new TableCellProperties(new TableCellWidth { Width = widths[c].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }), paragraph));
        }

        return row;
    }

    private static WParagraph Chart(MainDocumentPart main, BarChart chart)
    {
        const float width = 480;
        var png = ReportChart.ToPng(chart, width);
        var image = main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(png))
        {
            image.FeedData(data);
        }

        var id = main.GetIdOfPart(image);
        var cx = (long)(width * EmuPerPoint);
        var cy = (long)(ReportChart.Height(chart) * EmuPerPoint);
        var number = (uint)(main.ImageParts.Count());
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = number, Name = "Chart " + number.ToString(CultureInfo.InvariantCulture), Description = chart.Title },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = 0, Name = "chart-" + number.ToString(CultureInfo.InvariantCulture) + ".png", Description = chart.Title },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0,
            DistanceFromBottom = 0,
            DistanceFromLeft = 0,
            DistanceFromRight = 0,
        };
        return new WParagraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Figure" }),
            new Run(new Drawing(inline)));
    }

    private static Styles Styles(string language)
    {
        static Style Paragraph(string id, string name, string? basedOn, int halfPoints, string colour, bool bold = false, bool italic = false,
            int before = 0, int after = 120, bool keepNext = false, int? outline = null, bool primary = false)
        {
            var paragraph = new StyleParagraphProperties();
            if (keepNext)
            {
                paragraph.Append(new KeepNext());
            }

            paragraph.Append(new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = after.ToString(CultureInfo.InvariantCulture) });
            if (outline is { } level)
            {
                paragraph.Append(new OutlineLevel { Val = level });
            }

            var run = new StyleRunProperties();
            if (bold)
            {
                run.Append(new Bold());
            }

            if (italic)
            {
                run.Append(new Italic());
            }

            run.Append(new Color { Val = colour });
            run.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
            var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
            if (basedOn is not null)
            {
                style.Append(new BasedOn { Val = basedOn });
                style.Append(new NextParagraphStyle { Val = "Normal" });
            }

            if (primary)
            {
                style.Append(new PrimaryStyle());
            }

            style.Append(paragraph, run);
            return style;
        }

        var normal = new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true };
        var headerRow = new TableStyleProperties(
            new RunPropertiesBaseStyle(new Bold(), new Color { Val = "FFFFFF" }),
            new TableStyleConditionalFormattingTableRowProperties(new TableHeader()),
            new TableStyleConditionalFormattingTableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "0B4F8A" }))
        { Type = TableStyleOverrideValues.FirstRow };
        var totalRow = new TableStyleProperties(
            new RunPropertiesBaseStyle(new Bold()),
            new TableStyleConditionalFormattingTableCellProperties(new TableCellBorders(new TopBorder { Val = BorderValues.Single, Size = 8, Color = "1B2733" })))
        { Type = TableStyleOverrideValues.LastRow };
        var band = new TableStyleProperties(
            new TableStyleConditionalFormattingTableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "F1F5F9" }))
        { Type = TableStyleOverrideValues.Band2Horizontal };
        var table = new Style(
            new StyleName { Val = "Report table" },
            new BasedOn { Val = "TableNormal" },
            new PrimaryStyle(),
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Color = "C9D4DE" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "C9D4DE" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "C9D4DE" }),
                new TableCellMarginDefault(
                    new TopMargin { Width = "57", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "57", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })),
            headerRow, totalRow, band)
        { Type = StyleValues.Table, StyleId = TableStyleId };
        var tableNormal = new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(),
            new StyleTableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa }))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true };

        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
                    new Color { Val = "1B2733" },
                    new FontSize { Val = "21" },
                    new Languages { Val = Tag(language), EastAsia = Tag(language), Bidi = Tag(language) })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            normal,
            Paragraph("Title", "Title", "Normal", 56, "0B4F8A", bold: true, before: 1200, after: 120, primary: true),
            Paragraph("Subtitle", "Subtitle", "Normal", 32, "1F7A68", bold: true, after: 480, primary: true),
            Paragraph("Organisation", "Organisation", "Normal", 22, "5A6B7B", bold: true, after: 0),
            Paragraph("PlanTitle", "Plan title", "Normal", 28, "1B2733", after: 360),
            Paragraph("Purpose", "Purpose", "Normal", 21, "1B2733", before: 480),
            Paragraph("Heading1", "heading 1", "Normal", 36, "0B4F8A", bold: true, before: 480, after: 160, keepNext: true, outline: 0, primary: true),
            Paragraph("Heading2", "heading 2", "Normal", 27, "1B2733", bold: true, before: 320, after: 100, keepNext: true, outline: 1, primary: true),
            Paragraph("Heading3", "heading 3", "Normal", 22, "1F7A68", bold: true, before: 200, after: 80, keepNext: true, outline: 2, primary: true),
            Paragraph("Note", "Note", "Normal", 19, "5A6B7B", italic: true, after: 80),
            Paragraph("Figure", "Figure", "Normal", 21, "1B2733", before: 120, after: 200),
            Paragraph("TableText", "Table text", "Normal", 17, "1B2733", after: 0),
            Paragraph("Header", "header", "Normal", 16, "5A6B7B", after: 0),
            Paragraph("Footer", "footer", "Normal", 16, "5A6B7B", after: 0),
            tableNormal,
            table);
    }
}
