using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Knowledge;
using Movilidad.Platform.Localization;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Knowledge;

/// <summary>A row of a guide's list as the form shows it: a key or a week where the list has one, the Spanish and the English text.</summary>
public sealed class GuideRow
{
    public string? Key { get; set; }
    public string? Es { get; set; }
    public string? En { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(Es) && string.IsNullOrWhiteSpace(En);

    public Bilingual Text => new(Es ?? string.Empty, En ?? string.Empty);
}

/// <summary>The guide form: every list as rows (blank rows are left out), and whether the guide is complete.</summary>
public sealed class GuideForm
{
    public int Version { get; set; }
    public bool Complete { get; set; }
    public List<GuideRow> Steps { get; set; } = [];
    public List<GuideRow> Audiences { get; set; } = [];
    public List<GuideRow> Channels { get; set; } = [];
    public List<GuideRow> Calendar { get; set; } = [];
    public List<GuideRow> Messages { get; set; } = [];

    public static GuideForm From(RepositoryItemView item)
    {
        var guide = item.Guide ?? new ToolkitGuide([], [], [], [], []);
        static GuideRow Row(string? key, Bilingual text) => new() { Key = key, Es = text.Es, En = text.En };
        return new GuideForm
        {
            Version = item.Version,
            Complete = !item.IsDraft,
            Steps = [.. guide.Steps.Select(s => Row(null, s))],
            Audiences = [.. guide.Audiences.Select(a => Row(a.Key, a.Name))],
            Channels = [.. guide.Channels.Select(c => Row(null, c))],
            Calendar = [.. guide.Calendar.Select(w => Row(w.Week.ToString(CultureInfo.InvariantCulture), w.Activity))],
            Messages = [.. guide.Messages.Select(m => Row(m.Audience, m.Text))],
        };
    }

    /// <summary>The form without its blank rows.</summary>
    public GuideForm Compact() => new()
    {
        Version = Version, Complete = Complete, Steps = Filled(Steps), Audiences = Filled(Audiences), Channels = Filled(Channels), Calendar = Filled(Calendar), Messages = Filled(Messages),
    };

    /// <summary>The edit the API takes; a week that is not a whole number is sent as 0, which the guide's check names.</summary>
    public ToolkitGuideEdit ToEdit() => new(Version, new ToolkitGuide(
        [.. Steps.Select(r => r.Text)],
        [.. Audiences.Select(r => new ToolkitAudience(r.Key?.Trim() ?? string.Empty, r.Text))],
        [.. Channels.Select(r => r.Text)],
        [.. Calendar.Select(r => new ToolkitWeek(int.TryParse(r.Key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var week) ? week : 0, r.Text))],
        [.. Messages.Select(r => new ToolkitMessage(r.Key?.Trim() ?? string.Empty, r.Text))]), Complete);

    private static List<GuideRow> Filled(List<GuideRow> rows) => [.. rows.Where(r => !r.IsBlank)];
}

/// <summary>
/// A toolkit's planning guide edited in the page (<c>/repository/{id}/guide</c>) by the Secretariat or a curator, and new
/// versions of its assets uploaded (checked by content as every upload, up to the repository's file limit): version-checked, audited.
/// </summary>
[RequestSizeLimit(RepositoryApi.UploadBodyBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RepositoryApi.UploadBodyBytes)]
[UploadLimit("Toolkit.File", RepositoryLimits.FileBytes)]
public class GuideModel(MovilidadDb db, IAuthorizationService authorization, TimeProvider clock) : RepositoryPageBase
{
    [BindProperty]
    public GuideForm Form { get; set; } = new();

    public RepositoryItemView Item { get; private set; } = null!;

    /// <summary>The asset a new file version goes to: an existing slot or a new name.</summary>
    [BindProperty]
    public string? Slot { get; set; }

    /// <summary>The name of a new asset, when the file starts one.</summary>
    [BindProperty]
    public string? NewSlot { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<string> Slots => [.. Item.Files.Select(f => f.Slot).Distinct(StringComparer.Ordinal)];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await OpenAsync(id, ct) is { } refused)
        {
            return refused;
        }

        Form = GuideForm.From(Item);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await authorization.CanAsync(User, RepositoryOperations.Curate))
        {
            return Forbid();
        }

        Form = Form.Compact();
        var outcome = await ToolkitGuides.EditAsync(db, id, Form.ToEdit(), AuditActor.From(HttpContext), clock, ct);
        return await PageAfterWriteAsync(outcome, $"/repository/{RepositoryEditing.Id(id)}", async () => await OpenAsync(id, ct) ?? Page(), current => Form.Version = current.Version);
    }

    public async Task<IActionResult> OnPostAssetAsync(int id, CancellationToken ct)
    {
        if (!await authorization.CanAsync(User, RepositoryOperations.Curate))
        {
            return Forbid();
        }

        if (Upload is not { Length: > 0 } upload)
        {
            return await RefuseAsync(new Dictionary<string, string[]> { ["upload"] = [RepositoryEditing.Message(FileCheck.Refused("Choose the file to upload.", "Elija el archivo que subir."))] }, ShowAgainAsync);
        }

        if (upload.Length > RepositoryLimits.FileBytes)
        {
            return await RefuseAsync(new Dictionary<string, string[]> { ["upload"] = [RepositoryEditing.Message(RepositoryFiles.TooLarge)] }, ShowAgainAsync);
        }

        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        var slot = string.IsNullOrWhiteSpace(NewSlot) ? Slot : NewSlot;
        var outcome = await RepositoryEditing.AddFileAsync(db, id, Form.Version, slot, new RepositoryEditing.Upload(upload.FileName, buffer.ToArray()), curator: true, AuditActor.From(HttpContext), clock, ct);
        return await PageAfterWriteAsync(outcome, $"/repository/{RepositoryEditing.Id(id)}/guide", ShowAgainAsync);

        async Task<IActionResult> ShowAgainAsync()
        {
            if (await OpenAsync(id, ct) is { } refused)
            {
                return refused;
            }

            Form = GuideForm.From(Item);
            return Page();
        }
    }

    /// <summary>Finds the toolkit and checks the reader curates: null to go on.</summary>
    private async Task<IActionResult?> OpenAsync(int id, CancellationToken ct)
    {
        if (!await authorization.CanAsync(User, RepositoryOperations.Curate))
        {
            return Forbid();
        }

        if (await RepositoryEditing.FindAsync(db, id, ct) is not { Kind: ItemKind.Toolkit } item)
        {
            return NotFound();
        }

        db.ChangeTracker.Clear();
        Item = RepositoryEditing.View(item);
        return null;
    }

    /// <summary>An error in the reader's language: where in the guide it is (the history's field labels) and what is wrong; the file checks already answer in it.</summary>
    public string GuideError(IStringLocalizer text, string field)
    {
        if (field == "file")
        {
            return string.Join(" ", Errors.Where(e => e.Key == field).SelectMany(e => e.Value));
        }

        var reason = field.StartsWith("guide.", StringComparison.Ordinal) && !field.Contains('[', StringComparison.Ordinal)
            ? "list"
            : field[(field.LastIndexOf('.') + 1)..];
        var message = text["ToolkitError." + reason].Value;
        return field.StartsWith("guide", StringComparison.Ordinal) ? HistoryFields.Label(text, field) + ": " + message : message;
    }
}
