using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Platform.Audit;

namespace Movilidad.Cli.Audit;

/// <summary>
/// <c>movilidad audit verify</c>: recomputes the hash chain of the audit trail, names the first broken entry, and checks
/// the trail against its signed checkpoint (and the checkpoint file, if any), so removed newest entries are reported.
/// <c>movilidad audit checkpoint</c>: anchors a trail that has none (written before checkpoints existed).
/// </summary>
public static class AuditCommand
{
    private static readonly Option<string?> CheckpointFileOption = new("--checkpoint-file")
    {
        Description = "A checkpoint file written by the web app (Audit:CheckpointFile) to compare with as well. Default: Audit:CheckpointFile, if set.",
    };

    public static Command Create()
    {
        var audit = new Command("audit", "The audit trail.");
        var verify = new Command("verify", "Checks that no audit entry was edited, inserted or removed (the newest ones included). Exit code 0 when intact, 1 when broken.")
        {
            PlatformDatabase.DatabaseOption, PlatformDatabase.ProviderOption, CheckpointFileOption,
        };
        verify.SetAction(async (parse, ct) =>
        {
            using var host = PlatformDatabase.Open(parse);
            await using var scope = host.Services.CreateAsyncScope();
            var db = await scope.ServiceProvider.MigratedAsync(ct);
            var seal = scope.ServiceProvider.GetRequiredService<AuditSeal>();
            var state = await CheckpointState.ReadAsync(db, seal, ct);
            var problems = new List<string>();
            if (state.Checkpoint is not null && !state.Signed)
            {
                problems.Add("the checkpoint in the database does not match its signature (it was edited, or the key ring was replaced)");
            }

            var check = await AuditChain.VerifyAsync(db, state.Signed ? state.Checkpoint : null, ct);
            if (check.FirstBroken is { } broken)
            {
                problems.Add($"broken at entry {broken}: {check.Reason}");
            }
            else if (state.Checkpoint is null && check.Entries > 0)
            {
                problems.Add($"it holds {check.Entries} entries but no checkpoint (removed, or written before checkpoints existed: then run `movilidad audit checkpoint` once)");
            }

            if ((parse.GetValue(CheckpointFileOption) ?? seal.File) is { Length: > 0 } file)
            {
                var (latest, problem) = AuditSeal.ReadFile(Path.GetFullPath(file), seal);
                if (problem is not null)
                {
                    problems.Add(problem);
                }
                else if (latest is not null && (await AuditChain.VerifyAsync(db, latest, ct)).Reason is { } truncated)
                {
                    problems.Add($"against the checkpoint file {file}, {truncated}");
                }
            }

            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync($"The audit trail is not intact: {problem}.");
                }

                return 1;
            }

            Console.WriteLine(state.Checkpoint is { } c
                ? $"The audit trail is intact: {check.Entries} entries; its signed checkpoint of {c.At:yyyy-MM-dd HH:mm:ss} UTC records {c.Entries} ending with entry {c.LastEntryId}."
                : $"The audit trail is intact: {check.Entries} entries.");
            return 0;
        });
        audit.Add(verify);

        var checkpoint = new Command("checkpoint", "Verifies the chain, then writes a signed checkpoint of its head (for a trail written before checkpoints existed).")
        {
            PlatformDatabase.DatabaseOption, PlatformDatabase.ProviderOption,
        };
        checkpoint.SetAction(async (parse, ct) =>
        {
            using var host = PlatformDatabase.Open(parse);
            await using var scope = host.Services.CreateAsyncScope();
            var db = await scope.ServiceProvider.MigratedAsync(ct);
            if ((await AuditChain.VerifyAsync(db, null, ct)) is { FirstBroken: { } broken, Reason: var reason })
            {
                await Console.Error.WriteLineAsync($"No checkpoint written: the audit trail is broken at entry {broken}: {reason}.");
                return 1;
            }

            Console.WriteLine(await db.CheckpointNowAsync(TimeProvider.System, ct) ? "Checkpoint written." : "The audit trail is empty: nothing to anchor.");
            return 0;
        });
        audit.Add(checkpoint);
        return audit;
    }
}
