using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Data;
using Movilidad.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Movilidad.Web.Tests.Features.Security;

/// <summary>
/// Every endpoint and page handler the app has, read from its endpoint data source at test time, called as every
/// role, for data of the focal point's own country (GT) or working group (GT-ML) and of another, and compared with
/// the table below. A new endpoint without a row fails; any allow the table does not list fails.
/// </summary>
public abstract partial class AuthorizationMatrixTests(MovilidadApp app, ITestOutputHelper output)
{
    private const string Anonymous = "anonymous";
    private const string Secretariat = "secretariat";
    private const string Presidency = "presidency";
    private const string FocalPoint = "focal-point:GT";
    private const string Member = "working-group-member:GT-ML";
    private const string Observer = "observer";
    private const string CivilSociety = "civil-society";
    private const string Curator = "curator";

    private static readonly string[] Roles = [Anonymous, Secretariat, Presidency, FocalPoint, Member, Observer, CivilSociety, Curator];
    private static readonly string[] Everyone = Roles;
    private static readonly string[] SignedIn = [Secretariat, Presidency, FocalPoint, Member, Observer, CivilSociety, Curator];
    private static readonly string[] Staff = [Secretariat, Presidency, FocalPoint, Member, Observer];
    private static readonly string[] Editors = [Secretariat, Presidency];
    private static readonly string[] OnlySecretariat = [Secretariat];
    private static readonly string[] Curators = [Secretariat, Curator];
    private static readonly string[] Nobody = [];

    private enum Scope
    {
        None,
        Own,
        Other,
    }

    /// <summary>What one row of the table calls and who may: <paramref name="Own"/> for own-scope data, <paramref name="Other"/> for the other scope.</summary>
    private sealed record Row(string[] Own, string[]? Other, Func<Ids, Scope, Task<HttpRequestMessage>> Request)
    {
        public bool Scoped => Other is not null;
    }

    /// <summary>The data the calls use: GT's and MX's institutions, elements of GT-ML and of no working group, an account to administer.</summary>
    private sealed record Ids(int PlanId, string PlanKey, int ReadElement, int OwnElement, int OtherElement, int OwnDeletable, int OtherDeletable, int OwnInstitution, int OtherInstitution, int TargetAccount, Func<DbContext> Db);

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static Func<Ids, Scope, Task<HttpRequestMessage>> Static(Func<Ids, string> url) => (ids, _) => Task.FromResult(Get(url(ids)));

    private static Func<Ids, Scope, Task<HttpRequestMessage>> Form(Func<Ids, Scope, string> url, Func<Ids, Scope, Task<Dictionary<string, string>>> fields) =>
        async (ids, scope) => new HttpRequestMessage(HttpMethod.Post, url(ids, scope)) { Content = new FormUrlEncodedContent(await fields(ids, scope)) };

    private static int Element(Ids ids, Scope scope) => scope == Scope.Other ? ids.OtherElement : ids.OwnElement;

    private static int Deletable(Ids ids, Scope scope) => scope == Scope.Other ? ids.OtherDeletable : ids.OwnDeletable;

    private static int Institution(Ids ids, Scope scope) => scope == Scope.Other ? ids.OtherInstitution : ids.OwnInstitution;

    /// <summary>A model of GT (own scope) or MX (other), a copy of the reference model, made on first use.</summary>
    private static async Task<int> DemandModel(Ids ids, Scope scope)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var country = scope == Scope.Other ? "MX" : "GT";
        var slug = "matrix-" + country.ToLowerInvariant();
        if (await db.DemandModels.Where(m => m.Slug == slug).Select(m => (int?)m.Id).SingleOrDefaultAsync() is { } id)
        {
            return id;
        }

