namespace Movilidad.Web.Features.Reports;

/// <summary>
/// A report as a neutral document: what the sections say, with no format in it. <see cref="DocxReport"/>,
/// <see cref="PdfReport"/> and the report page each render the same document.
/// </summary>
/// <remarks><c>PageNumbering</c> says how a page is numbered, with {0} for the page and {1} for the number of pages.</remarks>
public sealed record ReportDocument(string Language, ReportTitlePage TitlePage, string RunningHead, string PageNumbering, IReadOnlyList<Block> Blocks);

/// <summary>The first page: who reports, on what, for which semester, and where the report stands.</summary>
public sealed record ReportTitlePage(string Organisation, string Title, string PlanTitle, string Period, string Status, IReadOnlyList<string> Facts, string Purpose);

public abstract record Block;

/// <summary>A heading: level 1 opens a section, 2 and 3 divide it.</summary>
public sealed record Heading(int Level, string Text) : Block;

/// <summary>A paragraph; its language is set (es, en) when its text is in a language other than the document's.</summary>
public sealed record Paragraph(string Text, string? Language = null, bool IsNote = false) : Block;

public sealed record TableColumn(string Header, int Width, bool Numeric = false);

/// <summary>A table with a header row; with TotalRow its last row holds the totals.</summary>
public sealed record Table(IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, bool TotalRow = false) : Block;

public sealed record ChartSeries(string Name, string Color, IReadOnlyList<double> Values);

/// <summary>A horizontal bar chart, stacked by series: one bar per category. Drawn by <see cref="ReportChart"/>.</summary>
public sealed record BarChart(string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series) : Block;
