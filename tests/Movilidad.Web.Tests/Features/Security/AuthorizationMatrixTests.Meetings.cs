using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Meetings;

namespace Movilidad.Web.Tests.Features.Security;

/// <summary>The rows of meetings (issue 15): the Secretariat records every meeting, a working group's members their group's, a focal point their country's forum; the public reads the civil-society tables'.</summary>
public abstract partial class AuthorizationMatrixTests
{
    private static readonly byte[] MatrixPng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];

    /// <summary>A fresh meeting: GT's national forum (own scope) or MX's (other); with <paramref name="group"/>, a meeting of GT-ML (own) or GT-PROT (other) with a GT participant and an agreement; with <paramref name="table"/>, a public table's.</summary>
    private static async Task<(int Meeting, int Agreement)> NewMeeting(Ids ids, Scope scope, bool group = false, bool table = false)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        var meeting = new Meeting { Title = new("Reunión de la matriz", "Matrix meeting"), Date = new DateOnly(2025, 5, 14), Place = "Ciudad de Guatemala", RecordedAt = DateTime.UtcNow };
        if (table)
        {
            (meeting.Kind, meeting.Convener, meeting.Table) = (MeetingKind.CivilSocietyTable, MeetingConvener.Table, "Mesa de Vinculación");
        }
        else if (group)
        {
            var code = scope == Scope.Other ? "GT-PROT" : "GT-ML";
            (meeting.Kind, meeting.Convener) = (MeetingKind.WorkingGroupMeeting, MeetingConvener.WorkingGroup);
            meeting.WorkingGroupId = await db.Institutions.Where(i => i.Code == code).Select(i => i.Id).SingleAsync();
            meeting.Participants.Add(new MeetingParticipant { InstitutionId = ids.OwnInstitution, CountryCode = "GT", Actor = ActorKind.LabourAuthority, People = 2 });
            meeting.Agreements.Add(new MeetingAgreement { Text = new("Acuerdo de la matriz", "Matrix agreement") });
        }
        else
        {
            (meeting.Kind, meeting.Convener, meeting.CountryCode) = (MeetingKind.NationalForum, MeetingConvener.Country, Country(scope));
        }

        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return (meeting.Id, meeting.Agreements.FirstOrDefault()?.Id ?? 0);
    }

    private static async Task<int> ActionableElement(Ids ids)
    {
        await using var db = (Platform.Data.MovilidadDb)ids.Db();
        return await db.PlanElements.Where(e => e.IsActionable).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
    }

    private static object MeetingBody(Scope scope) => new
    {
        version = 0, kind = "national-forum", convener = "country", country = Country(scope), title = new { es = "Foro de la matriz", en = string.Empty }, date = "2025-05-14", place = "Tegucigalpa",
    };

    private static void AddMeetingRows(Dictionary<string, Row> table)
    {
        string[] forum = [Secretariat, FocalPoint];
        string[] group = [Secretariat, Member];
        table["GET /api/meetings/"] = new(Everyone, null, Static(_ => "/api/meetings?kind=civil-society-table"));
        table["GET /api/meetings/{id:int}"] = new(Everyone, null, async (ids, scope) => Get($"/api/meetings/{(await NewMeeting(ids, scope, table: true)).Meeting}"));
        table["GET /api/meetings/per-year"] = new(Staff, null, Static(_ => "/api/meetings/per-year"));
        table["POST /api/meetings/"] = new(forum, OnlySecretariat, (_, scope) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/meetings") { Content = JsonContent.Create(MeetingBody(scope)) }));
        table["PUT /api/meetings/{id:int}"] = new(forum, OnlySecretariat, async (ids, scope) =>
            new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{(await NewMeeting(ids, scope)).Meeting}") { Content = JsonContent.Create(MeetingBody(scope)) });
        table["POST /api/meetings/{id:int}/agreements/{agreementId:int}/activity"] = new(group, OnlySecretariat, async (ids, scope) =>
        {
            var (meeting, agreement) = await NewMeeting(ids, scope, group: true);
            return new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{meeting}/agreements/{agreement}/activity") { Content = JsonContent.Create(new { version = 0, actionId = await ActionableElement(ids) }) };
        });
        table["POST /api/meetings/{id:int}/files"] = new(forum, OnlySecretariat, async (ids, scope) => new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{(await NewMeeting(ids, scope)).Meeting}/files")
        {
            Content = new MultipartFormDataContent { { new StringContent("0"), "version" }, { new ByteArrayContent(MatrixPng), "file", "lista.png" } },
        });
        table["GET /api/meetings/{id:int}/files/{fileId:int}"] = new(Everyone, null, async (ids, scope) => Get($"/api/meetings/{(await NewMeeting(ids, scope, table: true)).Meeting}/files/1"));
        table["GET /meetings"] = new(Everyone, null, Static(_ => "/meetings?kind=civil-society-table"));
        table["GET /meetings/forums"] = new(Staff, null, Static(_ => "/meetings/forums"));
        table["GET /meetings/tables"] = new(Everyone, null, Static(_ => "/meetings/tables"));
        table["GET /meetings/{id:int}"] = new(Everyone, null, async (ids, scope) => Get($"/meetings/{(await NewMeeting(ids, scope, table: true)).Meeting}"));
        table["GET /meetings/edit/{id:int?}"] = new(forum, OnlySecretariat, async (ids, scope) => Get($"/meetings/edit/{(await NewMeeting(ids, scope)).Meeting}"));
        table["POST /meetings/edit/{id:int?}"] = new(forum, OnlySecretariat, Form((_, _) => "/meetings/edit", (_, scope) => Task.FromResult(new Dictionary<string, string>
        {
            ["Form.Version"] = "0", ["Form.Kind"] = "national-forum", ["Form.Convener"] = "country", ["Form.Country"] = Country(scope), ["Form.TitleEs"] = "Foro de la matriz",
            ["Form.Date"] = "2025-05-14", ["Form.Place"] = "Tegucigalpa",
        })));
        table["POST /meetings/{id:int}?handler=Activity"] = new(group, OnlySecretariat, async (ids, scope) =>
        {
            var (meeting, agreement) = await NewMeeting(ids, scope, group: true);
            return new HttpRequestMessage(HttpMethod.Post, $"/meetings/{meeting}?handler=Activity")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Version"] = "0", ["AgreementId"] = agreement.ToString(System.Globalization.CultureInfo.InvariantCulture), ["ActionId"] = (await ActionableElement(ids)).ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            };
        });
        table["POST /meetings/{id:int}?handler=File"] = new(forum, OnlySecretariat, async (ids, scope) => new HttpRequestMessage(HttpMethod.Post, $"/meetings/{(await NewMeeting(ids, scope)).Meeting}?handler=File")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Version"] = "0" }),
        });
    }
}