        var reference = await db.DemandModelVersions.OrderBy(v => v.Id).FirstAsync();
        var model = new Platform.Demand.DemandModel
        {
            Slug = slug,
            Title = slug,
            Country = country,
            CreatedBy = "matrix",
            Versions = [new() { Number = 1, FileName = reference.FileName, Format = reference.Format, Source = reference.Source, Sha256 = reference.Sha256, VariableCount = reference.VariableCount, UploadedBy = "matrix" }],
        };
        db.DemandModels.Add(model);
        await db.SaveChangesAsync();
        return model.Id;
    }

    /// <summary>A draft work plan of GT-ML (own scope) or GT-PROT (other), made on first use.</summary>
    private static async Task<int> DraftPlan(Ids ids, Scope scope)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        db.ShowsUnpublished = true;
        var owner = scope == Scope.Other ? "GT-PROT" : "GT-ML";
        var key = "matrix-draft-" + owner.ToLowerInvariant();
        if (await db.Plans.Where(p => p.Key == key).Select(p => (int?)p.Id).SingleOrDefaultAsync() is { } id)
        {
            return id;
        }

        return (await NewPlan(db, key, owner, review: null)).Id;
    }

    /// <summary>A new draft work plan of GT-ML (own scope) or GT-PROT (other) at an approval step, for a row whose call moves it on.</summary>
    private static async Task<(int Id, string Key)> FreshPlan(Ids ids, Scope scope, Platform.Plans.PlanReview? review)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        return await NewPlan(db, $"matrix-{Guid.NewGuid():N}", scope == Scope.Other ? "GT-PROT" : "GT-ML", review);
    }

    private static async Task<(int Id, string Key)> NewPlan(Platform.Data.MovilidadDb db, string key, string owner, Platform.Plans.PlanReview? review)
    {
        var plan = new Platform.Plans.Plan
        {
            Key = key,
            Number = string.Empty,
            SourceDocument = string.Empty,
            Kind = Platform.Plans.PlanKind.WorkingGroupWorkPlan,
            PeriodStart = 2025,
            PeriodEnd = 2026,
            IsPublished = false,
            Review = review,
            OwnerId = await db.Institutions.Where(i => i.Code == owner).Select(i => i.Id).SingleAsync(),
            Levels = [new() { Key = "activity", Name = new("Actividad", "Activity"), Actionable = true }],
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return (plan.Id, plan.Key);
    }

    private static Func<Ids, Scope, Task<HttpRequestMessage>> PlanStep(string step, Platform.Plans.PlanReview? review, bool page) => async (ids, scope) =>
    {
        var (id, key) = await FreshPlan(ids, scope, review);
        return page
            ? new HttpRequestMessage(HttpMethod.Post, $"/plans/{key}?handler={step}") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Version"] = "0", ["Comment"] = "Falta el calendario." }) }
            : new HttpRequestMessage(HttpMethod.Post, $"/api/plans/{id}/{step}") { Content = JsonContent.Create(new { version = 0, comment = "Falta el calendario." }) };
    };

    /// <summary>A finished simulation of the GT (own) or MX (other) model: not a calibration, so saving it as a scenario is refused with a 400.</summary>
    private static async Task<int> DemandRun(Ids ids, Scope scope)
    {
        var model = await DemandModel(ids, scope);
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var version = await db.DemandModelVersions.Where(v => v.ModelId == model).Select(v => new { v.Id, v.Sha256 }).FirstAsync();
        if (await db.DemandRuns.Where(r => r.ModelVersionId == version.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync() is { } id)
        {
            return id;
        }

        var run = new Platform.Demand.DemandRun
        {
            ModelVersionId = version.Id,
            Kind = "simulation",
            Status = "done",
            Progress = 1,
            Inputs = $$"""{"kind":"simulation","modelSha256":"{{version.Sha256}}","modelVersion":1,"constants":{},"lookups":{},"seed":0}""",
            InputsHash = new string('0', 64),
            Results = """{"times":[0],"series":{}}""",
            CreatedBy = "matrix",
        };
        db.DemandRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    private static async Task<int> ElementVersion(Ids ids, int id)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        return await db.PlanElements.IgnoreQueryFilters().Where(e => e.Id == id).Select(e => e.Version).SingleAsync();
    }

    private static async Task<int> InstitutionVersion(Ids ids, int id)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        return await db.Institutions.Where(e => e.Id == id).Select(e => e.Version).SingleAsync();
    }

    private static async Task<Dictionary<string, string>> ElementForm(Ids ids, int id)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var e = await db.PlanElements.IgnoreQueryFilters().SingleAsync(x => x.Id == id);
        return new()
        {
            ["Input.Version"] = e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.TitleEs"] = e.Title.Es,
            ["Input.TitleEn"] = e.Title.En,
            ["Input.TextEs"] = e.Text.Es,
            ["Input.TextEn"] = e.Text.En,
        };
    }

    private static async Task<HttpRequestMessage> ElementPut(Ids ids, Scope scope)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var id = Element(ids, scope);
        var e = await db.PlanElements.Include(x => x.Footnotes).SingleAsync(x => x.Id == id);
        return new HttpRequestMessage(HttpMethod.Put, $"/api/elements/{id}")
        {
            Content = JsonContent.Create(new { e.Version, e.Title, e.Text, e.TimeframeLabel, Footnotes = e.Footnotes.Select(f => new { f.Number, f.Text }) }),
        };
    }

    private static async Task<HttpRequestMessage> InstitutionPut(Ids ids, Scope scope)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var id = Institution(ids, scope);
        var i = await db.Institutions.SingleAsync(x => x.Id == id);
        return new HttpRequestMessage(HttpMethod.Put, $"/api/institutions/{id}") { Content = JsonContent.Create(new { i.Version, i.Acronym, i.Name, i.Url }) };
    }

    /// <summary>The outlook's first sector as it is now, sent back unchanged: a save the Secretariat alone may make.</summary>
    private static async Task<HttpRequestMessage> SectorPut(Ids ids, Scope scope)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var s = await db.OutlookSectors.OrderBy(x => x.Id).FirstAsync();
        return new HttpRequestMessage(HttpMethod.Put, $"/api/labour-market/outlook/sectors/{s.Id}") { Content = JsonContent.Create(new { s.Version, s.Name, Groups = s.GroupList, s.Reasoning }) };
    }

    private static async Task<Dictionary<string, string>> SectorForm(Ids ids)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var s = await db.OutlookSectors.OrderBy(x => x.Id).FirstAsync();
        return new()
        {
            ["Input.Version"] = s.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.NameEs"] = s.Name.Es, ["Input.NameEn"] = s.Name.En, ["Input.Groups"] = s.Groups,
            ["Input.ReasoningEs"] = s.Reasoning.Es, ["Input.ReasoningEn"] = s.Reasoning.En,
        };
    }

    /// <summary>
    /// A fresh activity for every call, so that one role's write (a delete, a status change) does not change what the
    /// next role meets: GT-ML's (own) or GT-PROT's (other), with Guatemala and Mexico taking part.
    /// </summary>
    private static async Task<int> NewActivity(Ids ids, Scope scope)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var group = await db.Institutions.Where(i => i.Code == (scope == Scope.Other ? "GT-PROT" : "GT-ML")).Select(i => i.Id).SingleAsync();
        var action = await db.PlanElements.Where(e => e.LevelKey == "action").OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        var activity = new Movilidad.Platform.Monitoring.Activity
        {
            ActionId = action,
            Code = "M" + Guid.NewGuid().ToString("N")[..8],
            Title = new("Actividad de la matriz", "Matrix activity"),
            WorkingGroupId = group,
            CreatedAt = DateTime.UtcNow,
            Countries = [new() { CountryCode = "GT" }, new() { CountryCode = "MX" }],
        };
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        return activity.Id;
    }

    private static async Task<int> IndicatorId(Ids ids)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        return await db.Indicators.Where(i => i.Key == "ind-r1").Select(i => i.Id).SingleAsync();
    }

    private static string Country(Scope scope) => scope == Scope.Other ? "MX" : "GT";

    private static async Task<HttpRequestMessage> ActivityJson(HttpMethod method, Func<int, string> url, Ids ids, Scope scope, Func<int, object> body)
    {
        var id = await NewActivity(ids, scope);
        return new HttpRequestMessage(method, url(id)) { Content = JsonContent.Create(body(id)) };
    }

    private static async Task<object> ActivityBody(Ids ids, Scope scope)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var group = await db.Institutions.Where(i => i.Code == (scope == Scope.Other ? "GT-PROT" : "GT-ML")).Select(i => i.Id).SingleAsync();
        var action = await db.PlanElements.Where(e => e.LevelKey == "action").OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        return new
        {
            version = 0, actionId = action, code = "N" + Guid.NewGuid().ToString("N")[..8], title = new { es = "Nueva", en = "New" },
            workingGroupId = group, priority = "medium", genderMarker = 0, countries = new[] { "GT" },
        };
    }

    private static Func<Ids, Scope, Task<HttpRequestMessage>> ActivityPage(Func<int, Scope, string> url) =>
        async (ids, scope) => Get(url(await NewActivity(ids, scope), scope));

    private static Func<Ids, Scope, Task<HttpRequestMessage>> ActivityForm(Func<int, Scope, string> url, Dictionary<string, string> fields) =>
        async (ids, scope) => new HttpRequestMessage(HttpMethod.Post, url(await NewActivity(ids, scope), scope)) { Content = new FormUrlEncodedContent(fields) };

    /// <summary>A fresh comment by someone else (the administered account) on the published element, for every call.</summary>
    private static async Task<int> NewComment(Ids ids)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var comment = new Movilidad.Platform.Comments.Comment
        {
            EntityType = "plan-element",
            EntityId = ids.ReadElement.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AccountId = ids.TargetAccount,
            Text = "Comentario de otra persona",
            CreatedAt = DateTime.UtcNow,
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync();
        return comment.Id;
    }

    /// <summary>What a comment is on: the published element (own scope, every role reads it) or an activity (other scope: the staff read it).</summary>
    private static async Task<(string Type, string Id)> CommentTarget(Ids ids, Scope scope) =>
        scope == Scope.Other
            ? ("activity", (await NewActivity(ids, scope)).ToString(System.Globalization.CultureInfo.InvariantCulture))
            : ("plan-element", ids.ReadElement.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static Func<Ids, Scope, Task<HttpRequestMessage>> CommentForm(string handler, Dictionary<string, string> fields) =>
        async (ids, _) => new HttpRequestMessage(HttpMethod.Post, $"/comments/{await NewComment(ids)}{(handler.Length == 0 ? string.Empty : "?handler=" + handler)}")
        {
            Content = new FormUrlEncodedContent(fields),
        };
    private static int reportYear = 3000;

    /// <summary>A fresh report for every call (a year of its own, so none clashes), draft or submitted, so one role's move does not change what the next meets.</summary>
    private static async Task<int> NewReport(Ids ids, Movilidad.Platform.Reports.ReportStatus status = Movilidad.Platform.Reports.ReportStatus.Draft)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var report = new Movilidad.Platform.Reports.Report { PlanId = ids.PlanId, Year = Interlocked.Increment(ref reportYear), Half = 1, Status = status, CreatedAt = DateTime.UtcNow };
        db.Reports.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    }

    private static Func<Ids, Scope, Task<HttpRequestMessage>> ReportJson(HttpMethod method, Func<int, Scope, string> url, object body, Movilidad.Platform.Reports.ReportStatus status = Movilidad.Platform.Reports.ReportStatus.Draft) =>
        async (ids, scope) => new HttpRequestMessage(method, url(await NewReport(ids, status), scope)) { Content = JsonContent.Create(body) };

    private static Func<Ids, Scope, Task<HttpRequestMessage>> ReportForm(Func<int, Scope, string> url, Dictionary<string, string> fields, Movilidad.Platform.Reports.ReportStatus status = Movilidad.Platform.Reports.ReportStatus.Draft) =>
        async (ids, scope) => new HttpRequestMessage(HttpMethod.Post, url(await NewReport(ids, status), scope)) { Content = new FormUrlEncodedContent(fields) };
    /// <summary>A fresh pledge for every call, of Guatemala's state (own) or Mexico's (other), recorded by nobody in the table; published when asked.</summary>
    private static async Task<int> NewPledge(Ids ids, Scope scope, bool published = false, bool evidence = false, bool proposed = false)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var pledge = new Movilidad.Platform.Pledges.Pledge
        {
            Title = new("Compromiso de la matriz", "Matrix pledge"),
            IsPublished = published,
            CreatedAt = DateTime.UtcNow,
            Pledgers = [new() { InstitutionId = Institution(ids, scope), IsProposed = proposed }],
        };
        if (evidence)
        {
            pledge.Updates.Add(new() { Year = 2025, Quarter = 1, Status = Movilidad.Platform.Pledges.PledgeStatus.InProgress, Narrative = "Avance", EvidenceFileName = "acta.pdf", EvidenceContentType = "application/pdf", EvidenceSize = 4, RecordedAt = DateTime.UtcNow });
        }

        db.Pledges.Add(pledge);
        await db.SaveChangesAsync();
        if (evidence)
        {
            db.PledgeEvidence.Add(new() { UpdateId = pledge.Updates[0].Id, Content = "%PDF"u8.ToArray() });
            await db.SaveChangesAsync();
        }

        return pledge.Id;
    }

    private static object PledgeBody(Ids ids, Scope scope) => new
    {
        version = 0, title = new { es = "Compromiso", en = "Pledge" }, pledgers = new[] { Institution(ids, scope) },
    };

    private static Dictionary<string, string> PledgeFields(Ids ids, Scope scope) => new()
    {
        ["Form.Version"] = "0", ["Form.TitleEs"] = "Compromiso", ["Form.TitleEn"] = "Pledge",
        ["Form.Pledgers"] = Institution(ids, scope).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static object UpdateBody => new { version = 0, year = 2025, quarter = 2, status = "in-progress", narrative = "Avance del trimestre" };

    /// <summary>A fresh repository item with a PDF, proposed by nobody in the table, in the given status (published ones to everyone).</summary>
    private static async Task<int> NewRepositoryItem(Ids ids, Movilidad.Platform.Knowledge.ItemStatus status)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var content = "%PDF-1.4\n%%EOF\n"u8.ToArray();
        var item = new Movilidad.Platform.Knowledge.RepositoryItem
        {
            Kind = Movilidad.Platform.Knowledge.ItemKind.Document,
            Title = new("Recurso de la matriz", "Matrix item"),
            Status = status,
            ProposedAt = DateTime.UtcNow,
            Files = [new() { Name = "matriz.pdf", ContentType = "application/pdf", FileVersion = 1, Size = content.Length, Sha256 = Movilidad.Platform.Knowledge.RepositoryFiles.Sha256(content), Content = new() { Bytes = content } }],
        };
        db.RepositoryItems.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    /// <summary>A fresh published toolkit with a one-step draft guide, proposed by nobody in the table.</summary>
    private static async Task<int> NewToolkit(Ids ids)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var item = new Movilidad.Platform.Knowledge.RepositoryItem
        {
            Kind = Movilidad.Platform.Knowledge.ItemKind.Toolkit,
            Type = Movilidad.Platform.Knowledge.ItemType.Toolkit,
            Title = new("Herramienta de la matriz", "Matrix toolkit"),
            Status = Movilidad.Platform.Knowledge.ItemStatus.Published,
            IsDraft = true,
            ProposedAt = DateTime.UtcNow,
            Guide = "{\"steps\":[{\"es\":\"Paso\",\"en\":\"Step\"}],\"audiences\":[],\"channels\":[],\"calendar\":[],\"messages\":[]}",
        };
        db.RepositoryItems.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    /// <summary>A fresh course of GT's institution (own scope) or MX's (other), recorded by nobody in the table.</summary>
    private static async Task<int> NewCourse(Ids ids, Scope scope)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var course = new Movilidad.Platform.Training.Course { Title = new("Curso de la matriz", "Matrix course"), ProviderId = Institution(ids, scope), RecordedAt = DateTime.UtcNow, Version = 1 };
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        return course.Id;
    }

    /// <summary>A fresh good practice in the given status, submitted by nobody in the table; published ones are dated this month.</summary>
    private static async Task<int> NewPractice(Ids ids, Movilidad.Platform.Practices.PracticeStatus status)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var practice = new Movilidad.Platform.Practices.Practice
        {
            Title = new("Práctica de la matriz", "Matrix practice"),
            Summary = new("Resumen", "Summary"),
            Body = new("Texto", "Text"),
            InstitutionId = ids.OwnInstitution,
            Status = status,
            SubmittedAt = DateTime.UtcNow,
            PublishedAt = status == Movilidad.Platform.Practices.PracticeStatus.Published ? DateTime.UtcNow : null,
            GcmObjectives = [new() { Objective = 6 }],
            Countries = [new() { CountryCode = "GT" }],
        };
        db.Practices.Add(practice);
        await db.SaveChangesAsync();
        return practice.Id;
    }

    private static Func<Ids, Scope, Task<HttpRequestMessage>> PracticeForm(Movilidad.Platform.Practices.PracticeStatus status, string handler, Dictionary<string, string> fields) =>
        async (ids, _) =>
        {
            var id = await NewPractice(ids, status);
            return new HttpRequestMessage(HttpMethod.Post, $"/practices/{id}?handler={handler}") { Content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["Version"] = "0" }) };
        };

    private static Func<Ids, Scope, Task<HttpRequestMessage>> PracticeJson(Movilidad.Platform.Practices.PracticeStatus status, Func<int, string> url, Func<Ids, object> body, HttpMethod? method = null) =>
        async (ids, _) => new HttpRequestMessage(method ?? HttpMethod.Post, url(await NewPractice(ids, status))) { Content = JsonContent.Create(body(ids)) };

    /// <summary>A fresh directory entry with a unique name.</summary>
    private static async Task<int> NewRecruiter(Ids ids)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var name = "Agencia Matriz " + Guid.NewGuid().ToString("N")[..10];
        var recruiter = new Movilidad.Platform.Recruiters.Recruiter
        {
            Name = name, SpellingKey = Platform.Recruiters.RecruiterNames.Spelling(name), MatchKey = Platform.Recruiters.RecruiterNames.MatchKey(name), Country = "GT", CreatedAt = DateTime.UtcNow,
        };
        db.Recruiters.Add(recruiter);
        await db.SaveChangesAsync();
        return recruiter.Id;
    }

    /// <summary>A fresh pair of entries proposed as duplicates.</summary>
    private static async Task<int> NewDuplicate(Ids ids)
    {
        var (first, second) = (await NewRecruiter(ids), await NewRecruiter(ids));
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var duplicate = new Movilidad.Platform.Recruiters.RecruiterDuplicate { RecruiterId = first, OtherId = second, Reason = "similar-name", Similarity = 0.9, ProposedAt = DateTime.UtcNow };
        db.RecruiterDuplicates.Add(duplicate);
        await db.SaveChangesAsync();
        return duplicate.Id;
    }

    /// <summary>A fresh fraud report about GT (own scope) or MX (other).</summary>
    private static async Task<int> NewFraudReport(Ids ids, Scope scope)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var report = new Movilidad.Platform.Recruiters.FraudReport
        {
            Country = Country(scope), RecruiterName = "Agencia de la matriz", Description = "Me cobraron por la visa.", ContactEmail = "persona@example.org", Language = "es", ReceivedAt = DateTime.UtcNow,
        };
        db.FraudReports.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    }

    private static object PracticeBody(Ids ids) => new
    {
        version = 0, institutionId = ids.OwnInstitution, title = new { es = "Práctica", en = "Practice" }, summary = new { es = "Resumen", en = "Summary" },
        body = new { es = "Texto", en = "Text" }, gcmObjectives = new[] { 6 }, countries = new[] { "GT" },
    };

    /// <summary>The content of a registry entry naming Guatemala (own scope) or Mexico (other), under a fresh key.</summary>
    private static System.Text.Json.Nodes.JsonObject RegistryContent(bool programme, Scope scope, string? key = null)
    {
        var country = scope == Scope.Other ? "MX" : "GT";
        key ??= $"matrix-{Guid.NewGuid():N}";
        return programme
            ? new() { ["key"] = key, ["name"] = new System.Text.Json.Nodes.JsonObject { ["es"] = "Programa", ["en"] = "Programme" }, ["kind"] = "destination-scheme", ["destination"] = new System.Text.Json.Nodes.JsonArray(country), ["status"] = new System.Text.Json.Nodes.JsonObject { ["code"] = "active" } }
            : new() { ["key"] = key, ["title"] = new System.Text.Json.Nodes.JsonObject { ["es"] = "Acuerdo", ["en"] = "Agreement" }, ["kind"] = "mou", ["subject"] = "labour-mobility", ["parties"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["country"] = country }) };
    }

    /// <summary>A fresh programme or agreement of the scope's country, published, with a pending change at <paramref name="stage"/> unless it is Published.</summary>
    private static async Task<(int Id, string Key)> NewRegistryEntry(Ids ids, bool programme, Scope scope, Movilidad.Platform.Programmes.RegistryStage stage)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var content = RegistryContent(programme, scope);
        Movilidad.Platform.Programmes.RegistryEntry entry = programme ? new Movilidad.Platform.Programmes.Programme() : new Movilidad.Platform.Programmes.Agreement();
        entry.Content = content.ToJsonString();
        entry.Draft = stage == Movilidad.Platform.Programmes.RegistryStage.Published ? null : content.ToJsonString();
        entry.Stage = stage;
        switch (entry)
        {
            case Movilidad.Platform.Programmes.Programme p:
                Movilidad.Platform.Programmes.RegistryContent.Describe(p, content);
                db.Programmes.Add(p);
                break;
            case Movilidad.Platform.Programmes.Agreement a:
                Movilidad.Platform.Programmes.RegistryContent.Describe(a, content);
                db.Agreements.Add(a);
                break;
        }

        await db.SaveChangesAsync();
        return (entry.Id, entry.Key);
    }

    private static Func<Ids, Scope, Task<HttpRequestMessage>> RegistryJson(bool programme, Movilidad.Platform.Programmes.RegistryStage stage, HttpMethod method, string step, Func<Scope, string, object> body) =>
        async (ids, scope) =>
        {
            var (id, key) = await NewRegistryEntry(ids, programme, scope, stage);
            return new HttpRequestMessage(method, $"/api/{(programme ? "programmes" : "agreements")}/{id}{step}") { Content = JsonContent.Create(body(scope, key)) };
        };

    /// <summary>A registry page form posted to a fresh entry of the scope's country at <paramref name="stage"/>: the whole content as the form's fields for a save.</summary>
    private static Func<Ids, Scope, Task<HttpRequestMessage>> RegistryForm(bool programme, Movilidad.Platform.Programmes.RegistryStage stage, string handler) =>
        async (ids, scope) =>
        {
            var (_, key) = await NewRegistryEntry(ids, programme, scope, stage);
            var fields = new Dictionary<string, string> { ["version"] = "0", ["comment"] = "Falta la fuente." };
            if (handler == "Save")
            {
                var country = scope == Scope.Other ? "MX" : "GT";
                fields["t:key"] = key;
                fields[programme ? "t:name.es" : "t:title.es"] = "Cambio";
                fields[programme ? "t:name.en" : "t:title.en"] = "Change";
                fields["t:kind"] = programme ? "destination-scheme" : "mou";
                if (programme)
                {
                    fields["l:destination"] = country;
                    fields["t:status.code"] = "active";
                }
                else
                {
                    fields["t:subject"] = "labour-mobility";
                    fields["t:parties[0].country"] = country;
                }
            }

            return new HttpRequestMessage(HttpMethod.Post, $"/{(programme ? "programmes" : "agreements")}/edit/{key}?handler={handler}") { Content = new FormUrlEncodedContent(fields) };
        };

    static AuthorizationMatrixTests()
    {
        AddRegistryRows(Table);
        AddQualificationRows(Table);
        AddSocialSecurityRows(Table);
        AddMentoringRows(Table);
        AddMeetingRows(Table);
        AddNetworkRows(Table);
    }

    private static void AddRegistryRows(Dictionary<string, Row> table)
    {
        string[] ownProposers = [Secretariat, FocalPoint];
        foreach (var programme in new[] { true, false })
        {
            var api = programme ? "/api/programmes" : "/api/agreements";
            table[$"GET {api}/"] = new(Everyone, null, Static(_ => api));
            table[$"GET {api}/{{id}}"] = new(Everyone, null, Static(_ => programme ? $"{api}/us-h2a" : $"{api}/cmiss"));
            table[$"POST {api}/"] = new(ownProposers, OnlySecretariat, (_, scope) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, api)
            {
                Content = JsonContent.Create(new { version = 0, content = RegistryContent(programme, scope) }),
            }));
            table[$"PUT {api}/{{id:int}}"] = new(ownProposers, OnlySecretariat,
                RegistryJson(programme, Movilidad.Platform.Programmes.RegistryStage.Published, HttpMethod.Put, string.Empty, (scope, key) => new { version = 0, content = RegistryContent(programme, scope, key) }));
            table[$"POST {api}/{{id:int}}/submit"] = new(ownProposers, OnlySecretariat,
                RegistryJson(programme, Movilidad.Platform.Programmes.RegistryStage.Draft, HttpMethod.Post, "/submit", (_, _) => new { version = 0 }));
            table[$"POST {api}/{{id:int}}/publish"] = new(OnlySecretariat, OnlySecretariat,
                RegistryJson(programme, Movilidad.Platform.Programmes.RegistryStage.InReview, HttpMethod.Post, "/publish", (_, _) => new { version = 0 }));
            table[$"POST {api}/{{id:int}}/return"] = new(OnlySecretariat, OnlySecretariat,
                RegistryJson(programme, Movilidad.Platform.Programmes.RegistryStage.InReview, HttpMethod.Post, "/return", (_, _) => new { version = 0, comment = "Falta la fuente." }));
        }

        foreach (var programme in new[] { true, false })
        {
            var pages = programme ? "/programmes" : "/agreements";
            table[$"GET {pages}/edit/{{key?}}"] = new(ownProposers, OnlySecretariat, async (ids, scope) =>
                Get($"{pages}/edit/{(await NewRegistryEntry(ids, programme, scope, Movilidad.Platform.Programmes.RegistryStage.Published)).Key}"));
            table[$"POST {pages}/edit/{{key?}}?handler=Save"] = new(ownProposers, OnlySecretariat, RegistryForm(programme, Movilidad.Platform.Programmes.RegistryStage.Published, "Save"));
            table[$"POST {pages}/edit/{{key?}}?handler=Submit"] = new(ownProposers, OnlySecretariat, RegistryForm(programme, Movilidad.Platform.Programmes.RegistryStage.Draft, "Submit"));
            table[$"POST {pages}/edit/{{key?}}?handler=Publish"] = new(OnlySecretariat, OnlySecretariat, RegistryForm(programme, Movilidad.Platform.Programmes.RegistryStage.InReview, "Publish"));
            table[$"POST {pages}/edit/{{key?}}?handler=Return"] = new(OnlySecretariat, OnlySecretariat, RegistryForm(programme, Movilidad.Platform.Programmes.RegistryStage.InReview, "Return"));
            table[$"GET {pages}/{{id:int}}/history"] = new(ownProposers, OnlySecretariat, async (ids, scope) =>
                Get($"{pages}/{(await NewRegistryEntry(ids, programme, scope, Movilidad.Platform.Programmes.RegistryStage.Published)).Id}/history"));
        }

        table["GET /programmes"] = new(Everyone, null, Static(_ => "/programmes"));
        table["GET /programmes/{key}"] = new(Everyone, null, Static(_ => "/programmes/us-h2a"));
        table["GET /agreements"] = new(Everyone, null, Static(_ => "/agreements"));
        table["GET /agreements/{key}"] = new(Everyone, null, Static(_ => "/agreements/cmiss"));
        table["GET /guide/{step?}"] = new(Everyone, null, Static(_ => "/guide/offer?destination=US&occupation=6"));
        table["GET /social-security"] = new(Everyone, null, Static(_ => "/social-security"));
        table["GET /social-security/instruments/{key}"] = new(Everyone, null, Static(_ => "/social-security/instruments/c097"));
        table["GET /social-security/portability"] = new(Everyone, null, Static(_ => "/social-security/portability?country=GT&country=MX"));
        table["GET /api/social-security/instruments"] = new(Everyone, null, Static(_ => "/api/social-security/instruments"));
        table["GET /api/social-security/portability"] = new(Everyone, null, Static(_ => "/api/social-security/portability?countries=GT,MX"));
        table["GET /api/social-security/guide"] = new(Everyone, null, Static(_ => "/api/social-security/guide?countries=GT,MX&language=es"));
        AddRecruiterRecordRows(table);
    }

    /// <summary>A fresh directory entry of Guatemala with a licence issued by the scope's country (GT own, MX other).</summary>
    private static async Task<(int Recruiter, int Licence)> NewLicence(Ids ids, Scope scope)
    {
        var recruiter = await NewRecruiter(ids);
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var licence = new Movilidad.Platform.Recruiters.RecruiterLicence
        {
            RecruiterId = recruiter, Country = Country(scope), Number = "MTPS-1", NumberKey = "MTPS1", Authority = "Ministerio de Trabajo", Source = "Registro de la matriz", RecordedBy = "matriz",
        };
        db.RecruiterLicences.Add(licence);
        await db.SaveChangesAsync();
        return (recruiter, licence.Id);
    }

    private static object LicenceBody(Scope scope) => new
    {
        version = 0, country = Country(scope), number = "MTPS-2026-7", authority = "Ministerio de Trabajo", validFrom = "2026-01-01", validTo = "2027-12-31", status = "active", source = "Registro de agencias de la matriz",
    };

    private static void AddRecruiterRecordRows(Dictionary<string, Row> table)
    {
        table["POST /api/recruiters/"] = new([Secretariat, FocalPoint], OnlySecretariat, (_, scope) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/recruiters")
        {
            Content = JsonContent.Create(new { name = "Agencia Manual " + Guid.NewGuid().ToString("N")[..10], kind = "private-agency", country = Country(scope) }),
        }));
        table["POST /api/recruiters/{id:int}/licences"] = new([Secretariat, FocalPoint], OnlySecretariat, async (ids, scope) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/recruiters/{await NewRecruiter(ids)}/licences") { Content = JsonContent.Create(LicenceBody(scope)) });
        table["GET /recruiters/new"] = new([Secretariat, FocalPoint], null, Static(_ => "/recruiters/new"));
        table["POST /recruiters/new"] = new([Secretariat, FocalPoint], OnlySecretariat, Form((_, _) => "/recruiters/new", (_, scope) => Task.FromResult(new Dictionary<string, string>
        {
            ["Name"] = "Agencia Manual " + Guid.NewGuid().ToString("N")[..10], ["Kind"] = "PrivateAgency", ["Country"] = Country(scope),
        })));
        table["GET /recruiters/{id:int}/licences"] = new([Secretariat, FocalPoint], null, async (ids, _) => Get($"/recruiters/{await NewRecruiter(ids)}/licences"));
        table["POST /recruiters/{id:int}/licences"] = new([Secretariat, FocalPoint], OnlySecretariat, async (ids, scope) =>
            new HttpRequestMessage(HttpMethod.Post, $"/recruiters/{await NewRecruiter(ids)}/licences")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Version"] = "0", ["Country"] = Country(scope), ["Number"] = "MTPS-9", ["Authority"] = "Ministerio de Trabajo", ["ValidFrom"] = "2026-01-01", ["Status"] = "Active", ["Source"] = "Registro de la matriz",
                }),
            });
        table["PUT /api/recruiters/{id:int}/licences/{licenceId:int}"] = new([Secretariat, FocalPoint], OnlySecretariat, async (ids, scope) =>
        {
            var (recruiter, licence) = await NewLicence(ids, scope);
            return new HttpRequestMessage(HttpMethod.Put, $"/api/recruiters/{recruiter}/licences/{licence}") { Content = JsonContent.Create(LicenceBody(scope)) };
        });
    }

    /// <summary>The expected table: key is "METHOD route" as the endpoint data source names it, with "?handler=" for named page handlers.</summary>
    private static readonly Dictionary<string, Row> Table = new()
    {
        ["GET /"] = new(Everyone, null, Static(_ => "/")),
        ["GET /Index"] = new(Everyone, null, Static(_ => "/Index")),
        ["GET /Error"] = new(Everyone, null, Static(_ => "/Error?code=404")),
        ["POST /Error"] = new(Everyone, null, (_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/Error?code=413"))),
        ["GET /plans"] = new(Everyone, null, Static(_ => "/plans")),
        ["GET /plans/{key}"] = new(Everyone, null, Static(ids => $"/plans/{ids.PlanKey}")),
        ["GET /elements/{id:int}"] = new(Everyone, null, Static(ids => $"/elements/{ids.ReadElement}")),
        ["GET /roadmap"] = new(Everyone, null, Static(_ => "/roadmap")),
        ["GET /search"] = new(Everyone, null, Static(_ => "/search?q=migracion")),
        ["GET /institutions"] = new(Everyone, null, Static(_ => "/institutions")),
        ["ANY /health"] = new(Everyone, null, Static(_ => "/health")),
        ["GET /health/live"] = new(Everyone, null, Static(_ => "/health/live")),
        ["GET /openapi/{documentName}.json"] = new(Everyone, null, Static(_ => "/openapi/v1.json")),
        ["GET /language/{culture}"] = new(Everyone, null, Static(_ => "/language/en?returnUrl=%2F")),
        ["GET /api/plans/"] = new(Everyone, null, Static(_ => "/api/plans")),
        ["GET /api/plans/{plan}"] = new(Everyone, null, Static(ids => $"/api/plans/{ids.PlanId}")),
        ["GET /api/plans/{plan}/tree"] = new(Everyone, null, Static(ids => $"/api/plans/{ids.PlanKey}/tree")),
        ["GET /api/plans/{plan}/source"] = new(Everyone, null, Static(ids => $"/api/plans/{ids.PlanKey}/source")),
        ["GET /api/elements/{id:int}"] = new(Everyone, null, Static(ids => $"/api/elements/{ids.ReadElement}")),
        ["GET /api/institutions"] = new(Everyone, null, Static(_ => "/api/institutions")),
        ["GET /api/search"] = new(Everyone, null, Static(_ => "/api/search?q=migracion")),
        ["GET /api/reference/countries"] = new(Everyone, null, Static(_ => "/api/reference/countries")),
        ["GET /api/reference/currencies"] = new(Everyone, null, Static(_ => "/api/reference/currencies")),
        ["GET /api/reference/occupations"] = new(Everyone, null, Static(_ => "/api/reference/occupations?q=nurse")),
        ["GET /api/me"] = new(SignedIn, null, Static(_ => "/api/me")),

        ["PUT /api/elements/{id:int}"] = new([Secretariat, Presidency, Member], Editors, ElementPut),
        ["DELETE /api/elements/{id:int}"] = new([Secretariat, Presidency, Member], Editors,
            async (ids, scope) => new HttpRequestMessage(HttpMethod.Delete, $"/api/elements/{Deletable(ids, scope)}?version={await ElementVersion(ids, Deletable(ids, scope))}")),
        ["POST /api/elements/{id:int}/restore"] = new([Secretariat, Presidency, Member], Editors,
            async (ids, scope) => new HttpRequestMessage(HttpMethod.Post, $"/api/elements/{Deletable(ids, scope)}/restore?version={await ElementVersion(ids, Deletable(ids, scope))}")),
        ["GET /api/elements/{id:int}/history"] = new(Staff, null, Static(ids => $"/api/elements/{ids.OwnElement}/history")),
        ["PUT /api/plans/{id:int}/publication"] = new(OnlySecretariat, null,
            (ids, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Put, $"/api/plans/{ids.PlanId}/publication") { Content = JsonContent.Create(new { isPublished = true }) })),
        ["PUT /api/institutions/{id:int}"] = new([Secretariat, FocalPoint], OnlySecretariat, InstitutionPut),
        ["POST /api/plans/"] = new([Secretariat, Member], OnlySecretariat, (_, scope) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/plans")
        {
            Content = JsonContent.Create(new
            {
                key = $"matrix-{Guid.NewGuid():N}",
                kind = "working-group-work-plan",
                title = new { es = "Plan", en = "Plan" },
                periodStart = 2025,
                periodEnd = 2026,
                owner = scope == Scope.Other ? "GT-PROT" : "GT-ML",
                levels = new[] { new { key = "activity", name = new { es = "Actividad", en = "Activity" }, actionable = true } },
            }),
        })),
        ["POST /api/plans/{id:int}/elements"] = new([Secretariat, Member], OnlySecretariat, async (ids, scope) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/plans/{await DraftPlan(ids, scope)}/elements")
            {
                Content = JsonContent.Create(new { level = "activity", title = new { es = "Actividad", en = "Activity" } }),
            }),
        ["POST /api/plans/{id:int}/levels"] = new([Secretariat, Member], OnlySecretariat, async (ids, scope) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/plans/{(await FreshPlan(ids, scope, null)).Id}/levels")
            {
                Content = JsonContent.Create(new { key = "task", name = new { es = "Tarea", en = "Task" }, actionable = true }),
            }),
        ["POST /api/plans/{id:int}/submission"] = new([Secretariat, Member], OnlySecretariat, PlanStep("submission", null, page: false)),
        ["POST /api/plans/{id:int}/approval"] = new(OnlySecretariat, OnlySecretariat, PlanStep("approval", Platform.Plans.PlanReview.Submitted, page: false)),
        ["POST /api/plans/{id:int}/return"] = new(OnlySecretariat, OnlySecretariat, PlanStep("return", Platform.Plans.PlanReview.Submitted, page: false)),
        ["GET /plans/new"] = new([Secretariat, Member], null, Static(_ => "/plans/new")),
        ["POST /plans/new"] = new([Secretariat, Member], OnlySecretariat, Form((_, _) => "/plans/new", (_, scope) => Task.FromResult(new Dictionary<string, string>
        {
            ["Form.Kind"] = "WorkingGroupWorkPlan", ["Form.Owner"] = scope == Scope.Other ? "GT-PROT" : "GT-ML", ["Form.Key"] = $"matrix-{Guid.NewGuid():N}", ["Form.TitleEs"] = "Plan", ["Form.TitleEn"] = "Plan",
            ["Form.PeriodStart"] = "2025", ["Form.PeriodEnd"] = "2026", ["Form.Levels[0].Key"] = "activity", ["Form.Levels[0].NameEs"] = "Actividad", ["Form.Levels[0].NameEn"] = "Activity",
        }))),
        ["GET /plans/{key}/elements/new"] = new([Secretariat, Member], OnlySecretariat, async (ids, scope) => Get($"/plans/{(await FreshPlan(ids, scope, null)).Key}/elements/new")),
        ["POST /plans/{key}/elements/new"] = new([Secretariat, Member], OnlySecretariat, async (ids, scope) =>
            new HttpRequestMessage(HttpMethod.Post, $"/plans/{(await FreshPlan(ids, scope, null)).Key}/elements/new")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Level"] = "activity", ["Form.TitleEs"] = "Actividad", ["Form.TitleEn"] = "Activity" }),
            }),
        ["POST /plans/{key}?handler=AddLevel"] = new([Secretariat, Member], OnlySecretariat, async (ids, scope) =>
            new HttpRequestMessage(HttpMethod.Post, $"/plans/{(await FreshPlan(ids, scope, null)).Key}?handler=AddLevel")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["NewLevel.Key"] = "task", ["NewLevel.NameEs"] = "Tarea", ["NewLevel.NameEn"] = "Task" }),
            }),
        ["POST /plans/{key}?handler=Submit"] = new([Secretariat, Member], OnlySecretariat, PlanStep("Submit", null, page: true)),
        ["POST /plans/{key}?handler=Approve"] = new(OnlySecretariat, OnlySecretariat, PlanStep("Approve", Platform.Plans.PlanReview.Submitted, page: true)),
        ["POST /plans/{key}?handler=Return"] = new(OnlySecretariat, OnlySecretariat, PlanStep("Return", Platform.Plans.PlanReview.Submitted, page: true)),
        ["POST /plans/{key}?handler=Publish"] = new(OnlySecretariat, null, Form((ids, _) => $"/plans/{ids.PlanKey}?handler=Publish", (_, _) => Task.FromResult(new Dictionary<string, string>()))),

        ["GET /elements/{id:int}/edit"] = new([Secretariat, Presidency, Member], Editors, (ids, scope) => Task.FromResult(Get($"/elements/{Element(ids, scope)}/edit"))),
        ["POST /elements/{id:int}/edit"] = new([Secretariat, Presidency, Member], Editors,
            Form((ids, scope) => $"/elements/{Element(ids, scope)}/edit", (ids, scope) => ElementForm(ids, Element(ids, scope)))),
        ["POST /elements/{id:int}/edit?handler=Delete"] = new([Secretariat, Presidency, Member], Editors,
            Form((ids, scope) => $"/elements/{Deletable(ids, scope)}/edit?handler=Delete", (ids, scope) => ElementForm(ids, Deletable(ids, scope)))),
        ["POST /elements/{id:int}/edit?handler=Restore"] = new([Secretariat, Presidency, Member], Editors,
            Form((ids, scope) => $"/elements/{Deletable(ids, scope)}/edit?handler=Restore", (ids, scope) => ElementForm(ids, Deletable(ids, scope)))),
        ["GET /elements/{id:int}/history"] = new(Staff, null, Static(ids => $"/elements/{ids.OwnElement}/history")),
        ["GET /institutions/{id:int}/edit"] = new([Secretariat, FocalPoint], OnlySecretariat, (ids, scope) => Task.FromResult(Get($"/institutions/{Institution(ids, scope)}/edit"))),
        ["POST /institutions/{id:int}/edit"] = new([Secretariat, FocalPoint], OnlySecretariat,
            Form((ids, scope) => $"/institutions/{Institution(ids, scope)}/edit", async (ids, scope) =>
            {
                await using var db = (Platform.Data.MovilidadDb)ids.Db();
                var id = Institution(ids, scope);
                var i = await db.Institutions.SingleAsync(x => x.Id == id);
                return new()
                {
                    ["Input.Version"] = i.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Input.AcronymEs"] = i.Acronym.Es,
                    ["Input.AcronymEn"] = i.Acronym.En,
                    ["Input.NameEs"] = i.Name.Es,
                    ["Input.NameEn"] = i.Name.En,
                };
            })),
        ["GET /audit"] = new([Secretariat, FocalPoint], null, Static(_ => "/audit")),

        ["GET /api/activities/"] = new(Staff, null, Static(_ => "/api/activities")),
        ["GET /api/activities/{id:int}"] = new(Staff, null, async (ids, scope) => Get($"/api/activities/{await NewActivity(ids, scope)}")),
        ["POST /api/activities/"] = new([Secretariat, Presidency, Member], Editors,
            async (ids, scope) => new HttpRequestMessage(HttpMethod.Post, "/api/activities") { Content = JsonContent.Create(await ActivityBody(ids, scope)) }),
        ["PUT /api/activities/{id:int}"] = new([Secretariat, Presidency, Member], Editors,
            async (ids, scope) =>
            {
                var body = await ActivityBody(ids, scope);
                return await ActivityJson(HttpMethod.Put, id => $"/api/activities/{id}", ids, scope, _ => body);
            }),
        ["DELETE /api/activities/{id:int}"] = new([Secretariat, Presidency, Member], Editors, async (ids, scope) => new HttpRequestMessage(HttpMethod.Delete, $"/api/activities/{await NewActivity(ids, scope)}?version=0")),
        ["PUT /api/activities/{id:int}/status"] = new([Secretariat, Presidency, Member], Editors,
            (ids, scope) => ActivityJson(HttpMethod.Put, id => $"/api/activities/{id}/status", ids, scope, _ => new { version = 0, status = "cancelled", reason = "matrix" })),
        ["PUT /api/activities/{id:int}/countries/{country}"] = new([Secretariat, FocalPoint], OnlySecretariat,
            (ids, scope) => ActivityJson(HttpMethod.Put, id => $"/api/activities/{id}/countries/{Country(scope)}", ids, scope, _ => new { version = 0, status = "planned" })),
        ["GET /api/activities/{id:int}/concept-note"] = new(Staff, null, async (ids, scope) => Get($"/api/activities/{await NewActivity(ids, scope)}/concept-note")),
        ["PUT /api/activities/{id:int}/concept-note"] = new([Secretariat, Presidency, Member], Editors,
            (ids, scope) => ActivityJson(HttpMethod.Put, id => $"/api/activities/{id}/concept-note", ids, scope, _ => new { version = 0, objective = "Objetivo" })),
        ["GET /api/activities/{id:int}/history"] = new(Staff, null, async (ids, scope) => Get($"/api/activities/{await NewActivity(ids, scope)}/history")),
        ["GET /monitoring/activities"] = new(Everyone, null, Static(_ => "/monitoring/activities")),
        ["GET /monitoring/due"] = new(Staff, null, Static(_ => "/monitoring/due")),
        ["GET /monitoring/activities/{id:int}"] = new(Everyone, null, ActivityPage((id, _) => $"/monitoring/activities/{id}")),
        ["POST /monitoring/activities/{id:int}?handler=Status"] = new([Secretariat, Presidency, Member], Editors,
            ActivityForm((id, _) => $"/monitoring/activities/{id}?handler=Status", new() { ["Version"] = "0", ["NewStatus"] = "Cancelled", ["Reason"] = "matrix" })),
        ["GET /monitoring/activities/edit/{id:int?}"] = new([Secretariat, Presidency, Member], Editors, ActivityPage((id, _) => $"/monitoring/activities/edit/{id}")),
        ["POST /monitoring/activities/edit/{id:int?}"] = new([Secretariat, Presidency, Member], Editors,
            async (ids, scope) =>
            {
                await using var db = (Platform.Data.MovilidadDb)ids.Db();
                var id = await NewActivity(ids, scope);
                var a = await db.Activities.SingleAsync(x => x.Id == id);
                return new HttpRequestMessage(HttpMethod.Post, $"/monitoring/activities/edit/{id}")
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["Form.Version"] = "0", ["Form.ActionId"] = a.ActionId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Form.Code"] = a.Code,
                        ["Form.TitleEs"] = "Editada", ["Form.TitleEn"] = "Edited", ["Form.WorkingGroupId"] = a.WorkingGroupId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["Form.Priority"] = "Medium", ["Form.GenderMarker"] = "0", ["Form.Countries"] = "GT",
                    }),
                };
            }),
        ["GET /monitoring/activities/{id:int}/concept-note"] = new([Secretariat, Presidency, Member], Editors, ActivityPage((id, _) => $"/monitoring/activities/{id}/concept-note")),
        ["POST /monitoring/activities/{id:int}/concept-note"] = new([Secretariat, Presidency, Member], Editors,
            ActivityForm((id, _) => $"/monitoring/activities/{id}/concept-note", new() { ["Form.Version"] = "0", ["Form.Objective"] = "Objetivo" })),
        ["GET /monitoring/activities/{id:int}/countries/{country:length(2)}"] = new([Secretariat, FocalPoint], OnlySecretariat,
            ActivityPage((id, scope) => $"/monitoring/activities/{id}/countries/{Country(scope)}")),
        ["POST /monitoring/activities/{id:int}/countries/{country:length(2)}"] = new([Secretariat, FocalPoint], OnlySecretariat,
            ActivityForm((id, scope) => $"/monitoring/activities/{id}/countries/{Country(scope)}", new() { ["Form.Version"] = "0", ["Form.Status"] = "Planned" })),

        ["GET /institutions/{id:int}/history"] = new(Staff, null, Static(ids => $"/institutions/{ids.OwnInstitution}/history")),
        ["GET /monitoring/activities/{id:int}/history"] = new(Staff, null, ActivityPage((id, _) => $"/monitoring/activities/{id}/history")),

        // Comments: on the published element everyone signed in may; on an activity the staff; someone else's comment only the Secretariat moderates.
        ["GET /api/comments/"] = new(SignedIn, Staff, async (ids, scope) =>
        {
            var (type, id) = await CommentTarget(ids, scope);
            return Get($"/api/comments?entityType={type}&entityId={id}");
        }),
        ["POST /api/comments/"] = new(SignedIn, Staff, async (ids, scope) =>
        {
            var (type, id) = await CommentTarget(ids, scope);
            return new HttpRequestMessage(HttpMethod.Post, "/api/comments") { Content = JsonContent.Create(new { entityType = type, entityId = id, text = "Comentario de la matriz" }) };
        }),
        ["PUT /api/comments/{id:int}"] = new(Nobody, null, async (ids, _) =>
            new HttpRequestMessage(HttpMethod.Put, $"/api/comments/{await NewComment(ids)}") { Content = JsonContent.Create(new { version = 0, text = "Cambiado" }) }),
        ["DELETE /api/comments/{id:int}"] = new(Nobody, null, async (ids, _) => new HttpRequestMessage(HttpMethod.Delete, $"/api/comments/{await NewComment(ids)}?version=0")),
        ["POST /api/comments/{id:int}/hide"] = new(OnlySecretariat, null, async (ids, _) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/comments/{await NewComment(ids)}/hide") { Content = JsonContent.Create(new { version = 0, reason = "Fuera de tema" }) }),
        ["GET /comments/{id:int?}"] = new(OnlySecretariat, null, async (ids, _) => Get($"/comments/{await NewComment(ids)}")),
        ["POST /comments/{id:int?}"] = new(Nobody, null, CommentForm(string.Empty, new() { ["Version"] = "0", ["Text"] = "Cambiado" })),
        ["POST /comments/{id:int?}?handler=Delete"] = new(Nobody, null, CommentForm("Delete", new() { ["Version"] = "0" })),
        ["POST /comments/{id:int?}?handler=Hide"] = new(OnlySecretariat, null, CommentForm("Hide", new() { ["Version"] = "0", ["Reason"] = "Fuera de tema" })),
        ["POST /comments/{id:int?}?handler=Add"] = new(SignedIn, Staff, async (ids, scope) =>
        {
            var (type, id) = await CommentTarget(ids, scope);
            return new HttpRequestMessage(HttpMethod.Post, "/comments?handler=Add")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["EntityType"] = type, ["EntityId"] = id, ["Text"] = "Comentario de la matriz" }),
            };
        }),
        ["GET /api/matrix/"] = new(Staff, null, Static(_ => "/api/matrix?language=en")),
        ["POST /api/matrix/"] = new([Secretariat, FocalPoint], null, (_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/matrix")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent("not a workbook"u8.ToArray()), "file", "matrix.xlsx" } },
        })),
        ["GET /monitoring/matrix"] = new(Staff, null, Static(_ => "/monitoring/matrix")),
        ["GET /monitoring/matrix?handler=Download"] = new(Staff, null, Static(_ => "/monitoring/matrix?handler=Download&language=es")),
        ["POST /monitoring/matrix?handler=Upload"] = new([Secretariat, FocalPoint], null, Form((_, _) => "/monitoring/matrix?handler=Upload", (_, _) => Task.FromResult(new Dictionary<string, string>()))),
        ["GET /api/open-data/iati-activities.xml"] = new(Everyone, null, Static(_ => "/api/open-data/iati-activities.xml")),
        ["GET /api/reports/"] = new(Staff, null, Static(_ => "/api/reports")),
        ["POST /api/reports/"] = new(OnlySecretariat, null,
            (ids, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/reports") { Content = JsonContent.Create(new { planId = ids.PlanId, semester = "2099-S2" }) })),
        ["GET /api/reports/{id:int}"] = new(Staff, null, async (ids, _) => Get($"/api/reports/{await NewReport(ids)}")),
        ["PUT /api/reports/{id:int}/summary"] = new(OnlySecretariat, null,
            ReportJson(HttpMethod.Put, (id, _) => $"/api/reports/{id}/summary", new { version = 0, summary = new { es = "Resumen", en = "Summary" } })),
        ["PUT /api/reports/{id:int}/narratives/{country}"] = new([Secretariat, FocalPoint], OnlySecretariat,
            ReportJson(HttpMethod.Put, (id, scope) => $"/api/reports/{id}/narratives/{Country(scope)}", new { version = 0, text = new { es = "Narrativa", en = "" } })),
        ["POST /api/reports/{id:int}/submit"] = new(OnlySecretariat, null, ReportJson(HttpMethod.Post, (id, _) => $"/api/reports/{id}/submit", new { version = 0 })),
        // Only the Pro-Tempore Presidency approves or returns, not even the Secretariat that prepares the report.
        ["POST /api/reports/{id:int}/approve"] = new([Presidency], null,
            ReportJson(HttpMethod.Post, (id, _) => $"/api/reports/{id}/approve", new { version = 0 }, Movilidad.Platform.Reports.ReportStatus.Submitted)),
        ["POST /api/reports/{id:int}/return"] = new([Presidency], null,
            ReportJson(HttpMethod.Post, (id, _) => $"/api/reports/{id}/return", new { version = 0, comment = "Revisar" }, Movilidad.Platform.Reports.ReportStatus.Submitted)),
        ["GET /api/reports/{id:int}/document"] = new(Everyone, null, async (ids, _) => Get($"/api/reports/{await NewReport(ids)}/document?format=docx&language=es")),
        ["GET /reports"] = new(Everyone, null, Static(_ => "/reports")),
        ["POST /reports?handler=Create"] = new(OnlySecretariat, null,
            Form((_, _) => "/reports?handler=Create", (ids, _) => Task.FromResult(new Dictionary<string, string> { ["PlanId"] = ids.PlanId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Semester"] = "2098-S1" }))),
        ["GET /reports/{id:int}"] = new(Everyone, null, async (ids, _) => Get($"/reports/{await NewReport(ids)}")),
        ["POST /reports/{id:int}?handler=Summary"] = new(OnlySecretariat, null,
            ReportForm((id, _) => $"/reports/{id}?handler=Summary", new() { ["Version"] = "0", ["SummaryEs"] = "Resumen", ["SummaryEn"] = "Summary" })),
        ["POST /reports/{id:int}?handler=Submit"] = new(OnlySecretariat, null, ReportForm((id, _) => $"/reports/{id}?handler=Submit", new() { ["Version"] = "0" })),
        ["POST /reports/{id:int}?handler=Approve"] = new([Presidency], null,
            ReportForm((id, _) => $"/reports/{id}?handler=Approve", new() { ["Version"] = "0" }, Movilidad.Platform.Reports.ReportStatus.Submitted)),
        ["POST /reports/{id:int}?handler=Return"] = new([Presidency], null,
            ReportForm((id, _) => $"/reports/{id}?handler=Return", new() { ["Version"] = "0", ["Comment"] = "Revisar" }, Movilidad.Platform.Reports.ReportStatus.Submitted)),
        ["GET /reports/{id:int}/narratives/{country:length(2)}"] = new([Secretariat, FocalPoint], OnlySecretariat,
            async (ids, scope) => Get($"/reports/{await NewReport(ids)}/narratives/{Country(scope)}")),
        ["POST /reports/{id:int}/narratives/{country:length(2)}"] = new([Secretariat, FocalPoint], OnlySecretariat,
            ReportForm((id, scope) => $"/reports/{id}/narratives/{Country(scope)}", new() { ["Version"] = "0", ["TextEs"] = "Narrativa" })),
        ["GET /api/pledges/"] = new(Everyone, null, Static(_ => "/api/pledges")),
        ["GET /api/pledges/{id:int}"] = new(Everyone, null, async (ids, scope) => Get($"/api/pledges/{await NewPledge(ids, scope, published: true)}")),
        ["GET /api/pledges/{id:int}/updates/{updateId:int}/evidence"] = new(Everyone, null, async (ids, scope) =>
        {
            var id = await NewPledge(ids, scope, published: true, evidence: true);
            await using var db = (Platform.Data.MovilidadDb)ids.Db();
            var update = await db.PledgeUpdates.Where(u => u.PledgeId == id).Select(u => u.Id).SingleAsync();
            return Get($"/api/pledges/{id}/updates/{update}/evidence");
        }),
        ["POST /api/pledges/"] = new([Secretariat, FocalPoint], OnlySecretariat,
            (ids, scope) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/pledges") { Content = JsonContent.Create(PledgeBody(ids, scope)) })),
        ["PUT /api/pledges/{id:int}"] = new([Secretariat, FocalPoint], OnlySecretariat,
            async (ids, scope) => new HttpRequestMessage(HttpMethod.Put, $"/api/pledges/{await NewPledge(ids, scope)}") { Content = JsonContent.Create(PledgeBody(ids, scope)) }),
        ["POST /api/pledges/{id:int}/updates"] = new([Secretariat, FocalPoint], OnlySecretariat,
            async (ids, scope) => new HttpRequestMessage(HttpMethod.Post, $"/api/pledges/{await NewPledge(ids, scope)}/updates") { Content = JsonContent.Create(UpdateBody) }),
        ["PUT /api/pledges/{id:int}/publication"] = new(OnlySecretariat, null,
            async (ids, scope) => new HttpRequestMessage(HttpMethod.Put, $"/api/pledges/{await NewPledge(ids, scope)}/publication") { Content = JsonContent.Create(new { version = 0, isPublished = true }) }),
        ["GET /pledges"] = new(Everyone, null, Static(_ => "/pledges")),
        ["GET /pledges/dashboard"] = new(Everyone, null, Static(_ => "/pledges/dashboard")),
        ["GET /pledges/{id:int}"] = new(Everyone, null, async (ids, scope) => Get($"/pledges/{await NewPledge(ids, scope, published: true)}")),
        ["POST /pledges/{id:int}?handler=Update"] = new([Secretariat, FocalPoint], OnlySecretariat,
            async (ids, scope) => new HttpRequestMessage(HttpMethod.Post, $"/pledges/{await NewPledge(ids, scope)}?handler=Update")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Version"] = "0", ["Form.Year"] = "2025", ["Form.Quarter"] = "2", ["Form.Status"] = "InProgress", ["Form.Narrative"] = "Avance" }),
            }),
        ["POST /api/pledges/{id:int}/pledgers/{institutionId:int}/confirm"] = new([Secretariat, FocalPoint], OnlySecretariat,
            async (ids, scope) => new HttpRequestMessage(HttpMethod.Post, $"/api/pledges/{await NewPledge(ids, scope, proposed: true)}/pledgers/{Institution(ids, scope)}/confirm") { Content = JsonContent.Create(new { version = 0 }) }),
        ["POST /pledges/{id:int}?handler=Confirm"] = new([Secretariat, FocalPoint], OnlySecretariat,
            async (ids, scope) => new HttpRequestMessage(HttpMethod.Post, $"/pledges/{await NewPledge(ids, scope, proposed: true)}?handler=Confirm&institution={Institution(ids, scope)}")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Version"] = "0" }),
            }),
        ["POST /pledges/{id:int}?handler=Publish"] = new(OnlySecretariat, null,
            async (ids, scope) => new HttpRequestMessage(HttpMethod.Post, $"/pledges/{await NewPledge(ids, scope)}?handler=Publish&publish=true")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Version"] = "0" }),
            }),
        ["GET /pledges/edit/{id:int?}"] = new([Secretariat, FocalPoint], OnlySecretariat, async (ids, scope) => Get($"/pledges/edit/{await NewPledge(ids, scope)}")),
        ["POST /pledges/edit/{id:int?}"] = new([Secretariat, FocalPoint], OnlySecretariat,
            async (ids, scope) => new HttpRequestMessage(HttpMethod.Post, $"/pledges/edit/{await NewPledge(ids, scope)}") { Content = new FormUrlEncodedContent(PledgeFields(ids, scope)) }),

        ["GET /api/practices/"] = new(Everyone, null, Static(_ => "/api/practices")),
        ["GET /api/practices/{id:int}"] = new(Everyone, null, async (ids, _) => Get($"/api/practices/{await NewPractice(ids, Movilidad.Platform.Practices.PracticeStatus.Published)}")),
        ["POST /api/practices/"] = new(SignedIn, null, (ids, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/practices") { Content = JsonContent.Create(PracticeBody(ids)) })),
        ["PUT /api/practices/{id:int}"] = new(OnlySecretariat, null,
            PracticeJson(Movilidad.Platform.Practices.PracticeStatus.Submitted, id => $"/api/practices/{id}", PracticeBody, HttpMethod.Put)),
        ["POST /api/practices/{id:int}/review"] = new(OnlySecretariat, null,
            PracticeJson(Movilidad.Platform.Practices.PracticeStatus.Submitted, id => $"/api/practices/{id}/review", _ => new { version = 0, decision = "accept" })),
        ["POST /api/practices/{id:int}/consent"] = new(OnlySecretariat, null,
            PracticeJson(Movilidad.Platform.Practices.PracticeStatus.Accepted, id => $"/api/practices/{id}/consent", _ => new { version = 0, consentGivenBy = "Directora", consentGivenOn = "2025-01-15" })),
        ["POST /api/practices/{id:int}/schedule"] = new(OnlySecretariat, null,
            PracticeJson(Movilidad.Platform.Practices.PracticeStatus.Accepted, id => $"/api/practices/{id}/schedule", _ => new { version = 0, month = "2099-02" })),
        ["POST /api/practices/{id:int}/publish"] = new(OnlySecretariat, null,
            PracticeJson(Movilidad.Platform.Practices.PracticeStatus.Accepted, id => $"/api/practices/{id}/publish", _ => new { version = 0 })),
        ["GET /practices/{id:int}/history"] = new([Secretariat, Observer], null, async (ids, _) => Get($"/practices/{await NewPractice(ids, Movilidad.Platform.Practices.PracticeStatus.Published)}/history")),
        ["GET /pledges/{id:int}/history"] = new(Staff, null, async (ids, scope) => Get($"/pledges/{await NewPledge(ids, scope, published: true)}/history")),
        ["GET /practices"] = new(Everyone, null, Static(_ => "/practices")),
        ["GET /practices/calendar"] = new(Everyone, null, Static(_ => "/practices/calendar")),
        ["GET /practices/{id:int}"] = new(Everyone, null, async (ids, _) => Get($"/practices/{await NewPractice(ids, Movilidad.Platform.Practices.PracticeStatus.Published)}")),
        ["GET /practices/submit/{id:int?}"] = new(SignedIn, null, Static(_ => "/practices/submit")),
        ["POST /practices/submit/{id:int?}"] = new(SignedIn, null, Form((_, _) => "/practices/submit", (ids, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["Form.Version"] = "0", ["Form.InstitutionId"] = ids.OwnInstitution.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.TitleEs"] = "Práctica", ["Form.TitleEn"] = "Practice", ["Form.SummaryEs"] = "Resumen", ["Form.SummaryEn"] = "Summary",
            ["Form.BodyEs"] = "Texto", ["Form.BodyEn"] = "Text", ["Form.GcmObjectives"] = "6", ["Form.Countries"] = "GT",
        }))),
        ["POST /practices/{id:int}?handler=Review"] = new(OnlySecretariat, null,
            PracticeForm(Movilidad.Platform.Practices.PracticeStatus.Submitted, "Review", new() { ["Decision"] = "Accept" })),
        ["POST /practices/{id:int}?handler=Consent"] = new(OnlySecretariat, null,
            PracticeForm(Movilidad.Platform.Practices.PracticeStatus.Accepted, "Consent", new() { ["ConsentGivenBy"] = "Directora", ["ConsentGivenOn"] = "2025-01-15" })),
        ["POST /practices/{id:int}?handler=Schedule"] = new(OnlySecretariat, null,
            PracticeForm(Movilidad.Platform.Practices.PracticeStatus.Accepted, "Schedule", new() { ["Month"] = "2099-01" })),
        ["POST /practices/{id:int}?handler=Publish"] = new(OnlySecretariat, null, PracticeForm(Movilidad.Platform.Practices.PracticeStatus.Accepted, "Publish", [])),
        ["GET /api/repository/"] = new(Everyone, null, Static(_ => "/api/repository?type=toolkit")),
        ["GET /api/repository/{id:int}"] = new(Everyone, null, async (ids, _) => Get($"/api/repository/{await NewRepositoryItem(ids, Movilidad.Platform.Knowledge.ItemStatus.Published)}")),
        ["GET /api/repository/{id:int}/file"] = new(Everyone, null, async (ids, _) => Get($"/api/repository/{await NewRepositoryItem(ids, Movilidad.Platform.Knowledge.ItemStatus.Published)}/file")),
        ["GET /api/repository/{id:int}/files/{fileId:int}"] = new(Everyone, null, async (ids, _) => Get($"/api/repository/{await NewRepositoryItem(ids, Movilidad.Platform.Knowledge.ItemStatus.Published)}/files/1")),
        ["GET /api/toolkits/{id:int}/download"] = new(Everyone, null, Static(_ => "/api/toolkits/999999/download")),
        ["POST /api/repository/"] = new(SignedIn, null, (_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/repository")
        {
            Content = JsonContent.Create(new { version = 0, kind = "link", type = "manual", title = new { es = "Enlace", en = string.Empty }, url = "https://www.example.org/" }),
        })),
        ["POST /api/repository/documents"] = new(SignedIn, null, (_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/repository/documents")
        {
            Content = new MultipartFormDataContent { { new StringContent("{\"version\":0,\"kind\":\"document\",\"type\":\"manual\",\"title\":{\"es\":\"Documento\",\"en\":\"\"}}"), "metadata" }, { new ByteArrayContent("no es un PDF"u8.ToArray()), "file", "matriz.pdf" } },
        })),
        ["PUT /api/repository/{id:int}"] = new(Curators, null, async (ids, _) => new HttpRequestMessage(HttpMethod.Put, $"/api/repository/{await NewRepositoryItem(ids, Movilidad.Platform.Knowledge.ItemStatus.Proposed)}")
        {
            Content = JsonContent.Create(new { version = 0, kind = "link", type = "manual", title = new { es = "Enlace", en = string.Empty }, url = "https://www.example.org/" }),
        }),
        ["POST /api/repository/{id:int}/files"] = new(Curators, null, async (ids, _) => new HttpRequestMessage(HttpMethod.Post, $"/api/repository/{await NewRepositoryItem(ids, Movilidad.Platform.Knowledge.ItemStatus.Proposed)}/files")
        {
            Content = new MultipartFormDataContent { { new StringContent("0"), "version" }, { new ByteArrayContent("no es un PDF"u8.ToArray()), "file", "matriz.pdf" } },
        }),
        ["POST /api/repository/{id:int}/review"] = new(Curators, null, async (ids, _) => new HttpRequestMessage(HttpMethod.Post, $"/api/repository/{await NewRepositoryItem(ids, Movilidad.Platform.Knowledge.ItemStatus.Proposed)}/review")
        {
            Content = JsonContent.Create(new { version = 0, decision = "accept", checklist = new[] { "diversity" } }),
        }),
        ["POST /api/repository/{id:int}/publish"] = new(Curators, null, async (ids, _) => new HttpRequestMessage(HttpMethod.Post, $"/api/repository/{await NewRepositoryItem(ids, Movilidad.Platform.Knowledge.ItemStatus.Reviewed)}/publish")
        {
            Content = JsonContent.Create(new { version = 0, audience = "public" }),
        }),
        ["GET /repository"] = new(Everyone, null, Static(_ => "/repository")),
        ["GET /repository/dashboard"] = new(Everyone, null, Static(_ => "/repository/dashboard")),
        ["GET /repository/{id:int}"] = new(Everyone, null, async (ids, _) => Get($"/repository/{await NewRepositoryItem(ids, Movilidad.Platform.Knowledge.ItemStatus.Published)}")),
        ["GET /repository/{id:int}/history"] = new(Curators, null, async (ids, _) => Get($"/repository/{await NewRepositoryItem(ids, Movilidad.Platform.Knowledge.ItemStatus.Published)}/history")),
        ["GET /repository/propose"] = new(SignedIn, null, Static(_ => "/repository/propose")),
        ["POST /repository/propose"] = new(SignedIn, null, Form((_, _) => "/repository/propose", (_, _) => Task.FromResult(new Dictionary<string, string>
        {
            ["Form.Kind"] = "link", ["Form.Type"] = "manual", ["Form.TitleEs"] = "Enlace de la matriz", ["Form.Url"] = "https://www.example.org/",
        }))),
        ["POST /repository/{id:int}?handler=Review"] = new(Curators, null, async (ids, _) => new HttpRequestMessage(HttpMethod.Post, $"/repository/{await NewRepositoryItem(ids, Movilidad.Platform.Knowledge.ItemStatus.Proposed)}?handler=Review")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Version"] = "0", ["Decision"] = "accept" }),
        }),
        ["POST /repository/{id:int}?handler=Publish"] = new(Curators, null, async (ids, _) => new HttpRequestMessage(HttpMethod.Post, $"/repository/{await NewRepositoryItem(ids, Movilidad.Platform.Knowledge.ItemStatus.Reviewed)}?handler=Publish")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Version"] = "0", ["Audience"] = "public" }),
        }),
        ["PUT /api/toolkits/{id:int}/guide"] = new(Curators, null, async (ids, _) => new HttpRequestMessage(HttpMethod.Put, $"/api/toolkits/{await NewToolkit(ids)}/guide")
        {
            Content = JsonContent.Create(new { version = 0, complete = false, guide = new { steps = new[] { new { es = "Paso de la matriz", en = "Matrix step" } } } }),
        }),
        ["GET /repository/{id:int}/guide"] = new(Curators, null, async (ids, _) => Get($"/repository/{await NewToolkit(ids)}/guide")),
        ["POST /repository/{id:int}/guide"] = new(Curators, null, async (ids, _) => new HttpRequestMessage(HttpMethod.Post, $"/repository/{await NewToolkit(ids)}/guide")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Version"] = "0", ["Form.Steps[0].Es"] = "Paso", ["Form.Steps[0].En"] = "Step" }),
        }),
        ["POST /repository/{id:int}/guide?handler=Asset"] = new(Curators, null, async (ids, _) => new HttpRequestMessage(HttpMethod.Post, $"/repository/{await NewToolkit(ids)}/guide?handler=Asset")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Version"] = "0", ["Slot"] = "poster" }),
        }),
        ["GET /api/courses/"] = new(Everyone, null, Static(_ => "/api/courses?modality=virtual")),
        ["GET /api/courses/{id:int}"] = new(Everyone, null, async (ids, scope) => Get($"/api/courses/{await NewCourse(ids, scope)}")),
        ["POST /api/courses/"] = new([Secretariat, FocalPoint, Observer], [Secretariat, Observer], (ids, scope) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/courses")
        {
            Content = JsonContent.Create(new { version = 0, kind = "course", title = new { es = "Curso de la matriz", en = string.Empty }, providerId = Institution(ids, scope) }),
        })),
        ["PUT /api/courses/{id:int}"] = new([Secretariat, FocalPoint], OnlySecretariat, async (ids, scope) => new HttpRequestMessage(HttpMethod.Put, $"/api/courses/{await NewCourse(ids, scope)}")
        {
            Content = JsonContent.Create(new { version = 1, kind = "course", title = new { es = "Curso de la matriz", en = string.Empty }, providerId = Institution(ids, scope) }),
        }),
        ["GET /api/courses/calendar.ics"] = new(Everyone, null, Static(_ => "/api/courses/calendar.ics?country=GT")),
        ["GET /api/courses/{id:int}/interest"] = new([Secretariat, FocalPoint], OnlySecretariat, async (ids, scope) => Get($"/api/courses/{await NewCourse(ids, scope)}/interest")),
        ["POST /api/courses/{id:int}/interest"] = new(SignedIn, null, async (ids, _) => new HttpRequestMessage(HttpMethod.Post, $"/api/courses/{await NewCourse(ids, Scope.Own)}/interest")),
        ["DELETE /api/courses/{id:int}/interest"] = new(SignedIn, null, async (ids, _) => new HttpRequestMessage(HttpMethod.Delete, $"/api/courses/{await NewCourse(ids, Scope.Own)}/interest")),
        ["GET /courses/calendar"] = new(Everyone, null, Static(_ => "/courses/calendar?month=2027-02&modality=virtual")),
        ["GET /courses/dashboard"] = new(Everyone, null, Static(_ => "/courses/dashboard")),
        ["GET /courses/{id:int}/history"] = new([Secretariat, FocalPoint], OnlySecretariat, async (ids, scope) => Get($"/courses/{await NewCourse(ids, scope)}/history")),
        ["POST /courses/{id:int}?handler=Interest"] = new(SignedIn, null, async (ids, _) => new HttpRequestMessage(HttpMethod.Post, $"/courses/{await NewCourse(ids, Scope.Own)}?handler=Interest")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Interested"] = "true" }),
        }),
        ["GET /courses"] = new(Everyone, null, Static(_ => "/courses?modality=virtual")),
        ["GET /courses/{id:int}"] = new(Everyone, null, async (ids, scope) => Get($"/courses/{await NewCourse(ids, scope)}")),
        ["GET /courses/edit/{id:int?}"] = new([Secretariat, FocalPoint], OnlySecretariat, async (ids, scope) => Get($"/courses/edit/{await NewCourse(ids, scope)}")),
        ["POST /courses/edit/{id:int?}"] = new([Secretariat, FocalPoint, Observer], [Secretariat, Observer], Form(
            (_, _) => "/courses/edit",
            (ids, scope) => Task.FromResult(new Dictionary<string, string>
            {
                ["Form.Version"] = "0", ["Form.Kind"] = "course", ["Form.TitleEs"] = "Curso de la matriz", ["Form.ProviderId"] = Institution(ids, scope).ToString(System.Globalization.CultureInfo.InvariantCulture),
            }))),
        ["GET /api/indicators/"] = new(Staff, null, Static(_ => "/api/indicators")),
        ["GET /api/indicators/{id:int}"] = new(Staff, null, async (ids, _) => Get($"/api/indicators/{await IndicatorId(ids)}")),
        ["PUT /api/indicators/{id:int}"] = new(OnlySecretariat, null, async (ids, _) =>
        {
            var id = await IndicatorId(ids);
            return new HttpRequestMessage(HttpMethod.Put, $"/api/indicators/{id}")
            {
                Content = JsonContent.Create(new { version = 0, name = new { es = "Nombre", en = "Name" }, definition = new { es = "Definición", en = "Definition" }, unit = new { es = "Número", en = "Number" } }),
            };
        }),
        ["POST /api/indicators/"] = new(OnlySecretariat, null, (_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/indicators")
        {
            Content = JsonContent.Create(new
            {
                plan = "pe-crm-2023-2026", code = "M" + Guid.NewGuid().ToString("N")[..8], type = "result", name = new { es = "Nombre", en = "Name" },
                definition = new { es = "Definición", en = "Definition" }, unit = new { es = "Número", en = "Number" }, unitCode = "NUMBER", targetType = "incremental", aggregation = "sum",
            }),
        })),
        ["PUT /api/indicators/{id:int}/targets"] = new(OnlySecretariat, null, async (ids, _) => new HttpRequestMessage(HttpMethod.Put, $"/api/indicators/{await IndicatorId(ids)}/targets")
        {
            Content = JsonContent.Create(new { version = 0, targets = new[] { new { country = "GT", period = "2025-S1", value = 1 } } }),
        }),
        ["GET /indicators/{id:int}"] = new(Everyone, null, async (ids, _) => Get($"/indicators/{await IndicatorId(ids)}")),
        ["GET /indicators/{id:int}/history"] = new(Staff, null, async (ids, _) => Get($"/indicators/{await IndicatorId(ids)}/history")),
        ["GET /indicators/edit/{id:int?}"] = new(OnlySecretariat, null, async (ids, _) => Get($"/indicators/edit/{await IndicatorId(ids)}")),
        ["POST /indicators/edit/{id:int?}"] = new(OnlySecretariat, null, Form(
            (_, _) => "/indicators/edit?plan=pe-crm-2023-2026",
            (_, _) => Task.FromResult(new Dictionary<string, string>
            {
                ["Form.Version"] = "0", ["Form.Plan"] = "pe-crm-2023-2026", ["Form.Code"] = "M" + Guid.NewGuid().ToString("N")[..8], ["Form.UnitCode"] = "NUMBER",
                ["Form.NameEs"] = "Nombre", ["Form.NameEn"] = "Name", ["Form.DefinitionEs"] = "Definición", ["Form.DefinitionEn"] = "Definition",
                ["Form.UnitEs"] = "Número", ["Form.UnitEn"] = "Number", ["Form.Targets[GT_2025-S1]"] = "1",
            }))),
        ["GET /api/indicators/reports"] = new(Staff, null, Static(_ => "/api/indicators/reports?plan=pe-crm-2023-2026")),
        ["GET /api/indicators/reports/{plan}/{period}/{country}/"] = new(Staff, null, Static(_ => "/api/indicators/reports/pe-crm-2023-2026/2025-S1/GT")),
        ["PUT /api/indicators/reports/{plan}/{period}/{country}/"] = new([Secretariat, FocalPoint], OnlySecretariat, (_, scope) => Task.FromResult(
            new HttpRequestMessage(HttpMethod.Put, $"/api/indicators/reports/pe-crm-2023-2026/2025-S1/{Country(scope)}") { Content = JsonContent.Create(new { version = 0, values = Array.Empty<object>() }) })),
        ["POST /api/indicators/reports/{plan}/{period}/{country}/submit"] = new([Secretariat, FocalPoint], OnlySecretariat, (_, scope) => Task.FromResult(
            new HttpRequestMessage(HttpMethod.Post, $"/api/indicators/reports/pe-crm-2023-2026/2025-S1/{Country(scope)}/submit") { Content = JsonContent.Create(new { version = 0 }) })),
        ["POST /api/indicators/reports/{plan}/{period}/{country}/approve"] = new(OnlySecretariat, null, (_, _) => Task.FromResult(
            new HttpRequestMessage(HttpMethod.Post, "/api/indicators/reports/pe-crm-2023-2026/2025-S1/GT/approve") { Content = JsonContent.Create(new { version = 0 }) })),
        ["POST /api/indicators/reports/{plan}/{period}/{country}/return"] = new(OnlySecretariat, null, (_, _) => Task.FromResult(
            new HttpRequestMessage(HttpMethod.Post, "/api/indicators/reports/pe-crm-2023-2026/2025-S1/GT/return") { Content = JsonContent.Create(new { version = 0, comment = "matrix" }) })),
        ["POST /api/indicators/periods/{plan}/{period}/lock"] = new(OnlySecretariat, null, (_, _) => Task.FromResult(
            new HttpRequestMessage(HttpMethod.Post, "/api/indicators/periods/pe-crm-2023-2026/2026-S2/lock") { Content = JsonContent.Create(new { version = 0 }) })),
        ["POST /api/indicators/periods/{plan}/{period}/reopen"] = new(OnlySecretariat, null, (_, _) => Task.FromResult(
            new HttpRequestMessage(HttpMethod.Post, "/api/indicators/periods/pe-crm-2023-2026/2026-S2/reopen") { Content = JsonContent.Create(new { version = 1, reason = "matrix" }) })),
        ["GET /api/indicators/dashboard"] = new(Staff, null, Static(_ => "/api/indicators/dashboard")),
        ["GET /api/indicators/values.sdmx.csv"] = new(Everyone, null, Static(_ => "/api/indicators/values.sdmx.csv")),
        ["GET /indicators"] = new(Everyone, null, Static(_ => "/indicators")),
        ["GET /indicators/reports"] = new(Staff, null, Static(_ => "/indicators/reports")),
        ["POST /indicators/reports?handler=Lock"] = new(OnlySecretariat, null,
            Form((_, _) => "/indicators/reports?handler=Lock&plan=pe-crm-2023-2026", (_, _) => Task.FromResult(new Dictionary<string, string> { ["period"] = "2026-S1", ["version"] = "0" }))),
        ["POST /indicators/reports?handler=Reopen"] = new(OnlySecretariat, null,
            Form((_, _) => "/indicators/reports?handler=Reopen&plan=pe-crm-2023-2026", (_, _) => Task.FromResult(new Dictionary<string, string> { ["period"] = "2026-S1", ["version"] = "1", ["reason"] = "matrix" }))),
        ["GET /indicators/reports/{plan}/{period}/{country:length(2)}"] = new(Staff, null, Static(_ => "/indicators/reports/pe-crm-2023-2026/2025-S2/GT")),
        ["POST /indicators/reports/{plan}/{period}/{country:length(2)}"] = new([Secretariat, FocalPoint], OnlySecretariat,
            Form((_, scope) => $"/indicators/reports/pe-crm-2023-2026/2025-S2/{Country(scope)}", (_, _) => Task.FromResult(new Dictionary<string, string> { ["Version"] = "0" }))),
        ["POST /indicators/reports/{plan}/{period}/{country:length(2)}?handler=Submit"] = new([Secretariat, FocalPoint], OnlySecretariat,
            Form((_, scope) => $"/indicators/reports/pe-crm-2023-2026/2025-S2/{Country(scope)}?handler=Submit", (_, _) => Task.FromResult(new Dictionary<string, string> { ["Version"] = "0" }))),
        ["POST /indicators/reports/{plan}/{period}/{country:length(2)}?handler=Approve"] = new(OnlySecretariat, null,
            Form((_, _) => "/indicators/reports/pe-crm-2023-2026/2025-S2/GT?handler=Approve", (_, _) => Task.FromResult(new Dictionary<string, string> { ["Version"] = "0" }))),
        ["POST /indicators/reports/{plan}/{period}/{country:length(2)}?handler=Return"] = new(OnlySecretariat, null,
            Form((_, _) => "/indicators/reports/pe-crm-2023-2026/2025-S2/GT?handler=Return", (_, _) => Task.FromResult(new Dictionary<string, string> { ["Version"] = "0", ["Comment"] = "matrix" }))),

        ["GET /api/labour-market/datasets"] = new(Everyone, null, Static(_ => "/api/labour-market/datasets")),
        ["GET /api/labour-market/datasets/{id:int}"] = new(Everyone, null, Static(_ => "/api/labour-market/datasets/999999")),
        ["GET /api/labour-market/observations"] = new(Everyone, null, Static(_ => "/api/labour-market/observations?groupBy=measure,country")),
        ["GET /api/labour-market/observations.sdmx.csv"] = new(Everyone, null, Static(_ => "/api/labour-market/observations.sdmx.csv")),
        ["GET /api/labour-market/outlook"] = new(Everyone, null, Static(_ => "/api/labour-market/outlook?level=2")),
        // Every focal point imports templates of their own country's rows (LabourImportPageTests refuses GT's focal point another country's rows;
        // LabourMarketApiTests checks the US and Canada focal points on their publications).
        ["POST /api/labour-market/datasets"] = new([Secretariat, FocalPoint], null, (_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/labour-market/datasets")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent("a,b\n1,2\n"u8.ToArray()), "file", "not-a-record.csv" } },
        })),
        ["POST /api/labour-market/imports"] = new([Secretariat, FocalPoint], null, (_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/labour-market/imports")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent("a\n"u8.ToArray()), "file", "not-a-table.csv" } },
        })),
        ["GET /api/labour-market/imports/{id:int}"] = new([Secretariat, FocalPoint], null, Static(_ => "/api/labour-market/imports/999999")),
        ["POST /api/labour-market/imports/{id:int}/start"] = new([Secretariat, FocalPoint], null, (_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/labour-market/imports/999999/start"))),
        ["GET /api/labour-market/template.xlsx"] = new(Everyone, null, Static(_ => "/api/labour-market/template.xlsx")),
        ["GET /api/labour-market/template.csv"] = new(Everyone, null, Static(_ => "/api/labour-market/template.csv")),
        ["GET /labour-market/import"] = new([Secretariat, FocalPoint], null, Static(_ => "/labour-market/import")),
        ["POST /labour-market/import"] = new([Secretariat, FocalPoint], null, Form((_, _) => "/labour-market/import", (_, _) => Task.FromResult(new Dictionary<string, string>()))),
        ["GET /labour-market/import/{id:int}"] = new([Secretariat, FocalPoint], null, Static(_ => "/labour-market/import/999999")),
        ["POST /labour-market/import/{id:int}"] = new([Secretariat, FocalPoint], null, Form((_, _) => "/labour-market/import/999999", (_, _) => Task.FromResult(new Dictionary<string, string>()))),
        ["POST /labour-market/import/{id:int}?handler=Preview"] = new([Secretariat, FocalPoint], null, Form((_, _) => "/labour-market/import/999999?handler=Preview", (_, _) => Task.FromResult(new Dictionary<string, string>()))),
        ["GET /labour-market"] = new(Everyone, null, Static(_ => "/labour-market?groupBy=x")),
        ["GET /labour-market?handler=Csv"] = new(Everyone, null, Static(_ => "/labour-market?handler=Csv")),
        ["GET /labour-market?handler=Xlsx"] = new(Everyone, null, Static(_ => "/labour-market?handler=Xlsx")),
        ["GET /labour-market/datasets"] = new(Everyone, null, Static(_ => "/labour-market/datasets")),
        ["GET /labour-market/datasets/{id:int}"] = new(Everyone, null, Static(_ => "/labour-market/datasets/999999")),
        ["GET /labour-market/occupations/{code:length(1,4)}"] = new(Everyone, null, Static(_ => "/labour-market/occupations/7")),
        ["GET /labour-market/outlook"] = new(Everyone, null, Static(_ => "/labour-market/outlook?level=2")),
        ["GET /labour-market/methodology"] = new(Everyone, null, Static(_ => "/labour-market/methodology")),
        ["PUT /api/labour-market/outlook/sectors/{id:int}"] = new(OnlySecretariat, null, SectorPut),
        ["GET /labour-market/outlook/sectors/{id:int}/edit"] = new(OnlySecretariat, null, Static(_ => "/labour-market/outlook/sectors/1/edit")),
        ["POST /labour-market/outlook/sectors/{id:int}/edit"] = new(OnlySecretariat, null, Form((_, _) => "/labour-market/outlook/sectors/1/edit", (ids, _) => SectorForm(ids))),
        ["DELETE /api/labour-market/datasets/{id:int}"] = new([Secretariat, FocalPoint], null, (_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Delete, "/api/labour-market/datasets/999999"))),

        ["GET /api/recruiters/"] = new(Everyone, null, Static(_ => "/api/recruiters?q=farms&status=sanctioned")),
        ["GET /api/recruiters/{id:int}"] = new(Everyone, null, async (ids, _) => Get($"/api/recruiters/{await NewRecruiter(ids)}")),
        ["GET /api/recruiters/check"] = new(Everyone, null, Static(_ => "/api/recruiters/check?name=Global%20Horizons%20Manpower")),
        ["GET /api/recruiters/duplicates"] = new(OnlySecretariat, null, Static(_ => "/api/recruiters/duplicates")),
        ["POST /api/recruiters/duplicates/{id:int}/review"] = new(OnlySecretariat, null, async (ids, _) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/recruiters/duplicates/{await NewDuplicate(ids)}/review") { Content = JsonContent.Create(new { version = 0, decision = "keep-apart" }) }),
        ["POST /api/recruiters/{id:int}/sanctions"] = new([Secretariat, FocalPoint], OnlySecretariat, async (ids, scope) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/recruiters/{await NewRecruiter(ids)}/sanctions")
            {
                Content = JsonContent.Create(new { kind = "licence-suspended", country = Country(scope), authority = "Ministerio de Trabajo", start = "2026-01-10", source = "Resolución de la matriz" }),
            }),
        ["GET /api/fraud-reports/token"] = new(Everyone, null, Static(_ => "/api/fraud-reports/token")),
        ["POST /api/fraud-reports/"] = new(Everyone, null, (_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/fraud-reports")
        {
            Content = JsonContent.Create(new { country = "GT", recruiterName = "Agencia de la matriz", description = "Me cobraron", token = "not-a-token" }),
        })),
        ["GET /api/fraud-reports/"] = new([Secretariat, FocalPoint], null, Static(_ => "/api/fraud-reports")),
        ["GET /api/fraud-reports/{id:int}"] = new([Secretariat, FocalPoint], OnlySecretariat, async (ids, scope) => Get($"/api/fraud-reports/{await NewFraudReport(ids, scope)}")),
        ["POST /api/fraud-reports/{id:int}/triage"] = new([Secretariat, FocalPoint], OnlySecretariat, async (ids, scope) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/fraud-reports/{await NewFraudReport(ids, scope)}/triage") { Content = JsonContent.Create(new { version = 0, status = "in-review", note = "matriz" }) }),
        ["GET /api/fraud-reports/counts"] = new(Everyone, null, Static(_ => "/api/fraud-reports/counts")),
        ["GET /recruiters"] = new(Everyone, null, Static(_ => "/recruiters?q=farms")),
        ["GET /recruiters/{id:int}"] = new(Everyone, null, async (ids, _) => Get($"/recruiters/{await NewRecruiter(ids)}")),
        ["GET /recruiters/check"] = new(Everyone, null, Static(_ => "/recruiters/check?name=Global%20Horizons%20Manpower")),
        ["GET /recruiters/checklist"] = new(Everyone, null, Static(_ => "/recruiters/checklist")),
        ["POST /recruiters/checklist"] = new(Everyone, null, Form((_, _) => "/recruiters/checklist", (_, _) => Task.FromResult(new Dictionary<string, string> { ["answer-gp-7"] = "no" }))),
        ["GET /recruiters/guide"] = new(Everyone, null, Static(_ => "/recruiters/guide")),
        ["GET /recruiters/duplicates"] = new(OnlySecretariat, null, Static(_ => "/recruiters/duplicates")),
        ["POST /recruiters/duplicates"] = new(OnlySecretariat, null, Form((_, _) => "/recruiters/duplicates", async (ids, _) => new Dictionary<string, string>
        {
            ["id"] = (await NewDuplicate(ids)).ToString(System.Globalization.CultureInfo.InvariantCulture), ["version"] = "0", ["decision"] = "KeepApart",
        })),
        ["GET /fraud-reports/new"] = new(Everyone, null, Static(_ => "/fraud-reports/new")),
        ["POST /fraud-reports/new"] = new(Everyone, null, Form((_, _) => "/fraud-reports/new", (_, _) => Task.FromResult(new Dictionary<string, string> { ["Form.Country"] = "GT" }))),
        ["GET /fraud-reports"] = new(Everyone, null, Static(_ => "/fraud-reports")),
        ["POST /fraud-reports"] = new([Secretariat, FocalPoint], OnlySecretariat, Form((_, _) => "/fraud-reports", async (ids, scope) => new Dictionary<string, string>
        {
            ["id"] = (await NewFraudReport(ids, scope)).ToString(System.Globalization.CultureInfo.InvariantCulture), ["version"] = "0", ["status"] = "InReview", ["note"] = "matriz",
        })),
        ["GET /api/models/"] = new(Everyone, null, Static(_ => "/api/models")),
        ["GET /api/models/{id:int}"] = new(Everyone, null, Static(_ => "/api/models/999999")),
        ["GET /api/models/runs/{id:int}"] = new(Everyone, null, Static(_ => "/api/models/runs/999999")),
        ["GET /api/models/runs/{id:int}.csv"] = new(Everyone, null, Static(_ => "/api/models/runs/999999.csv")),
        ["GET /api/models/runs/{id:int}.xlsx"] = new(Everyone, null, Static(_ => "/api/models/runs/999999.xlsx")),
        // A country's models are kept by the Secretariat and that country's focal point; the file is not a model, so those allowed get a 400.
        ["POST /api/models/"] = new([Secretariat, FocalPoint], [Secretariat], (_, scope) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/models")
        {
            Content = new MultipartFormDataContent
            {
                { new ByteArrayContent("not a model"u8.ToArray()), "file", "not-a-model.mdl" },
                { new StringContent("matrix"), "title" },
                { new StringContent(scope == Scope.Other ? "MX" : "GT"), "country" },
            },
        })),
        ["POST /api/models/{id:int}/versions"] = new([Secretariat, FocalPoint], [Secretariat], async (ids, scope) => new HttpRequestMessage(HttpMethod.Post, $"/api/models/{await DemandModel(ids, scope)}/versions")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent("not a model"u8.ToArray()), "file", "not-a-model.mdl" }, { new StringContent("1"), "version" } },
        }),
        ["POST /api/models/{id:int}/scenarios"] = new([Secretariat, FocalPoint], [Secretariat], async (ids, scope) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/models/{await DemandModel(ids, scope)}/scenarios") { Content = JsonContent.Create(new { name = "", constants = new Dictionary<string, double> { ["no such constant"] = 1 } }) }),
        ["POST /api/models/{id:int}/scenarios/import"] = new([Secretariat, FocalPoint], [Secretariat], async (ids, scope) => new HttpRequestMessage(HttpMethod.Post, $"/api/models/{await DemandModel(ids, scope)}/scenarios/import")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent("no equals sign here"u8.ToArray()), "file", "matrix.cin" } },
        }),
        ["GET /api/models/{id:int}/bindings"] = new(Everyone, null, Static(_ => "/api/models/999999/bindings")),
        ["POST /api/models/{id:int}/bindings"] = new([Secretariat, FocalPoint], [Secretariat], async (ids, scope) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/models/{await DemandModel(ids, scope)}/bindings") { Content = JsonContent.Create(new { variable = "no such variable", kind = "series" }) }),
        // Running takes the server's cores: the people who work on the plans run models, not anonymous or civil-society accounts.
        ["POST /api/models/{id:int}/runs"] = new(Staff, null, async (ids, _) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/models/{await DemandModel(ids, Scope.Own)}/runs") { Content = JsonContent.Create(new { kind = "sensitivity", runs = 10_000_000 }) }),
        ["POST /api/models/runs/{id:int}/stop"] = new(Staff, null, (_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/models/runs/999999/stop"))),
        // A calibration's fit is saved as a scenario by who keeps the model: a run that is not a calibration, so those allowed get a 400.
        ["POST /api/models/runs/{id:int}/scenario"] = new([Secretariat, FocalPoint], [Secretariat], async (ids, scope) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/models/runs/{await DemandRun(ids, scope)}/scenario") { Content = JsonContent.Create(new { name = "matrix" }) }),
        ["GET /models"] = new(Everyone, null, Static(_ => "/models")),
        ["POST /models"] = new([Secretariat, FocalPoint], null, Form((_, _) => "/models", (_, _) => Task.FromResult(new Dictionary<string, string> { ["title"] = "matrix" }))),
        ["GET /models/{slug}"] = new(Everyone, null, Static(_ => "/models/seasonal-agricultural-workers")),
        ["POST /models/{slug}?handler=Run"] = new(Staff, null, Form((_, _) => "/models/seasonal-agricultural-workers?handler=Run", (_, _) => Task.FromResult(new Dictionary<string, string> { ["scenario"] = "999999" }))),
        ["POST /models/{slug}?handler=Sensitivity"] = new(Staff, null,
            Form((_, _) => "/models/seasonal-agricultural-workers?handler=Sensitivity", (_, _) => Task.FromResult(new Dictionary<string, string> { ["Sensitivity.Runs"] = "10000000" }))),
        ["POST /models/{slug}?handler=Import"] = new([Secretariat, FocalPoint], [Secretariat],
            Form((_, scope) => $"/models/matrix-{(scope == Scope.Other ? "mx" : "gt")}?handler=Import", async (ids, scope) =>
            {
                await DemandModel(ids, scope);
                return new Dictionary<string, string> { ["name"] = "matrix" };
            })),
        ["GET /models/runs/{id:int}"] = new(Everyone, null, Static(_ => "/models/runs/999999")),
        ["POST /models/runs/{id:int}?handler=Stop"] = new(Staff, null, Form((_, _) => "/models/runs/999999?handler=Stop", (_, _) => Task.FromResult(new Dictionary<string, string>()))),
        ["POST /models/runs/{id:int}?handler=SaveScenario"] = new([Secretariat, FocalPoint], [Secretariat],
            async (ids, scope) => new HttpRequestMessage(HttpMethod.Post, $"/models/runs/{await DemandRun(ids, scope)}?handler=SaveScenario")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["ScenarioName"] = "matrix" }),
            }),
        ["POST /models/{slug}?handler=Calibrate"] = new(Staff, null,
            Form((_, _) => "/models/seasonal-agricultural-workers?handler=Calibrate", (_, _) => Task.FromResult(new Dictionary<string, string> { ["Calibration.StartCount"] = "1000" }))),
        ["POST /models/{slug}?handler=Bind"] = new([Secretariat, FocalPoint], [Secretariat],
            Form((_, scope) => $"/models/matrix-{(scope == Scope.Other ? "mx" : "gt")}?handler=Bind", async (ids, scope) =>
            {
                await DemandModel(ids, scope);
                return new Dictionary<string, string> { ["Binding.Variable"] = "no such variable" };
            })),
        ["POST /models/{slug}?handler=PreviewBinding"] = new([Secretariat, FocalPoint], [Secretariat],
            Form((_, scope) => $"/models/matrix-{(scope == Scope.Other ? "mx" : "gt")}?handler=PreviewBinding", async (ids, scope) =>
            {
                await DemandModel(ids, scope);
                return new Dictionary<string, string> { ["Binding.Variable"] = "no such variable" };
            })),

        ["GET /account/sign-in"] = new(Everyone, null, Static(_ => "/account/sign-in")),
        ["POST /account/sign-in"] = new(Everyone, null,
            Form((_, _) => "/account/sign-in", (_, _) => Task.FromResult(new Dictionary<string, string> { ["Email"] = "nobody@example.org", ["Password"] = "not the password" }))),
        ["GET /account/two-factor"] = new(Everyone, null, Static(_ => "/account/two-factor")),
        ["POST /account/two-factor"] = new(Everyone, null, Form((_, _) => "/account/two-factor", (_, _) => Task.FromResult(new Dictionary<string, string> { ["Code"] = "000000" }))),
        // The access-denied page itself: everyone who reaches it is told 403, so no role is "allowed" through it.
        ["GET /account/denied"] = new(Nobody, null, Static(_ => "/account/denied")),
        ["GET /account/forgot"] = new(Everyone, null, Static(_ => "/account/forgot")),
        ["POST /account/forgot"] = new(Everyone, null, Form((_, _) => "/account/forgot", (_, _) => Task.FromResult(new Dictionary<string, string> { ["Email"] = "nobody@example.org" }))),
        ["GET /account/reset"] = new(Everyone, null, Static(_ => "/account/reset?email=nobody%40example.org&token=x")),
        ["POST /account/reset"] = new(Everyone, null,
            Form((_, _) => "/account/reset", (_, _) => Task.FromResult(new Dictionary<string, string> { ["Email"] = "nobody@example.org", ["Token"] = "x", ["Password"] = "a long enough password 1" }))),
        ["GET /account/security"] = new(SignedIn, null, Static(_ => "/account/security")),
        ["POST /account/security?handler=Enable"] = new(SignedIn, null, Form((_, _) => "/account/security?handler=Enable", (_, _) => Task.FromResult(new Dictionary<string, string> { ["Code"] = "000000" }))),
        ["POST /account/security?handler=RecoveryCodes"] = new(SignedIn, null, Form((_, _) => "/account/security?handler=RecoveryCodes", (_, _) => Task.FromResult(new Dictionary<string, string>()))),
        ["POST /account/security?handler=Disable"] = new(SignedIn, null, Form((_, _) => "/account/security?handler=Disable", (_, _) => Task.FromResult(new Dictionary<string, string> { ["Password"] = "not the password" }))),
        ["GET /account/password"] = new(SignedIn, null, Static(_ => "/account/password")),
        ["POST /account/password"] = new(SignedIn, null,
            Form((_, _) => "/account/password", (_, _) => Task.FromResult(new Dictionary<string, string> { ["Current"] = "not the password", ["New"] = "a long enough password 1", ["Confirm"] = "a long enough password 1" }))),
        ["GET /account/tokens"] = new(SignedIn, null, Static(_ => "/account/tokens")),
        ["POST /account/tokens?handler=Create"] = new(SignedIn, null, Form((_, _) => "/account/tokens?handler=Create", (_, _) => Task.FromResult(new Dictionary<string, string> { ["Name"] = "matrix" }))),
        ["POST /account/tokens?handler=Revoke"] = new(SignedIn, null, Form((_, _) => "/account/tokens?handler=Revoke&token=0", (_, _) => Task.FromResult(new Dictionary<string, string>()))),
        ["GET /accounts/users"] = new(OnlySecretariat, null, Static(_ => "/accounts/users")),
        ["GET /first-run"] = new(OnlySecretariat, null, Static(_ => "/first-run")),
        ["POST /accounts/users?handler=Invite"] = new(OnlySecretariat, null,
            Form((_, _) => "/accounts/users?handler=Invite", (_, _) => Task.FromResult(new Dictionary<string, string> { ["Email"] = $"invited-{Guid.NewGuid():N}@example.org", ["Role"] = "observer" }))),
        ["GET /accounts/users/{id:int}"] = new(OnlySecretariat, null, Static(ids => $"/accounts/users/{ids.TargetAccount}")),
        ["POST /accounts/users/{id:int}?handler=Grant"] = new(OnlySecretariat, null,
            Form((ids, _) => $"/accounts/users/{ids.TargetAccount}?handler=Grant", (_, _) => Task.FromResult(new Dictionary<string, string> { ["Role"] = "observer" }))),
        ["POST /accounts/users/{id:int}?handler=Revoke"] = new(OnlySecretariat, null,
            Form((ids, _) => $"/accounts/users/{ids.TargetAccount}?handler=Revoke&grant=0", (_, _) => Task.FromResult(new Dictionary<string, string>()))),
        ["POST /accounts/users/{id:int}?handler=Close"] = new(OnlySecretariat, null, Form((ids, _) => $"/accounts/users/{ids.TargetAccount}?handler=Close", (_, _) => Task.FromResult(new Dictionary<string, string>()))),
        ["POST /accounts/users/{id:int}?handler=Reopen"] = new(OnlySecretariat, null, Form((ids, _) => $"/accounts/users/{ids.TargetAccount}?handler=Reopen", (_, _) => Task.FromResult(new Dictionary<string, string>()))),

        // Last: it ends the session of the client that calls it.
        ["POST /account/sign-out"] = new(SignedIn, null, Form((_, _) => "/account/sign-out", (_, _) => Task.FromResult(new Dictionary<string, string>()))),
    };

    /// <summary>"METHOD route[?handler=Name]" for every endpoint and every page handler the running app has.</summary>
    private async Task<SortedSet<string>> EndpointsAsync()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var loader = app.Services.GetRequiredService<PageLoader>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                if (page.RouteValues["page"] is "/_ViewStart" or "/_ViewImports")
                {
                    continue;
                }

                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods)
                {
                    keys.Add($"{handler.HttpMethod.ToUpperInvariant()} {route}{(handler.Name is null ? string.Empty : "?handler=" + handler.Name)}");
                }

                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
            {
                keys.Add($"{method} {route}");
            }
        }

        return keys;
    }

    [Fact]
    public async Task Endpoints_EveryOneHasARowInTheTable()
    {
        var endpoints = await EndpointsAsync();
        var missing = endpoints.Where(e => !Table.ContainsKey(e)).ToList();
        var stale = Table.Keys.Where(k => !endpoints.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Endpoints without a row in the authorisation table: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Rows for endpoints that no longer exist: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task EveryEndpoint_AsEveryRole_IsAllowedExactlyAsTheTableSays()
    {
        var ids = await IdsAsync();
        var clients = new Dictionary<string, (HttpClient Pages, HttpClient Api)>();
        foreach (var role in Roles)
        {
            if (role == Anonymous)
            {
                clients[role] = (app.Browser(), app.Browser());
                continue;
            }

            var person = await app.AddPersonAsync($"matrix-{role.Replace(':', '-')}-{Guid.NewGuid():N}@example.org", twoFactor: role == Secretariat, role);
            clients[role] = (await app.SignInAsync(person), await app.TokenClientAsync(person));
        }

        var unexpectedAllows = new List<string>();
        var unexpectedDenials = new List<string>();
        var calls = 0;
        var spent = new Dictionary<string, TimeSpan>();
        // Sign-out last, whatever order the rows were added in: it ends the session of the client that calls it.
        foreach (var (key, row) in Table.OrderBy(r => r.Key == "POST /account/sign-out"))
        {
            foreach (var scope in row.Scoped ? new[] { Scope.Own, Scope.Other } : [Scope.None])
            {
                var allowed = scope == Scope.Other ? row.Other! : row.Own;
                foreach (var role in Roles)
                {
                    var isApi = key.Contains(" /api/", StringComparison.Ordinal);
                    var client = isApi ? clients[role].Api : clients[role].Pages;
                    using var request = await row.Request(ids, scope);
                    if (!isApi && request.Method == HttpMethod.Post && await client.FormTokenAsync(role == Anonymous ? "/account/sign-in" : "/") is { } token
                        && request.Content is FormUrlEncodedContent)
                    {
                        var fields = (await request.Content.ReadAsStringAsync()).Split('&', StringSplitOptions.RemoveEmptyEntries)
                            .Select(p => p.Split('=', 2)).ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p[1]));
                        fields["__RequestVerificationToken"] = token;
                        request.Content = new FormUrlEncodedContent(fields);
                    }

                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    var response = await client.SendAsync(request);
                    spent[key] = spent.GetValueOrDefault(key) + System.Diagnostics.Stopwatch.GetElapsedTime(started);
                    calls++;
                    var denied = Denied(response);
                    var expected = allowed.Contains(role);
                    var what = $"{key} [{scope}] as {role}: {(int)response.StatusCode} {response.Headers.Location}";
                    if (!denied && !expected)
                    {
                        unexpectedAllows.Add(what);
                    }
                    else if (denied && expected)
                    {
                        unexpectedDenials.Add(what);
                    }
                    else if (!denied && (int)response.StatusCode >= 500)
                    {
                        unexpectedDenials.Add(what + " (server error)");
                    }
                }
            }
        }

        output.WriteLine($"Authorisation matrix on {app.Provider}: {Table.Count} endpoints and page handlers, {Table.Values.Sum(r => r.Scoped ? 2 : 1)} endpoint-scope pairs, {Roles.Length} roles: {calls} calls in {spent.Values.Sum(t => t.TotalSeconds):F0} s; the slowest rows: {string.Join(", ", spent.OrderByDescending(s => s.Value).Take(12).Select(s => $"{s.Key} {s.Value.TotalSeconds:F1} s"))}.");
        Assert.True(unexpectedAllows.Count == 0, "Unexpected allows:\n" + string.Join("\n", unexpectedAllows));
        Assert.True(unexpectedDenials.Count == 0, "Unexpected denials or failures:\n" + string.Join("\n", unexpectedDenials));
        Assert.Equal(Table.Values.Sum(r => r.Scoped ? 2 : 1) * Roles.Length, calls);
    }

    /// <summary>401/403, or a page's redirect to the sign-in or access-denied page.</summary>
    private static bool Denied(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return true;
        }

        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        return response.StatusCode == HttpStatusCode.Redirect
            && (location.Contains("/account/sign-in?ReturnUrl=", StringComparison.Ordinal) || location.Contains("/account/denied?ReturnUrl=", StringComparison.Ordinal));
    }

    private async Task<Ids> IdsAsync()
    {
        await using var db = app.CreateDb();
        var group = await db.Institutions.Where(i => i.Code == "GT-ML").Select(i => i.Id).SingleAsync();
        var linked = await db.ElementInstitutions.Where(l => l.InstitutionId == group).Select(l => l.ElementId).Distinct().OrderBy(id => id).Take(2).ToListAsync();
        var unlinked = await db.PlanElements
            .Where(e => !db.ElementInstitutions.Any(l => l.ElementId == e.Id && l.Institution!.Kind == InstitutionKind.WorkingGroup) && !e.Children.Any())
            .OrderBy(e => e.Id).Select(e => e.Id).Take(3).ToListAsync();
        var plan = await db.Plans.OrderBy(p => p.SortOrder).FirstAsync();
        var gt = await db.Institutions.Where(i => i.CountryCode == "GT" && i.Kind == InstitutionKind.MemberState).Select(i => i.Id).SingleAsync();
        var mx = await db.Institutions.Where(i => i.CountryCode == "MX" && i.Kind == InstitutionKind.MemberState).Select(i => i.Id).SingleAsync();
        var target = await app.AddPersonAsync($"target-{Guid.NewGuid():N}@example.org", twoFactor: false, "observer");
        Assert.Equal(2, linked.Count);
        return new Ids(plan.Id, plan.Key, unlinked[2], linked[0], unlinked[0], linked[1], unlinked[1], gt, mx, target.Id, app.CreateDb);
    }
}

/// <summary>
/// The platform with every session's security stamp checked on every request rather than once a minute: the matrix
/// runs for more than a minute under load, and a check falling in the middle of it must not decide how it ends. A call
/// that renewed a stamp without renewing the session that made it would now end that session at once, every run.
/// </summary>
public abstract class StampCheckedApp(DatabaseProvider provider) : MovilidadApp(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
    }
}

public sealed class StampCheckedSqliteApp() : StampCheckedApp(DatabaseProvider.Sqlite);

public sealed class StampCheckedPostgresApp() : StampCheckedApp(DatabaseProvider.Postgres);

public sealed class AuthorizationMatrixTestsOnSqlite(StampCheckedSqliteApp app, ITestOutputHelper output) : AuthorizationMatrixTests(app, output), IClassFixture<StampCheckedSqliteApp>;

public sealed class AuthorizationMatrixTestsOnPostgres(StampCheckedPostgresApp app, ITestOutputHelper output) : AuthorizationMatrixTests(app, output), IClassFixture<StampCheckedPostgresApp>;
