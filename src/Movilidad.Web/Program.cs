using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using System.Text.Json;
using System.Text.Json.Serialization;
using Movilidad.Web.Features.Accounts;
using Movilidad.Web.Features.Comments;
using Movilidad.Web.Features.Demand;
using Movilidad.Web.Features.Indicators;
using Movilidad.Web.Features.Institutions;
using Movilidad.Web.Features.LabourMarket;
using Movilidad.Web.Features.Matrix;
using Movilidad.Web.Features.Monitoring;
using Movilidad.Web.Features.OpenData;
using Movilidad.Web.Features.Plans;
using Movilidad.Web.Features.Pledges;
using Movilidad.Web.Features.Practices;
using Movilidad.Web.Features.Knowledge;
using Movilidad.Web.Features.Training;
using Movilidad.Web.Features.Recruiters;
using Movilidad.Web.Features.Programmes;
using Movilidad.Web.Features.Meetings;
using Movilidad.Web.Features.Network;
using Movilidad.Web.Features.Mentoring;
using Movilidad.Web.Features.Qualifications;
using Movilidad.Web.Features.SocialSecurity;
using Movilidad.Web.Features.Reference;
using Movilidad.Web.Features.Reports;
using Movilidad.Web.Features.Search;
using Movilidad.Web.Infrastructure.Api;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Localization;
using Movilidad.Web.Infrastructure.Observability;
using Movilidad.Web.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddMovilidadObservability();
builder.Services.AddMovilidadDatabase(builder.Configuration, builder.Environment);
builder.Services.AddHostedService<DatabasePreparation>();
builder.Services.AddSingleton<DemandQueue>();
builder.Services.AddHostedService(s => s.GetRequiredService<DemandQueue>());
builder.Services.AddSingleton<LabourImportStaging>();
builder.Services.AddSingleton<LabourImportQueue>();
builder.Services.AddHostedService(s => s.GetRequiredService<LabourImportQueue>());
builder.Services.AddHealthChecks().AddDbContextCheck<MovilidadDb>("database", tags: ["ready"]);
builder.Services.AddMovilidadLocalization();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddAccounts(builder.Configuration, builder.Environment);
builder.Services.AddMovilidadAuthorization();
builder.Services.AddMovilidadRateLimits();
builder.Services.AddPlanCache();
builder.Services.AddSearchCache();
builder.Services.AddIndicatorDashboard();
builder.Services.AddHostedService<DataVersionWatch>();
builder.Services.AddLabourMarketCache();
builder.Services.AddOpenData(builder.Configuration);
builder.Services.AddReports();
builder.Services.AddRecruiters();
builder.Services.AddApiRequests();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));
builder.Services.AddMovilidadOpenApi();
builder.Services.AddRazorPages(options => options.RootDirectory = "/Features");

// Spanish text is written as it is, not as numeric character references: still encoded, smaller and greppable.
builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
builder.Services.AddMovilidadForwardedHeaders(security);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = security.MaxRequestBodyBytes);
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form => form.MultipartBodyLengthLimit = security.MaxRequestBodyBytes);

var app = builder.Build();
app.UseMovilidadForwardedHeaders(security);
app.UseCorrelation();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseMovilidadErrorPages();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseApiBodyLimits();
app.UseAuthentication();
app.UseUnpublishedVisibility();
app.UseMovilidadRateLimits();
app.UseSharedAttemptLimit();
app.UseAuthorization();

// After authentication: the output cache only serves and stores responses for people who are not signed in.
app.UseOutputCache();
app.MapOpenApi().AllowAnonymous();
app.MapMovilidadHealth();
app.MapMovilidadMetrics();
app.MapLanguageSwitch();
app.MapPlansApi();
app.MapPlanEditingApi();
app.MapPlanCreationApi();
app.MapInstitutionsApi();
app.MapInstitutionEditingApi();
app.MapReferenceApi();
app.MapSearchApi();
app.MapAccountsApi();
app.MapMonitoringApi();
app.MapCommentsApi();
app.MapMatrixApi();
app.MapOpenDataApi();
app.MapReportsApi();
app.MapPledgesApi();
app.MapPracticesApi();
app.MapRepositoryApi();
app.MapCoursesApi();
app.MapMeetingsApi();
app.MapNetworkApi();
app.MapIndicatorsApi();
app.MapLabourMarketApi();
app.MapRecruitersApi();
app.MapProgrammesApi();
app.MapSocialSecurityApi();
app.MapQualificationsApi();
app.MapMentoringApi();
app.MapDemandApi();
app.MapRazorPages();
try
{
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (DataFileException.Find(e) is { } broken)
{
    await Console.Error.WriteLineAsync($"Movilidad cannot start: a shipped data file is broken. {broken.Message}");
    return 1;
}

namespace Movilidad.Web
{
    /// <summary>Names the web assembly for the test host (WebApplicationFactory); the entry point is the top-level program above.</summary>
    public partial class Program;
}
