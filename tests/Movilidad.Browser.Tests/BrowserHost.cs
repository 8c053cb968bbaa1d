using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Movilidad.Platform.Data;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Browser.Tests;

/// <summary>
/// The real platform on a real port (Kestrel) over a fresh database, and Debian's Chromium driven by Playwright. What the
/// host logs as an error, and the database warnings that answer 503 or 507, go to the test run's output as xUnit
/// diagnostic messages: a page that fails in CI then says why on the server's side too.
/// </summary>
public abstract class BrowserHost(DatabaseProvider provider, IMessageSink diagnostics) : IAsyncLifetime
{
    private HostedApp? app;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = string.Empty;
    public DatabaseProvider Provider => provider;
    public MovilidadApp App => app!;

    public static string Chromium =>
        Environment.GetEnvironmentVariable("MOVILIDAD_CHROMIUM") is { Length: > 0 } path ? path
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
        : throw new InvalidOperationException("Chromium is not installed: run ./test.sh (it installs Debian's chromium) or set MOVILIDAD_CHROMIUM.");

    public async Task InitializeAsync()
    {
        app = new HostedApp(provider, diagnostics);
        await ((IAsyncLifetime)app).InitializeAsync();
        BaseUrl = app.ServerUrl;
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public async Task<IPage> NewPageAsync(string language = "es")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = language,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = language },
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // Generous: on a loaded 2-core machine a first page render can take seconds; a real failure still fails.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => PageErrors.Add(error);
        return page;
    }

    /// <summary>A new page signed in through the sign-in page as a new person with these roles; the Secretariat's role needs two-step verification, so its code is typed too.</summary>
    public async Task<IPage> SignedInAsync(string language, params string[] grants)
    {
        var person = await App.AddPersonAsync($"{Guid.NewGuid():N}@example.org", twoFactor: grants.Contains("secretariat"), grants);
        var page = await NewPageAsync(language);
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#Email").FillAsync(person.Email);
        await page.Locator("#Password").FillAsync(person.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        if (person.AuthenticatorKey is { } key)
        {
            await page.Locator("#Code").FillAsync(People.Totp(key, DateTimeOffset.UtcNow));
            await page.Locator("main button[type=submit]").ClickAsync();
        }

        // Signed in once the header names the person: a wait on the page's content, not on the navigation's "load" event
        // (a run at load 100 timed out waiting for "load" after Playwright had logged the later "networkidle").
        await Assertions.Expect(page.GetByTestId("account")).ToHaveTextAsync(person.Email, new LocatorAssertionsToHaveTextOptions { Timeout = 90_000 });
        return page;
    }

    /// <summary>Script errors seen on any page: a page that works shows none.</summary>
    public List<string> PageErrors { get; } = [];

    /// <summary>Saves a full-page screenshot under artifacts/screenshots, named by provider and step.</summary>
    public async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(LocalizationTests.RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.{provider.ToString().ToLowerInvariant()}.png"), FullPage = true });
    }

    /// <summary>The accessibility violations axe-core rates serious or critical.</summary>
    public static async Task<List<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
    }

    /// <summary>Fails with the page's address and each serious or critical violation axe-core finds.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = await SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join('\n', violations));
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright?.Dispose();
        if (app is not null)
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    private sealed class HostedApp : MovilidadApp
    {
        private readonly IMessageSink diagnostics;

        public HostedApp(DatabaseProvider provider, IMessageSink diagnostics)
            : base(provider)
        {
            this.diagnostics = diagnostics;
            UseKestrel(0);
        }

        protected override bool SecureCookies => false;

        public string ServerUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(new DiagnosticLog(diagnostics, () => ServerUrl))));
        }
    }

    /// <summary>Errors from any category, and the database's warnings (503 on an outage), as diagnostic messages naming the host.</summary>
    private sealed class DiagnosticLog(IMessageSink sink, Func<string> host) : ILoggerProvider, ILogger
    {
        private string category = string.Empty;

        public ILogger CreateLogger(string categoryName) => new DiagnosticLog(sink, host) { category = categoryName };

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= LogLevel.Error || (logLevel == LogLevel.Warning && category == "Movilidad.Database");

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                sink.OnMessage(new Xunit.Sdk.DiagnosticMessage($"[{host()}] {logLevel} {category}: {formatter(state, exception)} {exception}"));
            }
        }

        public void Dispose()
        {
        }
    }
}

public sealed class SqliteBrowserHost(IMessageSink diagnostics) : BrowserHost(DatabaseProvider.Sqlite, diagnostics);

public sealed class PostgresBrowserHost(IMessageSink diagnostics) : BrowserHost(DatabaseProvider.Postgres, diagnostics);
