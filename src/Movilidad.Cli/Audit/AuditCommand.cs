using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Platform.Audit;

namespace Movilidad.Cli.Audit;

/// <summary><c>movilidad audit verify</c>: recomputes the hash chain of the audit trail and names the first broken entry.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var audit = new Command("audit", "The audit trail.");
        var verify = new Command("verify", "Checks that no audit entry was edited, inserted or removed. Exit code 0 when intact, 1 when broken.")
        {
            PlatformDatabase.DatabaseOption, PlatformDatabase.ProviderOption,
        };
        verify.SetAction(async (parse, ct) =>
        {
            using var host = PlatformDatabase.Open(parse);
            await using var scope = host.Services.CreateAsyncScope();
            var db = await scope.ServiceProvider.MigratedAsync(ct);
            var check = await AuditChain.VerifyAsync(db, ct);
            if (check.FirstBroken is { } broken)
            {
                await Console.Error.WriteLineAsync($"The audit trail is broken at entry {broken}: {check.Reason}.");
                return 1;
            }

            Console.WriteLine($"The audit trail is intact: {check.Entries} entries.");
            return 0;
        });
        audit.Add(verify);
        return audit;
    }
}
