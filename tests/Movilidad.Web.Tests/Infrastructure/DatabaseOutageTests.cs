using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Movilidad.Platform.Data;
using Npgsql;

namespace Movilidad.Web.Tests.Infrastructure;

/// <summary>
/// PostgreSQL going away under a running web host, as a restart does: every connection cut at once, new ones refused
/// until it is back. Requests meanwhile answer 503 with Retry-After (problem details for the API, the error page for
/// pages), never 500, and the same host serves again once the database is back.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly OutageApp app = new();

    public Task InitializeAsync() => ((IAsyncLifetime)app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task PostgresCutAndBack_RequestsAnswer503WithRetryAfter_ThenTheSameHostServesAgain()
    {
        using var client = app.ClientIn("es");
        var statuses = new List<HttpStatusCode>();
        async Task<HttpResponseMessage> GetAsync(string path)
        {
            var response = await client.GetAsync(path);
            statuses.Add(response.StatusCode);
            return response;
        }

        // A new query every time: search answers are cached, and these must reach the database.
        var n = 0;
        string Search(string kind) => $"{kind}?q=consulta{++n}";
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Search("/api/search"))).StatusCode);

        app.Proxy.Cut();
        for (var i = 0; i < 3; i++)
        {
            var api = await GetAsync(Search("/api/search"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), api.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

            var page = await GetAsync(Search("/search"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.NotNull(page.Headers.RetryAfter);
            Assert.Contains("Servicio no disponible por un momento", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        app.Proxy.Resume();

        // Pooled connections were cut: the driver finds each broken on first use and drops it; the host itself is not restarted.
        var served = false;
        for (var attempt = 0; attempt < 20 && !served; attempt++)
        {
            served = (await GetAsync(Search("/api/search"))).StatusCode == HttpStatusCode.OK;
        }

        Assert.True(served, "the host serves again once the database is back");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Search("/search"))).StatusCode);
        Assert.DoesNotContain(statuses, s => (int)s >= 500 && s != HttpStatusCode.ServiceUnavailable);
    }

    /// <summary>The platform on PostgreSQL, reaching it through <see cref="Proxy"/>.</summary>
    private sealed class OutageApp() : MovilidadApp(DatabaseProvider.Postgres)
    {
        private CuttableProxy? proxy;

        public CuttableProxy Proxy => proxy ?? throw new InvalidOperationException("The proxy starts with the host.");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            var direct = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
            proxy = new CuttableProxy(direct.Host!, direct.Port);
            builder.UseSetting("ConnectionStrings:Movilidad", new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 }.ConnectionString);
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            proxy?.Dispose();
        }
    }

    /// <summary>A TCP relay to PostgreSQL that can cut every connection and refuse new ones (closing them on accept) until resumed.</summary>
    private sealed class CuttableProxy : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly string host;
        private readonly int port;
        private readonly List<TcpClient> open = [];
        private volatile bool cut;

        public CuttableProxy(string host, int port)
        {
            (this.host, this.port) = (host, port);
            listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public void Cut()
        {
            cut = true;
            lock (open)
            {
                foreach (var client in open)
                {
                    // A connection the relay already closed has no socket left to reset.
                    if (client.Client is { } socket)
                    {
                        socket.LingerState = new LingerOption(true, 0);
                    }

                    client.Dispose();
                }

                open.Clear();
            }
        }

        public void Resume() => cut = false;

        public void Dispose()
        {
            Cut();
            listener.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (true)
            {
                TcpClient incoming;
                try
                {
                    incoming = await listener.AcceptTcpClientAsync();
                }
                catch (Exception e) when (e is ObjectDisposedException or SocketException)
                {
                    return;
                }

                if (cut)
                {
                    incoming.Client.LingerState = new LingerOption(true, 0);
                    incoming.Dispose();
                    continue;
                }

                _ = RelayAsync(incoming);
            }
        }

        private async Task RelayAsync(TcpClient incoming)
        {
            var outgoing = new TcpClient();
            lock (open)
            {
                open.Add(incoming);
                open.Add(outgoing);
            }

            try
            {
                await outgoing.ConnectAsync(host, port);
                var a = incoming.GetStream();
                var b = outgoing.GetStream();
                await Task.WhenAny(a.CopyToAsync(b), b.CopyToAsync(a));
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                // A cut connection: both ends are closed below.
            }
            finally
            {
                incoming.Dispose();
                outgoing.Dispose();
            }
        }
    }
}
