using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.LabourMarket;
using Movilidad.Platform.Recruiters;
using Movilidad.Platform.Writes;
using Movilidad.Web.Tests.Features.LabourMarket;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Recruiters;

/// <summary>
/// The platform with the shipped debarment list (loaded at start) and the H-2B Appendix C FY2021 file imported through the
/// labour-market importer, which links its recruiters to the directory in its transaction; then its duplicates proposed, as the next start does.
/// </summary>
public abstract class RecruitersApp(DatabaseProvider provider) : MovilidadApp(provider)
{
    public const string AppendixC = "us-oflc-h2-history/H-2B_Appendix_C_FY2021.xlsx";

    private readonly SemaphoreSlim gate = new(1, 1);
    private bool imported;

    /// <summary>Reports an address may send per hour here (the flood test's app uses few).</summary>
    protected virtual int FraudReportsPerHour => 1_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Recruiters:FraudReportsPerHour", FraudReportsPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task ImportAppendixCAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (imported)
            {
                return;
            }

            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MovilidadDb>();
            await using (var stream = File.OpenRead(RecordFiles.PathOf(AppendixC)))
            {
                var outcome = await LabourImport.ImportAsync(db, new LabourImportRequest(stream, Path.GetFileName(AppendixC)), _ => true, AuditActor.CommandLine(), TimeProvider.System, "en", null, default);
                Assert.IsType<WriteOutcome<LabourDatasetSummary>.Saved>(outcome);
            }

            // The import itself linked the recruiters it declares to the directory, in its transaction: nothing is left for the next start.
            Assert.True(await db.RecruiterNames.CountAsync(n => n.Source == "appendix-c") > 200);
            Assert.Equal(0, await db.LinkDeclaredRecruitersAsync(AuditActor.CommandLine(), TimeProvider.System, default));
            await db.ProposeDuplicatesAsync(AuditActor.CommandLine(), TimeProvider.System, default);
            imported = true;
        }
        finally
        {
            gate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gate.Dispose();
        }

        base.Dispose(disposing);
    }
}

public sealed class RecruitersSqliteApp() : RecruitersApp(DatabaseProvider.Sqlite);

public sealed class RecruitersPostgresApp() : RecruitersApp(DatabaseProvider.Postgres);

/// <summary>Two reports an hour per address, to see the limit answer.</summary>
public sealed class FloodedRecruitersApp() : RecruitersApp(DatabaseProvider.Sqlite)
{
    protected override int FraudReportsPerHour => 2;
}
