using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Platform.Data;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>
/// The real platform over a fresh database of one provider, with the shipped content loaded; or, given a database
/// (<paramref name="shared"/>), one web node of several on it, which leaves the database to its owner.
/// </summary>
public abstract class MovilidadApp(DatabaseProvider provider, TestDatabase? shared = null) : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? database;
    private bool prepared;

    public DatabaseProvider Provider => provider;
    public TestDatabase Database => database ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    public async Task InitializeAsync()
    {
        prepared = shared is null;
        database = shared ?? await TestDatabase.CreatePreparedAsync(provider, PrepareTemplateAsync);
        StartServer();
    }

    /// <summary>Starts and stops a plain host on the template, which migrates it and loads the shipped content.</summary>
    private static async Task PrepareTemplateAsync(TestDatabase template)
    {
        IAsyncLifetime host = new TemplateHost(template);
        await host.InitializeAsync();
        await host.DisposeAsync();
    }

    private sealed class TemplateHost(TestDatabase template) : MovilidadApp(template.Provider, template);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // A host that watches a file holds an inotify instance until the finalizer runs; a test run starts hundreds of
        // hosts and CI's limit of 128 instances per user was reached (every later host failed).
        builder.UseSetting("hostBuilder:reloadConfigOnChange", "false");

        // The web root is watched too (asp-append-version keeps each file's hash until the file changes): test hosts poll
        // it instead. Only with active polling does the provider create no FileSystemWatcher at all.
        builder.ConfigureServices((context, _) => context.HostingEnvironment.WebRootFileProvider =
            new PhysicalFileProvider(context.HostingEnvironment.WebRootPath) { UsePollingFileWatcher = true, UseActivePolling = true });
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("ConnectionStrings:Movilidad", Database.ConnectionString);
        builder.UseSetting("Mail:PickupDirectory", MailFolder);
        builder.UseSetting("Database:DataDirectory", DataFolder);
        builder.UseSetting("Observability:WarmUp", "false");

        // A copy of the prepared template holds the shipped content already: its host does not check it again (the
        // loaders' own tests run them, and the template's host ran them all on this very content).
        if (prepared)
        {
            builder.UseSetting("Database:LoadContent", "false");
        }

        // Tests sign many people in from one address; RateLimitTests checks the limit with its own app.
        builder.UseSetting("Security:SignInPermitsPerMinute", SignInPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Security:ApiPermitsPerMinute", ApiPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Security:CommentPermitsPerMinute", CommentPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Security:RateLimitWindowSeconds", RateLimitWindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Security:SecureCookies", SecureCookies ? "true" : "false");
    }

    /// <summary>In-memory clients use https; a server on a real port (browser tests) is plain http.</summary>
    protected virtual bool SecureCookies => true;

    /// <summary>The app's data folder (uploads waiting to be imported), one per app.</summary>
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("movilidad-data-").FullName;

    /// <summary>Where the app writes its e-mails (.eml files), one folder per app.</summary>
    public string MailFolder { get; } = Directory.CreateTempSubdirectory("movilidad-mail-").FullName;

    protected virtual int SignInPermitsPerMinute => 10_000;

    protected virtual int ApiPermitsPerMinute => 100_000;

    protected virtual int CommentPermitsPerMinute => 10_000;

    protected virtual int RateLimitWindowSeconds => 60;

    /// <summary>A client that reads in the given language, as a browser sending Accept-Language would.</summary>
    public HttpClient ClientIn(string language)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return client;
    }

    /// <summary>A context on the app's database whose content writes the app sees at once, as if made by one of its own requests.</summary>
    public MovilidadDb CreateDb() => Database.CreateContext(version: Services.GetRequiredService<DataVersion>());

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (database is not null && shared is null)
        {
            await database.DisposeAsync();
        }

        Directory.Delete(MailFolder, recursive: true);
        Directory.Delete(DataFolder, recursive: true);
    }
}

public sealed class SqliteApp() : MovilidadApp(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : MovilidadApp(DatabaseProvider.Postgres);
