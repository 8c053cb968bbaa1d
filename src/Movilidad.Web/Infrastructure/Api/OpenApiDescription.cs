using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace Movilidad.Web.Infrastructure.Api;

/// <summary>
/// What <c>/openapi/v1.json</c> says beyond what each endpoint declares: the two ways to sign in (a personal token
/// as a bearer token, the session cookie of the pages), an operationId on every operation, the 4XX answers every
/// endpoint can give (problem details) and server addresses without a trailing slash.
/// </summary>
public static class OpenApiDescription
{
    public const string Bearer = "bearer";
    public const string Cookie = "cookie";
    public const string SessionCookie = "movilidad.auth";

    /// <summary>What each tag of the document groups; every tag an endpoint uses is named here (a test checks it).</summary>
    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["Accounts"] = "The signed-in person.",
        ["Agreements"] = "Bilateral and multilateral agreements and memoranda on labour mobility and social security, with their review.",
        ["Comments"] = "Comments on plan elements and activities, and their moderation.",
        ["Demand models"] = "System-dynamics models of labour demand: models and their versions, scenarios, bindings to labour-market data, and runs with their results as CSV and Excel.",
        ["Follow-up matrix"] = "The follow-up matrix as an Excel workbook: download and upload.",
        ["Fraud reports"] = "Reports of recruitment fraud sent by anyone, without an account (with a signed time token), and their follow-up by the country's focal point.",
        ["Indicators"] = "Indicators, their targets, the values countries report, their review and the dashboard.",
        ["Institutions"] = "Member states, CRM bodies, working groups and other organisations.",
        ["Labour market"] = "Labour-market records: imported datasets with their provenance and mapping to ISCO-08, observations summed by any dimensions, SDMX-CSV, imports, and the occupation outlook.",
        ["Meetings"] = "Meetings of the working groups, the GRCM and the Vice-Ministerial level, workshops, national forums and civil-society working tables: participants, minutes, agreements turned into activities, attachments, and the meetings held per working group and year (indicator R3).",
        ["Mentoring"] = "Mentoring: experts and their validation, requests matched with ranked experts, sessions, feedback and the counts for the indicators.",
        ["Monitoring"] = "Operational-plan activities, their country shares, concept notes and history.",
        ["Network"] = "The UN Regional Network's follow-up of its work plan: the activities' status from quarterly updates written by the responsible agencies and approved by the co-chairs, the mid-term review, and the progress by priority and agency.",
        ["Open data"] = "Exports anyone may read: IATI activities and SDMX-CSV values.",
        ["Plans"] = "Plans, their elements as a tree, and their editing and publication.",
        ["Pledges"] = "Pledges to the Global Compact for Migration and their quarterly updates.",
        ["Programmes"] = "Temporary employment programmes, every statement with its public source, and their review.",
        ["Practices"] = "Good practices, from submission to publication.",
        ["Qualifications"] = "Procedures to have qualifications recognised in member countries, compared side by side in one currency, and the exchange rates used.",
        ["Recruiters"] = "The directory of recruitment agencies, their licences and sanctions, duplicates to review, and the worker's check of an agency before signing.",
        ["Reference"] = "ISO countries and currencies, and the ISCO-08 occupations.",
        ["Reports"] = "The semi-annual reports to the GRCM.",
        ["Repository"] = "The knowledge repository and communication toolkits: items with facets, proposals, gender-perspective review, publication and file versions.",
        ["Search"] = "Search across the plans in Spanish and English.",
        ["Social security"] = "The social-security instruments registry (agreements by key, ILO conventions), the portability checker and its guide as PDF.",
        ["Training"] = "The training catalogue: courses filtered by kind, modality, country, audience, topic and language, paged; recording and changing them.",
    };

    public static IServiceCollection AddMovilidadOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal API token (Account > API tokens), sent as Authorization: Bearer <token>.",
                };
                document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Cookie,
                    Name = SessionCookie,
                    Description = "The session of a person signed in on the pages; writes also need the antiforgery token in X-CSRF-TOKEN.",
                };
                document.Info.Title = "Movilidad API";
                document.Info.Description = "The platform's JSON API. Errors are RFC 9457 problem details; a field that is not valid is named in errors.";
                var used = document.Paths.Values.Where(p => p.Operations is not null).SelectMany(p => p.Operations!.Values)
                    .SelectMany(o => o.Tags is null ? Enumerable.Empty<OpenApiTagReference>() : o.Tags)
                    .Select(t => t.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
                document.Tags = new HashSet<OpenApiTag>(used.Order(StringComparer.Ordinal).Select(name => new OpenApiTag { Name = name, Description = Tags.GetValueOrDefault(name) }));
                foreach (var server in document.Servers ?? [])
                {
                    server.Url = server.Url?.TrimEnd('/');
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer(async (operation, context, ct) =>
            {
                var description = context.Description;
                operation.OperationId ??= OperationId(description.HttpMethod ?? "GET", description.RelativePath ?? string.Empty);
                var metadata = description.ActionDescriptor.EndpointMetadata;
                var anonymous = metadata.OfType<IAllowAnonymous>().Any();
                var signedIn = !anonymous && metadata.OfType<IAuthorizeData>().Any();
                operation.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, context.Document)] = [] },
                    .. signedIn ? Array.Empty<OpenApiSecurityRequirement>() : [new OpenApiSecurityRequirement()],
                ];

                var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct);
                var validation = await context.GetOrCreateSchemaAsync(typeof(HttpValidationProblemDetails), null, ct);
                operation.Responses ??= [];
                void Add(int status, string text, IOpenApiSchema schema)
                {
                    var key = status.ToString(CultureInfo.InvariantCulture);
                    if (!operation.Responses.ContainsKey(key))
                    {
                        operation.Responses[key] = new OpenApiResponse
                        {
                            Description = text,
                            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
                        };
                    }
                }

                Add(StatusCodes.Status400BadRequest, "A parameter or a field of the body is not valid; errors names each one.", validation);
                if (signedIn)
                {
                    Add(StatusCodes.Status401Unauthorized, "Not signed in: send a bearer token or the session cookie.", problem);
                    Add(StatusCodes.Status403Forbidden, "Signed in, but not allowed this operation on this item.", problem);
                }

                if (description.ParameterDescriptions.Any(p => p.Source.Id == "Path"))
                {
                    Add(StatusCodes.Status404NotFound, "No item has this id (ids are numeric).", problem);
                }

                if (operation.RequestBody is not null)
                {
                    Add(StatusCodes.Status413PayloadTooLarge, "The body is larger than this endpoint accepts.", validation);
                    Add(StatusCodes.Status415UnsupportedMediaType, "The body is not of the media type this endpoint reads.", validation);
                }

                Add(StatusCodes.Status429TooManyRequests, "Too many requests from this person or address; wait as Retry-After says.", problem);
            });
        });

    /// <summary><c>PUT api/elements/{id}/restore</c> → <c>putElementsByIdRestore</c>, <c>GET api/models/runs/{id}.csv</c> → <c>getModelsRunsByIdCsv</c>: unique, stable and URL-safe.</summary>
    public static string OperationId(string method, string path)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipWhile(s => s == "api"))
        {
            // A parameter keeps what follows it in the segment: {id}.csv and {id}.xlsx are operations of their own.
            var close = segment.IndexOf('}', StringComparison.Ordinal);
            var name = segment.StartsWith('{') && close > 0 ? "By" + segment[1..close].Split(':')[0] + "." + segment[(close + 1)..] : segment;
            foreach (var word in name.Split('-', '.', '_'))
            {
                if (word.Length > 0)
                {
                    id.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
                }
            }
        }

        return id.ToString();
    }
}
