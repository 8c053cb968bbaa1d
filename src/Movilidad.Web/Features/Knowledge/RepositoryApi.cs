using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Knowledge;
using Movilidad.Platform.Localization;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Knowledge;

/// <summary>One line of the repository list.</summary>
public sealed record RepositorySummary(
    int Id, string Kind, string Type, Bilingual Title, Bilingual Summary, IReadOnlyList<string> MissingLanguages, IReadOnlyList<string> Countries,
    IReadOnlyList<string> Lines, string? Language, DateOnly? Date, string Status, string Audience, string GenderLens, bool IsDraft);

/// <summary>A page of the list with the counts of every filter value over the items that match the other filters.</summary>
public sealed record RepositoryPage(int Total, int Page, int PageSize, IReadOnlyList<RepositorySummary> Items, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets);

/// <summary>The list's filters, as the address carries them.</summary>
public sealed record RepositoryFilter(string? Type, string? Country, string? Line, string? Lens, string? Lang, int? Year, string? Topic, string? Status, int Page)
{
    public const int PageSize = 50;
}

/// <summary>
/// The repository for machine readers: the list with facets, an item, proposal (JSON for links and references, multipart
/// for documents), edits, review, publication, file versions and downloads, and a toolkit as one ZIP with its manifest.
/// </summary>
public static class RepositoryApi
{
    /// <summary>An upload's largest body: the largest file and its metadata.</summary>
    public const long UploadBodyBytes = RepositoryLimits.FileBytes + (1024 * 1024);

    public static IEndpointRouteBuilder MapRepositoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/repository").WithTags("Repository").AddEndpointFilter(ApiAntiforgery.RequireForCookies);

        api.MapGet("/", async (string? type, string? country, string? line, string? lens, string? lang, int? year, string? topic, string? status, int? page,
                HttpContext http, MovilidadDb db, CancellationToken ct) =>
                TypedResults.Ok(await db.RepositoryItems.AsNoTracking().VisibleTo(http.User).PageAsync(new RepositoryFilter(type, country, line, lens, lang, year, topic, status, Math.Max(1, page ?? 1)), ct)))
            .AllowAnonymous()
            .WithSummary("Repository items the reader may read, 50 a page, filtered by type, country, line (plan element code), gender lens, language, year, topic and status, with the counts of each filter's values.");

        api.MapGet("/{id:int}", async Task<IResult> (int id, HttpContext http, MovilidadDb db, CancellationToken ct) =>
                await db.RepositoryItems.VisibleTo(http.User).AnyAsync(i => i.Id == id, ct) && await RepositoryEditing.FindAsync(db, id, ct) is { } item
                    ? TypedResults.Ok(RepositoryEditing.View(item))
                    : NotFoundProblem.Of("repository item", id))
            .AllowAnonymous()
            .ProducesRead<RepositoryItemView>()
            .WithSummary("A repository item with its metadata, gender-perspective review, planning guide (toolkits) and file versions.");

