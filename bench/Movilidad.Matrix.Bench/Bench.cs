using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Movilidad.Web.Features.OpenData;
using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Data;
using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Matrix.Bench;

public static class Bench
{
    /// <summary>The platform's database services over a SQLite file, with the shipped content loaded.</summary>
    public static async Task<IHost> OpenAsync(string database)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Configuration["Database:Provider"] = "Sqlite";
        builder.Configuration["ConnectionStrings:Movilidad"] = $"Data Source={database}";
        builder.Services.AddLogging();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TextLocalizer>();
        builder.Services.AddMovilidadDatabase(builder.Configuration, builder.Environment);
        builder.Services.AddMovilidadAuthorization();
        builder.Services.AddOpenData(builder.Configuration);
        var host = builder.Build();
        await host.Services.PrepareDatabaseAsync();
        return host;
    }

    public static IHost Open(string database) => OpenAsync(database).GetAwaiter().GetResult();

    public static MovilidadDb Db(AsyncServiceScope scope)
    {
        var db = scope.ServiceProvider.GetRequiredService<MovilidadDb>();
        db.ShowsUnpublished = true;
        return db;
    }

    private static TimeSpan cpuAtStart;

    /// <summary>Starts the clock of a measured step (after the host and database are open).</summary>
    public static Stopwatch Start()
    {
        using var process = Process.GetCurrentProcess();
        cpuAtStart = process.TotalProcessorTime;
        return Stopwatch.StartNew();
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    public static void Report(string what, TimeSpan elapsed, string target)
    {
        using var process = Process.GetCurrentProcess();
        // CPU time beside wall time: on a shared machine the wall time also counts the waits for a core.
        Console.WriteLine($"{what}: {elapsed.TotalSeconds:N2} s wall, {(process.TotalProcessorTime - cpuAtStart).TotalSeconds:N2} s CPU, peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB (target {target}; load average {LoadAverage()})");
    }
}

/// <summary>A write-only stream that cannot seek, as an HTTP response body.</summary>
public sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
