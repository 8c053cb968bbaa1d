using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Data;
using Movilidad.Platform.Knowledge;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Writes;

namespace Movilidad.Web.Features.Knowledge;

/// <summary>
/// What a proposer writes (version 0 for a new item): kind (document, link, platform-content), type, titles and summaries
/// (one language may be left empty: it is shown as missing), the codes it is classified under and where it comes from.
/// </summary>
public sealed record RepositoryProposal(
    int Version, string? Kind, string? Type, Bilingual? Title, Bilingual? Summary,
    IReadOnlyList<string>? Countries, IReadOnlyList<string>? Lines, IReadOnlyList<int>? Objectives, IReadOnlyList<string>? Topics, IReadOnlyList<string>? Occupations,
    string? Language, DateOnly? Date, string? AuthorInstitution, string? Licence, string? Url, string? ContentKind, string? ContentKey);

/// <summary>One version of a file of an item, without its bytes.</summary>
public sealed record RepositoryFileView(int Id, string Slot, int FileVersion, string Name, string ContentType, long Size, string Sha256, DateTime UploadedAt);

/// <summary>An item as saved at one version: what the API answers and the audit trail keeps before and after each write.</summary>
public sealed record RepositoryItemView(
    int Id, int Version, string Kind, string Type, Bilingual Title, Bilingual Summary, IReadOnlyList<string> MissingLanguages,
    IReadOnlyList<string> Countries, IReadOnlyList<string> Lines, IReadOnlyList<string> Objectives, IReadOnlyList<string> Topics, IReadOnlyList<string> Occupations,
    string? Language, DateOnly? Date, string? AuthorInstitution, string? Licence, string? Url, string? ContentKind, string? ContentKey,
    string Status, string Audience, string GenderLens, IReadOnlyList<string> GenderChecklist, string? ReviewComment,
    int? ProposedById, DateTime ProposedAt, DateTime? ReviewedAt, DateTime? PublishedAt, bool IsDraft, ToolkitGuide? Guide, IReadOnlyList<RepositoryFileView> Files);

/// <summary>A curator's review: the gender-perspective checklist items met, the lens (or the one the checklist gives), and accept or return with a reason.</summary>
public sealed record RepositoryReview(int Version, string? Decision, IReadOnlyList<string>? Checklist, string? GenderLens, string? Comment);

/// <summary>Publication of a reviewed item: to everyone (<c>public</c>) or to signed-in readers (<c>signed-in</c>).</summary>
public sealed record RepositoryPublication(int Version, string? Audience);

/// <summary>
/// Curation of the repository: proposed → reviewed (gender checklist, lens) → published publicly or to signed-in readers;
/// or returned with a reason, edited and proposed again. Every step through the write kernel: version-checked, audited.
/// </summary>
public static class RepositoryEditing
{
    public const string EntityType = "repository-item";

    public static class Actions
    {
        public const string Propose = "propose";
        public const string Edit = "edit";
        public const string Accept = "review";
        public const string Return = "return";
        public const string Publish = AuditActions.Publish;
        public const string AddFile = "add-file";
    }

    public static readonly IReadOnlySet<string> ContentKinds = new HashSet<string>(StringComparer.Ordinal) { "practice", "report", "programme" };

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static RepositoryItemView View(RepositoryItem i) => new(
        i.Id, i.Version, RepositoryVocabulary.Kebab(i.Kind), RepositoryVocabulary.Kebab(i.Type), i.Title, i.Summary, Missing(i.Title),
        CodeList.Split(i.Countries), CodeList.Split(i.Lines), CodeList.Split(i.Objectives), CodeList.Split(i.Topics), CodeList.Split(i.Occupations),
        i.Language, i.Date, i.AuthorInstitution, i.Licence, i.Url, i.ContentKind, i.ContentKey,
        RepositoryVocabulary.Kebab(i.Status), RepositoryVocabulary.Kebab(i.Audience), RepositoryVocabulary.Kebab(i.GenderLens), CodeList.Split(i.GenderChecklist), i.ReviewComment,
        i.ProposedById, i.ProposedAt, i.ReviewedAt, i.PublishedAt, i.IsDraft,
        i.Guide is null ? null : JsonSerializer.Deserialize<ToolkitGuide>(i.Guide, ToolkitLoader.Json),
        i.Files.OrderBy(f => f.Slot, StringComparer.Ordinal).ThenByDescending(f => f.FileVersion)
            .Select(f => new RepositoryFileView(f.Id, f.Slot, f.FileVersion, f.Name, f.ContentType, f.Size, f.Sha256, f.UploadedAt)).ToList());