        api.MapPost("/", async Task<IResult> (RepositoryProposal proposal, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                !await auth.CanAsync(http.User, RepositoryOperations.Propose)
                    ? TypedResults.Forbid()
                    : (await RepositoryEditing.ProposeAsync(db, proposal, null, AuditActor.From(http), clock, ct)).ToCreated("repository item", Location))
            .RequireAuthorization()
            .ProducesWrite<RepositoryItemView>(StatusCodes.Status201Created)
            .WithSummary("Proposes a link (kind link, url) or a reference to the platform's content (kind platform-content: contentKind practice, report or programme, contentKey) for review: anyone signed in.");

        api.MapPost("/documents", async Task<IResult> (HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await auth.CanAsync(http.User, RepositoryOperations.Propose))
                {
                    return TypedResults.Forbid();
                }

                var (form, upload, refusal) = await ReadUploadAsync(http, ct);
                if (refusal is not null)
                {
                    return refusal;
                }

                if (ReadMetadata(form!["metadata"].ToString()) is not { } proposal)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["metadata"] = ["Send the item's metadata as JSON in the multipart field 'metadata' (the body of POST /api/repository)."] });
                }

                return (await RepositoryEditing.ProposeAsync(db, proposal, upload, AuditActor.From(http), clock, ct)).ToCreated("repository item", Location);
            })
            .RequireAuthorization()
            .WithBodyLimit(UploadBodyBytes)
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesWrite<RepositoryItemView>(StatusCodes.Status201Created)
            .WithSummary("Proposes a document: multipart 'metadata' (JSON, kind document) and 'file' (PDF, DOCX, XLSX, PPTX, ODT, ODS, PNG, JPEG or SVG up to 20 MB; checked by content, no macros or active content).");

        api.MapPut("/{id:int}", async Task<IResult> (int id, RepositoryProposal proposal, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                await EditorAsync(id, http, db, auth, ct) is not { } curator
                    ? await RefuseAsync(id, db, ct)
                    : (await RepositoryEditing.EditAsync(db, id, proposal, curator, AuditActor.From(http), clock, ct)).ToHttp("repository item", id))
            .RequireAuthorization()
            .ProducesWrite<RepositoryItemView>()
            .WithSummary("Its proposer edits an item while proposed or returned (a returned one goes back to review); a curator edits any. Send the version you read; a stale one gets 409.");

        api.MapPost("/{id:int}/files", async Task<IResult> (int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
            {
                if (await EditorAsync(id, http, db, auth, ct) is not { } curator)
                {
                    return await RefuseAsync(id, db, ct);
                }

                var (form, upload, refusal) = await ReadUploadAsync(http, ct);
                if (refusal is not null)
                {
                    return refusal;
                }

                if (!int.TryParse(form!["version"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["Send the version of the item you read in the multipart field 'version'."] });
                }

                return (await RepositoryEditing.AddFileAsync(db, id, version, form["slot"].ToString(), upload!, curator, AuditActor.From(http), clock, ct)).ToHttp("repository item", id);
            })
            .RequireAuthorization()
            .WithBodyLimit(UploadBodyBytes)
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesWrite<RepositoryItemView>()
            .WithSummary("Adds a new version of a file: multipart 'file', 'version' (the item's) and 'slot' (document, or a toolkit asset's name). Earlier versions are kept.");

        api.MapPost("/{id:int}/review", async Task<IResult> (int id, RepositoryReview review, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                !await auth.CanAsync(http.User, RepositoryOperations.Curate)
                    ? TypedResults.Forbid()
                    : (await RepositoryEditing.ReviewAsync(db, id, review, AuditActor.From(http), clock, ct)).ToHttp("repository item", id))
            .RequireAuthorization()
            .ProducesWrite<RepositoryItemView>()
            .WithSummary("A curator or the Secretariat reviews a proposed item: the gender-perspective checklist items met, the lens (or the one they give), and decision accept or return (with a comment).");

        api.MapPost("/{id:int}/publish", async Task<IResult> (int id, RepositoryPublication publication, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                !await auth.CanAsync(http.User, RepositoryOperations.Curate)
                    ? TypedResults.Forbid()
                    : (await RepositoryEditing.PublishAsync(db, id, publication, AuditActor.From(http), clock, ct)).ToHttp("repository item", id))
            .RequireAuthorization()
            .ProducesWrite<RepositoryItemView>()
            .WithSummary("Publishes a reviewed item to everyone (audience public) or to signed-in readers (signed-in); a published one changes audience.");

        api.MapGet("/{id:int}/files/{fileId:int}", async Task<IResult> (int id, int fileId, HttpContext http, MovilidadDb db, CancellationToken ct) =>
                await FileAsync(db, http, id, f => f.Id == fileId, ct))
            .AllowAnonymous()
            .ProducesFile("application/octet-stream")
            .WithSummary("One version of a file of an item, as an attachment with its media type and SHA-256 (header Digest).");

        api.MapGet("/{id:int}/file", async Task<IResult> (int id, HttpContext http, MovilidadDb db, CancellationToken ct) =>
                await FileAsync(db, http, id, f => f.Slot == RepositoryFiles.DocumentSlot, ct))
            .AllowAnonymous()
            .ProducesFile("application/octet-stream")
            .WithSummary("The current version of a document's file, as an attachment with its media type.");

        var toolkits = app.MapGroup("/api/toolkits").WithTags("Repository").AddEndpointFilter(ApiAntiforgery.RequireForCookies);
        toolkits.MapGet("/{id:int}/download", async Task<IResult> (int id, HttpContext http, MovilidadDb db, CancellationToken ct) =>
                await db.RepositoryItems.AsNoTracking().VisibleTo(http.User).Where(i => i.Id == id && i.Kind == ItemKind.Toolkit).Select(i => (int?)i.Id).SingleOrDefaultAsync(ct) is null
                    ? NotFoundProblem.Of("toolkit", id)
                    : TypedResults.File(await ToolkitPackage.ZipAsync(db, id, ct), "application/zip", $"toolkit-{id.ToString(CultureInfo.InvariantCulture)}.zip"))
            .AllowAnonymous()
            .ProducesFile("application/zip")
            .WithSummary("A communication toolkit as one ZIP: manifest.json (metadata, guide, assets with versions and SHA-256), the planning guide in Spanish and English (Markdown) and the current version of every editable asset.");

        toolkits.MapPut("/{id:int}/guide", async Task<IResult> (int id, ToolkitGuideEdit edit, HttpContext http, MovilidadDb db, IAuthorizationService auth, TimeProvider clock, CancellationToken ct) =>
                !await auth.CanAsync(http.User, RepositoryOperations.Curate)
                    ? TypedResults.Forbid()
                    : (await ToolkitGuides.EditAsync(db, id, edit, AuditActor.From(http), clock, ct)).ToHttp("toolkit", id))
            .RequireAuthorization()
            .ProducesWrite<RepositoryItemView>()
            .WithSummary("The Secretariat or a curator replaces a toolkit's planning guide (steps, audiences, channels, calendar template, messages per audience in Spanish and English); complete true marks it no longer a draft to complete (both languages are then required). Send the item's version you read; a stale one gets 409.");
        return app;
    }

    private static string Location(RepositoryItemView item) => "/api/repository/" + RepositoryEditing.Id(item.Id);

    private static RepositoryProposal? ReadMetadata(string json)
    {
        try
        {
            return string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<RepositoryProposal>(json, ToolkitLoader.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<(IFormCollection? Form, RepositoryEditing.Upload? Upload, IResult? Refusal)> ReadUploadAsync(HttpContext http, CancellationToken ct)
    {
        var form = await MultipartForm.ReadAsync(http, UploadBodyBytes, ct);
        if (form?.Files.GetFile("file") is not { } file)
        {
            return (null, null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Send the file as the multipart field 'file'."] }));
        }

        if (file.Length > RepositoryLimits.FileBytes)
        {
            return (null, null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [RepositoryEditing.Message(RepositoryFiles.TooLarge)] }));
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return (form, new RepositoryEditing.Upload(file.FileName ?? "file", buffer.ToArray()), null);
    }

    /// <summary>Whether the reader edits the item: null when not; otherwise whether as a curator (any item) or as its proposer.</summary>
    private static async Task<bool?> EditorAsync(int id, HttpContext http, MovilidadDb db, IAuthorizationService auth, CancellationToken ct)
    {
        if (await auth.CanAsync(http.User, RepositoryOperations.Curate))
        {
            return true;
        }

        var owner = await db.RepositoryItems.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.ProposedById }).SingleOrDefaultAsync(ct);
        return owner is not null && await auth.CanAsync(http.User, RepositoryOperations.EditOwn, RepositoryEditing.ScopeOf(owner.ProposedById, http.User)) ? false : null;
    }

    private static async Task<IResult> RefuseAsync(int id, MovilidadDb db, CancellationToken ct) =>
        await db.RepositoryItems.AnyAsync(i => i.Id == id, ct) ? TypedResults.Forbid() : NotFoundProblem.Of("repository item", id);

    private static async Task<IResult> FileAsync(MovilidadDb db, HttpContext http, int id, System.Linq.Expressions.Expression<Func<RepositoryFile, bool>> which, CancellationToken ct)
    {
        if (!await db.RepositoryItems.VisibleTo(http.User).AnyAsync(i => i.Id == id, ct))
        {
            return NotFoundProblem.Of("repository item", id);
        }

        var file = await db.RepositoryFiles.AsNoTracking().Where(f => f.ItemId == id).Where(which).OrderByDescending(f => f.FileVersion)
            .Select(f => new { f.Name, f.ContentType, f.Sha256, f.Content!.Bytes }).FirstOrDefaultAsync(ct);
        if (file is null)
        {
            return NotFoundProblem.Of("file", id);
        }

        http.Response.Headers["Digest"] = "sha-256=" + Convert.ToBase64String(Convert.FromHexString(file.Sha256));
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file.Bytes, file.ContentType, file.Name);
    }

    public static async Task<RepositoryPage> PageAsync(this IQueryable<RepositoryItem> items, RepositoryFilter filter, CancellationToken ct)
    {
        // The facets of one filter count the items that match every other filter, so each list shows what choosing a value
        // would give. Every count is grouped by the database: single values by value, code lists (|GT|MX|) by the whole list
        // (few distinct lists), which are then split and added up here.
        var type = RepositoryVocabulary.Parse<ItemType>(filter.Type);
        var lens = RepositoryVocabulary.Parse<GenderLens>(filter.Lens);
        var status = RepositoryVocabulary.Parse<ItemStatus>(filter.Status);
        var scoped = items
            .Where(i => filter.Topic == null || EF.Functions.Like(i.Topics, CodeList.Pattern(filter.Topic)))
            .Where(i => status == null || i.Status == status);
        IQueryable<RepositoryItem> Matching(string except) => scoped
            .Where(i => except == "type" || type == null || i.Type == type)
            .Where(i => except == "country" || filter.Country == null || EF.Functions.Like(i.Countries, CodeList.Pattern(filter.Country)))
            .Where(i => except == "line" || filter.Line == null || EF.Functions.Like(i.Lines, CodeList.Pattern(filter.Line)))
            .Where(i => except == "genderLens" || lens == null || i.GenderLens == lens)
            .Where(i => except == "language" || filter.Lang == null || i.Language == filter.Lang)
            .Where(i => except == "year" || filter.Year == null || (i.Date != null && i.Date.Value.Year == filter.Year));
        static IReadOnlyDictionary<string, int> Ordered(IEnumerable<(string Value, int Count)> counts) =>
            counts.GroupBy(c => c.Value, StringComparer.Ordinal).Select(g => (g.Key, Count: g.Sum(c => c.Count)))
                .OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count, StringComparer.Ordinal);
        async Task<IReadOnlyDictionary<string, int>> CodesAsync(string facet, System.Linq.Expressions.Expression<Func<RepositoryItem, string>> list) =>
            Ordered((await Matching(facet).GroupBy(list).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .SelectMany(g => CodeList.Split(g.Key).Select(code => (code, g.Count))));

        var facets = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal)
        {
            ["type"] = Ordered((await Matching("type").GroupBy(i => i.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .Select(g => (RepositoryVocabulary.Kebab(g.Key), g.Count))),
            ["country"] = await CodesAsync("country", i => i.Countries),
            ["line"] = await CodesAsync("line", i => i.Lines),
            ["genderLens"] = Ordered((await Matching("genderLens").GroupBy(i => i.GenderLens).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .Select(g => (RepositoryVocabulary.Kebab(g.Key), g.Count))),
            ["language"] = Ordered((await Matching("language").Where(i => i.Language != null).GroupBy(i => i.Language!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .Select(g => (g.Key, g.Count))),
            ["year"] = Ordered((await Matching("year").Where(i => i.Date != null).GroupBy(i => i.Date!.Value.Year).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .Select(g => (g.Key.ToString(CultureInfo.InvariantCulture), g.Count))),
        };
        var matching = Matching(string.Empty);
        var total = await matching.CountAsync(ct);
        var page = await matching.OrderByDescending(i => i.Id).Skip((int)Math.Min((filter.Page - 1L) * RepositoryFilter.PageSize, int.MaxValue)).Take(RepositoryFilter.PageSize)
            .Select(i => new { i.Id, i.Kind, i.Type, i.Title, i.Summary, i.Countries, i.Lines, i.Language, i.Date, i.Status, i.Audience, i.GenderLens, i.IsDraft })
            .ToListAsync(ct);
        return new RepositoryPage(total, filter.Page, RepositoryFilter.PageSize,
            page.Select(i => new RepositorySummary(i.Id, RepositoryVocabulary.Kebab(i.Kind), RepositoryVocabulary.Kebab(i.Type), i.Title, i.Summary,
                RepositoryEditing.Missing(i.Title), CodeList.Split(i.Countries), CodeList.Split(i.Lines), i.Language, i.Date,
                RepositoryVocabulary.Kebab(i.Status), RepositoryVocabulary.Kebab(i.Audience), RepositoryVocabulary.Kebab(i.GenderLens), i.IsDraft)).ToList(),
            facets);
    }
}

/// <summary>A toolkit as one ZIP a partner downloads: its manifest, its guide in both languages and its assets' current versions.</summary>
public static class ToolkitPackage
{
    public const string ManifestName = "manifest.json";

    private static readonly JsonSerializerOptions Indented = new(ToolkitLoader.Json) { WriteIndented = true };

    public static async Task<byte[]> ZipAsync(MovilidadDb db, int id, CancellationToken ct)
    {
        var item = await RepositoryEditing.FindAsync(db, id, ct) ?? throw new InvalidOperationException($"No toolkit {id}.");
        var view = RepositoryEditing.View(item);
        var current = item.Files.GroupBy(f => f.Slot, StringComparer.Ordinal).Select(g => g.MaxBy(f => f.FileVersion)!).OrderBy(f => f.Slot, StringComparer.Ordinal).ToList();
        var fileIds = current.Select(f => f.Id).ToList();
        var bytes = await db.RepositoryFileContents.AsNoTracking().Where(c => fileIds.Contains(c.FileId)).ToDictionaryAsync(c => c.FileId, c => c.Bytes, ct);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var manifest = new
            {
                toolkit = view.Id,
                version = view.Version,
                title = view.Title,
                summary = view.Summary,
                draft = view.IsDraft,
                lines = view.Lines,
                objectives = view.Objectives,
                topics = view.Topics,
                licence = view.Licence,
                guide = view.Guide,
                assets = current.Select(f => new { path = "assets/" + f.Name, slot = f.Slot, fileVersion = f.FileVersion, contentType = f.ContentType, size = f.Size, sha256 = f.Sha256 }),
            };
            await WriteAsync(zip, ManifestName, JsonSerializer.SerializeToUtf8Bytes(manifest, Indented), ct);
            await WriteAsync(zip, "guide.es.md", Encoding.UTF8.GetBytes(GuideText(view, es: true)), ct);
            await WriteAsync(zip, "guide.en.md", Encoding.UTF8.GetBytes(GuideText(view, es: false)), ct);
            foreach (var file in current)
            {
                await WriteAsync(zip, "assets/" + file.Name, bytes[file.Id], ct);
            }
        }

        return buffer.ToArray();
    }

    private static async Task WriteAsync(ZipArchive zip, string name, byte[] content, CancellationToken ct)
    {
        await using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        await stream.WriteAsync(content, ct);
    }

    /// <summary>The planning guide as Markdown in one language.</summary>
    public static string GuideText(RepositoryItemView toolkit, bool es)
    {
        string L(Bilingual text) => es ? text.Es : text.En;
        var guide = toolkit.Guide;
        var text = new StringBuilder();
        text.Append("# ").Append(L(toolkit.Title)).Append("\n\n");
        if (toolkit.IsDraft)
        {
            text.Append(es ? "> Borrador para completar con cada país antes de la campaña.\n\n" : "> Draft to complete with each country before the campaign.\n\n");
        }

        text.Append(L(toolkit.Summary)).Append("\n\n");
        if (guide is null)
        {
            return text.ToString();
        }

        text.Append(es ? "## Pasos\n\n" : "## Steps\n\n");
        foreach (var (step, i) in guide.Steps.Select((s, i) => (s, i + 1)))
        {
            text.Append(i.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(L(step)).Append('\n');
        }

        text.Append(es ? "\n## Audiencias\n\n" : "\n## Audiences\n\n");
        foreach (var audience in guide.Audiences)
        {
            text.Append("- ").Append(L(audience.Name)).Append('\n');
        }

        text.Append(es ? "\n## Canales\n\n" : "\n## Channels\n\n");
        foreach (var channel in guide.Channels)
        {
            text.Append("- ").Append(L(channel)).Append('\n');
        }

        text.Append(es ? "\n## Calendario\n\n| Semana | Actividad |\n|---|---|\n" : "\n## Calendar\n\n| Week | Activity |\n|---|---|\n");
        foreach (var week in guide.Calendar)
        {
            text.Append("| ").Append(week.Week.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(L(week.Activity)).Append(" |\n");
        }

        text.Append(es ? "\n## Mensajes por audiencia\n\n" : "\n## Messages per audience\n\n");
        foreach (var message in guide.Messages)
        {
            var audience = guide.Audiences.FirstOrDefault(a => a.Key == message.Audience)?.Name ?? new Bilingual(message.Audience, message.Audience);
            text.Append("- **").Append(L(audience)).Append("**: ").Append(L(message.Text)).Append('\n');
        }

        return text.ToString();
    }
}
