using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Programmes;

namespace Movilidad.Web.Features.Programmes;

/// <summary>One programme as the worker's guide shows it: the parts of its content a worker needs, with their sources.</summary>
public sealed record GuideChannel(Programme Programme, IReadOnlyList<Statement> Process, IReadOnlyList<Statement> Offer, IReadOnlyList<Statement> NeverPay, IReadOnlyList<Statement> Return, Statement? Recruitment);

/// <summary>
/// The worker's guide (public, phone first, plain words): "I have a job offer" (choose the destination and the
/// occupation: the legal channels, their process, what a legitimate offer looks like, what no one may charge) and
/// "Before and after return" (the reintegration provisions of the programmes of the worker's country). Read only from
/// published programmes; every statement keeps its source.
/// </summary>
[AllowAnonymous]
public class GuideModel(MovilidadDb db) : RegistryPage
{
    /// <summary>offer | return, or null for the start page.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Step { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Destination { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Occupation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    public IReadOnlyList<(string Code, string Name)> Destinations { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> Origins { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> Groups { get; private set; } = [];

    /// <summary>Channels whose occupations include the one chosen.</summary>
    public IReadOnlyList<GuideChannel> Matching { get; private set; } = [];

    /// <summary>Channels to the destination that name no occupation list (or none was chosen).</summary>
    public IReadOnlyList<GuideChannel> Others { get; private set; } = [];

    public bool Chosen { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Step is not (null or "offer" or "return"))
        {
            return NotFound();
        }

        await LoadReferencesAsync(db, ct);
        var programmes = await db.Programmes.AsNoTracking().Where(p => p.Content != null).OrderBy(p => p.Key).ToListAsync(ct);
        var countries = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Alpha2, c => c.Name, StringComparer.Ordinal, ct);
        string Name(string code) => countries.TryGetValue(code, out var n) ? n.Current : code;
        Destinations = [.. programmes.SelectMany(p => p.Destinations.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().Select(c => (c, Name(c))).OrderBy(c => c.Item2, StringComparer.CurrentCulture)];
        Origins = [.. programmes.SelectMany(p => p.Origins.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().Select(c => (c, Name(c))).OrderBy(c => c.Item2, StringComparer.CurrentCulture)];
        Groups = [.. (await db.Occupations.AsNoTracking().Where(o => o.Level == 1).OrderBy(o => o.Code).ToListAsync(ct)).Select(o => (o.Code, o.Name.Current))];
        if (Step == "offer" && !string.IsNullOrEmpty(Destination))
        {
            Chosen = true;
            var to = programmes.Where(p => p.Destinations.Contains($" {Destination} ", StringComparison.Ordinal) && p.Kind != "programme-family").ToList();
            bool Names(Programme p) => !string.IsNullOrEmpty(Occupation) && p.Occupations.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(c => c.StartsWith(Occupation, StringComparison.Ordinal));
            Matching = [.. to.Where(Names).Select(Channel)];
            Others = [.. to.Where(p => !Names(p)).Select(Channel)];
        }
        else if (Step == "return" && !string.IsNullOrEmpty(Country))
        {
            Chosen = true;
            Matching = [.. programmes.Where(p => p.Origins.Contains($" {Country} ", StringComparison.Ordinal)).Select(Channel).Where(c => c.Return.Count > 0)];
            Others = [.. programmes.Where(p => p.Origins.Contains($" {Country} ", StringComparison.Ordinal)).Select(Channel).Where(c => c.Return.Count == 0)];
        }

        return Page();
    }

    private GuideChannel Channel(Programme programme)
    {
        Document = RegistryContent.Parse(programme.Content!);
        return new GuideChannel(programme,
            [.. Statements("requirements.workers"), .. Statements("duration")],
            [.. Statements("requirements.employers"), .. Statements("rights")],
            Statements("workerNeverPays"),
            Statements("returnReintegration"),
            Described("recruitment"));
    }

    public static string Title(Bilingual name) => name.Current;
}