    public static IReadOnlyList<string> Missing(Bilingual title) =>
        [.. string.IsNullOrWhiteSpace(title.Es) ? new[] { "es" } : [], .. string.IsNullOrWhiteSpace(title.En) ? new[] { "en" } : []];

    public static Task<RepositoryItem?> FindAsync(MovilidadDb db, int id, CancellationToken ct) =>
        db.RepositoryItems.Include(i => i.Files).SingleOrDefaultAsync(i => i.Id == id, ct);

    /// <summary>How an item is written through the kernel; the audit keeps the view (file hashes, never the bytes or the extracted text).</summary>
    public static readonly Editable<RepositoryItem, RepositoryItemView> Items = new(EntityType, FindAsync, View, i => Id(i.Id));

    public static int? ReaderId(ClaimsPrincipal reader) =>
        int.TryParse(reader.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static ProposerScope ScopeOf(int? proposedById, ClaimsPrincipal reader) => new(proposedById is not null && proposedById == ReaderId(reader));

    public static bool Curates(ClaimsPrincipal reader) =>
        Grants.Of(reader).Any(g => RepositoryPermissions.Rules.Decides(g, RepositoryOperations.Curate, null));

    /// <summary>Published items the reader may read (public ones for everyone, the rest when signed in); curators see all; proposers their own.</summary>
    public static IQueryable<RepositoryItem> VisibleTo(this IQueryable<RepositoryItem> items, ClaimsPrincipal reader)
    {
        if (Curates(reader))
        {
            return items;
        }

        if (reader.Identity?.IsAuthenticated != true)
        {
            return items.Where(i => i.Status == ItemStatus.Published && i.Audience == ItemAudience.Public);
        }

        var id = ReaderId(reader) ?? -1;
        return items.Where(i => i.Status == ItemStatus.Published || i.ProposedById == id);
    }

    public static async Task<FieldErrors> ValidateAsync(MovilidadDb db, RepositoryProposal p, bool hasFile, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var kind = RepositoryVocabulary.Parse<ItemKind>(p.Kind);
        if (kind is null or ItemKind.Toolkit)
        {
            errors.Add("kind", "kind is document, link or platform-content.");
        }

        if (RepositoryVocabulary.Parse<ItemType>(p.Type) is null)
        {
            errors.Add("type", "type is one of " + string.Join(", ", Enum.GetValues<ItemType>().Select(RepositoryVocabulary.Kebab)) + ".");
        }

        errors.Text("title.es", p.Title?.Es, RepositoryLimits.Title, required: false);
        errors.Text("title.en", p.Title?.En, RepositoryLimits.Title, required: false);
        if (string.IsNullOrWhiteSpace(p.Title?.Es) && string.IsNullOrWhiteSpace(p.Title?.En))
        {
            errors.Add("title.es", "Give the title in Spanish, in English or both.");
        }

        errors.Text("summary.es", p.Summary?.Es, RepositoryLimits.Summary, required: false);
        errors.Text("summary.en", p.Summary?.En, RepositoryLimits.Summary, required: false);
        errors.Text("authorInstitution", p.AuthorInstitution, RepositoryLimits.Name, required: false);
        errors.Text("licence", p.Licence, RepositoryLimits.Name, required: false);

        var countries = p.Countries ?? [];
        var lines = p.Lines ?? [];
        var occupations = p.Occupations ?? [];
        await errors.ReferenceCodesAsync(db, countries, lines, occupations, ct);

        foreach (var (objective, i) in (p.Objectives ?? []).Select((o, i) => (o, i)).Where(x => x.o is < 1 or > 23))
        {
            errors.Add($"objectives[{i}]", $"The Global Compact has objectives 1 to 23, not {objective}.");
        }

        foreach (var (topic, i) in (p.Topics ?? []).Select((t, i) => (t, i)).Where(x => !RepositoryVocabulary.Topics.ContainsKey(x.t)))
        {
            errors.Add($"topics[{i}]", $"{topic} is not a topic: " + string.Join(", ", RepositoryVocabulary.Topics.Keys) + ".");
        }

        if (p.Language is { } language && (language.Length != 2 || !language.All(char.IsAsciiLetterLower)))
        {
            errors.Add("language", "language is an ISO 639-1 code: es, en, fr...");
        }

        var total = countries.Count + lines.Count + (p.Topics?.Count ?? 0) + occupations.Count + (p.Objectives?.Count ?? 0);
        if (total > 300)
        {
            errors.Add("countries", "An item names at most 300 codes in all.");
        }

        switch (kind)
        {
            case ItemKind.Link when !Uri.TryCreate(p.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || p.Url!.Length > RepositoryLimits.Url:
                errors.Add("url", "url is the http(s) address of the page or file linked.");
                break;
            case ItemKind.PlatformContent when p.ContentKind is null || !ContentKinds.Contains(p.ContentKind) || string.IsNullOrWhiteSpace(p.ContentKey) || p.ContentKey.Length > 100:
                errors.Add("contentKind", "contentKind is practice, report or programme, with its id or key in contentKey.");
                break;
            case ItemKind.Document when !hasFile && p.Version == 0:
                errors.Add("file", "A document is proposed with its file (multipart field 'file').");
                break;
            default:
                break;
        }

        return errors;
    }

    public static void Apply(RepositoryItem item, RepositoryProposal p)
    {
        item.Kind = RepositoryVocabulary.Parse<ItemKind>(p.Kind)!.Value;
        item.Type = RepositoryVocabulary.Parse<ItemType>(p.Type)!.Value;
        item.Title = new Bilingual(p.Title?.Es?.Trim() ?? string.Empty, p.Title?.En?.Trim() ?? string.Empty);
        item.Summary = new Bilingual(p.Summary?.Es?.Trim() ?? string.Empty, p.Summary?.En?.Trim() ?? string.Empty);
        item.Countries = CodeList.Join(p.Countries);
        item.Lines = CodeList.Join(p.Lines);
        item.Objectives = CodeList.Join((p.Objectives ?? []).Select(o => o.ToString(CultureInfo.InvariantCulture)));
        item.Topics = CodeList.Join(p.Topics);
        item.Occupations = CodeList.Join(p.Occupations);
        item.Language = p.Language;
        item.Date = p.Date;
        item.AuthorInstitution = Blank(p.AuthorInstitution);
        item.Licence = Blank(p.Licence);
        item.Url = item.Kind == ItemKind.Link ? p.Url : null;
        (item.ContentKind, item.ContentKey) = item.Kind == ItemKind.PlatformContent ? (p.ContentKind, p.ContentKey!.Trim()) : (null, null);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A file as uploaded: its name and bytes.</summary>
    public sealed record Upload(string Name, byte[] Content);

    /// <summary>A refused file's reason in the reader's language.</summary>
    public static string Message(FileCheck refused) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es" ? refused.ErrorEs! : refused.ErrorEn!;

    /// <summary>Checks an upload by content; the refusal names the field <c>file</c> in the reader's language.</summary>
    public static (RepositoryFile? File, string? Text, FieldErrors Errors) Prepare(Upload upload, string slot, int version, int? uploadedBy, DateTime now)
    {
        var errors = new FieldErrors();
        if (upload.Name.Length > RepositoryLimits.FileName)
        {
            errors.Add("file", Message(FileCheck.Refused(
                $"The file's name is longer than {RepositoryLimits.FileName} characters.", $"El nombre del archivo tiene más de {RepositoryLimits.FileName} caracteres.")));
            return (null, null, errors);
        }

        var check = RepositoryFiles.Check(upload.Name, upload.Content);
        if (check.Kind is not { } kind)
        {
            errors.Add("file", Message(check));
            return (null, null, errors);
        }

        string? text;
        try
        {
            text = RepositoryFiles.ExtractText(kind, upload.Content);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A file that passed the structural checks but whose text does not read is still kept; search then has its metadata only.
            text = null;
        }

        var file = new RepositoryFile
        {
            Slot = slot, FileVersion = version, Name = Path.GetFileName(upload.Name), ContentType = kind.ContentType, Size = upload.Content.Length,
            Sha256 = RepositoryFiles.Sha256(upload.Content), Content = new RepositoryFileContent { Bytes = upload.Content }, UploadedAt = now, UploadedById = uploadedBy,
        };
        return (file, text, errors);
    }

    public static async Task<WriteOutcome<RepositoryItemView>> ProposeAsync(MovilidadDb db, RepositoryProposal proposal, Upload? upload, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var errors = await ValidateAsync(db, proposal, upload is not null, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var item = new RepositoryItem { Status = ItemStatus.Proposed, ProposedAt = now, ProposedById = actor.AccountId };
        if (errors.Count == 0 && upload is not null && RepositoryVocabulary.Parse<ItemKind>(proposal.Kind) == ItemKind.Document)
        {
            var (file, text, fileErrors) = Prepare(upload, RepositoryFiles.DocumentSlot, 1, actor.AccountId, now);
            foreach (var (field, messages) in fileErrors)
            {
                errors[field] = messages;
            }

            if (file is not null)
            {
                item.Files.Add(file);
                item.ExtractedText = text;
            }
        }

        if (errors.Count > 0)
        {
            return new WriteOutcome<RepositoryItemView>.Invalid(errors);
        }

        Apply(item, proposal);
        return await db.CreateAsync(Items, item, actor, clock, ct, Actions.Propose);
    }

    /// <summary>The proposer changes a proposed or returned item (a returned one goes back to review); a curator changes any item.</summary>
    public static Task<WriteOutcome<RepositoryItemView>> EditAsync(MovilidadDb db, int id, RepositoryProposal proposal, bool curator, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.EditAsync(Items, id, proposal.Version, Actions.Edit, async item =>
        {
            var errors = await ValidateAsync(db, proposal with { Kind = item.Kind == ItemKind.Toolkit ? "document" : proposal.Kind }, true, ct);
            if (!curator && item.Status is not (ItemStatus.Proposed or ItemStatus.Returned))
            {
                errors.Add("status", "A reviewed or published item is changed by a curator.");
            }

            return (IDictionary<string, string[]>)errors;
        }, item =>
        {
            var kind = item.Kind;
            Apply(item, proposal);
            if (kind == ItemKind.Toolkit)
            {
                item.Kind = ItemKind.Toolkit;
                item.Type = ItemType.Toolkit;
            }

            item.Status = item.Status == ItemStatus.Returned ? ItemStatus.Proposed : item.Status;
            return Task.CompletedTask;
        }, actor, clock, ct);

    public static Task<WriteOutcome<RepositoryItemView>> AddFileAsync(MovilidadDb db, int id, int version, string? slot, Upload upload, bool curator, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        RepositoryFile? file = null;
        string? text = null;
        return db.EditAsync(Items, id, version, Actions.AddFile, item =>
        {
            var errors = new FieldErrors();
            var name = string.IsNullOrWhiteSpace(slot) ? RepositoryFiles.DocumentSlot : slot.Trim();
            if (name.Length > 60 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                errors.Add("slot", "slot is the asset's name: up to 60 letters, digits and hyphens (document for the item's own file).");
            }
            else if (item.Kind is ItemKind.Link or ItemKind.PlatformContent)
            {
                errors.Add("file", "A link or a reference to the platform's content has no file.");
            }
            else if (item.Kind == ItemKind.Document && name != RepositoryFiles.DocumentSlot)
            {
                errors.Add("slot", "A document has one file: slot document.");
            }
            else if (!curator && item.Status is not (ItemStatus.Proposed or ItemStatus.Returned))
            {
                errors.Add("status", "A reviewed or published item's files are changed by a curator.");
            }
            else
            {
                var next = item.Files.Where(f => f.Slot == name).Select(f => f.FileVersion).DefaultIfEmpty(0).Max() + 1;
                (file, text, var fileErrors) = Prepare(upload, name, next, actor.AccountId, clock.GetUtcNow().UtcDateTime);
                foreach (var (field, messages) in fileErrors)
                {
                    errors[field] = messages;
                }
            }

            return Task.FromResult<IDictionary<string, string[]>>(errors);
        }, item =>
        {
            item.Files.Add(file!);
            if (file!.Slot == RepositoryFiles.DocumentSlot)
            {
                item.ExtractedText = text;
            }

            return Task.CompletedTask;
        }, actor, clock, ct);
    }

    public static Task<WriteOutcome<RepositoryItemView>> ReviewAsync(MovilidadDb db, int id, RepositoryReview review, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.EditAsync(Items, id, review.Version, review.Decision == "return" ? Actions.Return : Actions.Accept, item =>
        {
            var errors = new FieldErrors();
            if (item.Status is not (ItemStatus.Proposed or ItemStatus.Reviewed))
            {
                errors.Add("status", $"A proposed item is reviewed; this one is {RepositoryVocabulary.Kebab(item.Status)}.");
            }

            if (review.Decision is not ("accept" or "return"))
            {
                errors.Add("decision", "decision is accept or return.");
            }
            else if (review.Decision == "return" && string.IsNullOrWhiteSpace(review.Comment))
            {
                errors.Add("comment", "comment is required: tell the proposer why the item is returned.");
            }

            errors.Text("comment", review.Comment, RepositoryLimits.Comment, required: false);
            foreach (var (key, i) in (review.Checklist ?? []).Select((k, i) => (k, i)).Where(x => !RepositoryVocabulary.GenderChecklist.ContainsKey(x.k)))
            {
                errors.Add($"checklist[{i}]", $"{key} is not an item of the checklist: " + string.Join(", ", RepositoryVocabulary.GenderChecklist.Keys) + ".");
            }

            if (review.GenderLens is not null && RepositoryVocabulary.Parse<GenderLens>(review.GenderLens) is null or GenderLens.NotAssessed)
            {
                errors.Add("genderLens", "genderLens is blind, sensitive, responsive or transformative (or left out: the checklist gives it).");
            }

            return Task.FromResult<IDictionary<string, string[]>>(errors);
        }, item =>
        {
            var met = (review.Checklist ?? []).Distinct(StringComparer.Ordinal).ToList();
            item.GenderChecklist = CodeList.Join(met);
            item.GenderLens = RepositoryVocabulary.Parse<GenderLens>(review.GenderLens) ?? RepositoryVocabulary.LensFor(met.Count);
            item.ReviewComment = string.IsNullOrWhiteSpace(review.Comment) ? null : review.Comment.Trim();
            item.Status = review.Decision == "return" ? ItemStatus.Returned : ItemStatus.Reviewed;
            item.ReviewedAt = clock.GetUtcNow().UtcDateTime;
            item.ReviewedById = actor.AccountId;
            return Task.CompletedTask;
        }, actor, clock, ct);

    public static Task<WriteOutcome<RepositoryItemView>> PublishAsync(MovilidadDb db, int id, RepositoryPublication publication, AuditActor actor, TimeProvider clock, CancellationToken ct) =>
        db.EditAsync(Items, id, publication.Version, Actions.Publish, item =>
        {
            var errors = new FieldErrors();
            if (item.Status is not (ItemStatus.Reviewed or ItemStatus.Published))
            {
                errors.Add("status", $"An item is reviewed (with the gender checklist) before it is published; this one is {RepositoryVocabulary.Kebab(item.Status)}.");
            }

            if (RepositoryVocabulary.Parse<ItemAudience>(publication.Audience) is null)
            {
                errors.Add("audience", "audience is public or signed-in.");
            }

            return Task.FromResult<IDictionary<string, string[]>>(errors);
        }, item =>
        {
            item.Audience = RepositoryVocabulary.Parse<ItemAudience>(publication.Audience)!.Value;
            item.PublishedAt ??= clock.GetUtcNow().UtcDateTime;
            item.Status = ItemStatus.Published;
            return Task.CompletedTask;
        }, actor, clock, ct);
}
