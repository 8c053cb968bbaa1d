using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Movilidad.Platform.Accounts;
using Movilidad.Platform.Audit;

namespace Movilidad.Cli.Users;

/// <summary><c>movilidad users add|list</c>: the first account of an installation is made here; there is no default password.</summary>
public static class UsersCommand
{
    public static Command Create()
    {
        var users = new Command("users", "Accounts of the platform.");
        users.Add(Add());
        users.Add(List());
        return users;
    }

    private static Command Add()
    {
        var email = new Option<string>("--email") { Description = "The person's e-mail address (their user name).", Required = true };
        var name = new Option<string?>("--name") { Description = "The person's name as shown to others." };
        var roles = new Option<string[]>("--role")
        {
            Description = "A role: secretariat, presidency, focal-point:GT, working-group-member:GT-ML, observer, civil-society. Repeat for several.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var baseUrl = new Option<string>("--base-url") { Description = "Where the web app is reached, for the password link.", DefaultValueFactory = _ => "http://localhost:5000" };
        var command = new Command("add", "Creates an account and prints a one-time link (valid 3 days) where its owner chooses a password.")
        {
            email, name, roles, baseUrl, PlatformDatabase.DatabaseOption, PlatformDatabase.ProviderOption,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var host = PlatformDatabase.Open(parse);
            await using var scope = host.Services.CreateAsyncScope();
            var db = await scope.ServiceProvider.MigratedAsync(ct);
            var grants = new List<RoleGrant>();
            foreach (var text in parse.GetValue(roles) ?? [])
            {
                if (!GrantRequest.TryParse(text, out var request))
                {
                    await Console.Error.WriteLineAsync($"--role {text}: not a role. Use secretariat, presidency, focal-point:GT, working-group-member:GT-ML, observer or civil-society.");
                    return 2;
                }

                var (grant, error) = await db.ResolveAsync(request!, ct);
                if (grant is null)
                {
                    await Console.Error.WriteLineAsync($"--role {text}: {error}");
                    return 2;
                }

                grants.Add(grant);
            }

            var manager = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var address = parse.GetValue(email)!;
            var (account, errors) = await manager.CreateAsync(db, address, parse.GetValue(name) ?? string.Empty, grants, AuditActor.CommandLine(), TimeProvider.System, ct);
            if (account is null)
            {
                await Console.Error.WriteLineAsync($"--email {address}: {string.Join(" ", errors)}");
                return 1;
            }

            var token = await manager.GeneratePasswordResetTokenAsync(account);
            var link = $"{parse.GetValue(baseUrl)!.TrimEnd('/')}/account/reset?email={Uri.EscapeDataString(account.Email)}&token={Uri.EscapeDataString(token)}";
            Console.WriteLine($"Account {account.Id} created for {account.Email} ({string.Join(", ", grants.Select(g => g.ToGrant().ToClaimValue()))}).");
            Console.WriteLine("Give this one-time link to its owner to choose a password (valid 3 days):");
            Console.WriteLine(link);
            if (grants.Any(g => g.Role == Platform.Auth.Role.Secretariat))
            {
                Console.WriteLine("The Secretariat role takes effect once two-step verification is turned on at /account/security.");
            }

            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Lists the accounts with their roles.") { PlatformDatabase.DatabaseOption, PlatformDatabase.ProviderOption };
        command.SetAction(async (parse, ct) =>
        {
            using var host = PlatformDatabase.Open(parse);
            await using var scope = host.Services.CreateAsyncScope();
            var db = await scope.ServiceProvider.MigratedAsync(ct);
            foreach (var a in await db.AccountViewsAsync(null, TimeProvider.System.GetUtcNow(), ct))
            {
                var grants = string.Join(", ", a.Grants.Select(g => g.Role + ((g.Country ?? g.WorkingGroup) is { } s ? ":" + s : string.Empty)));
                Console.WriteLine($"{a.Id,5}  {a.Email}  [{grants}]{(a.TwoFactor ? "  2FA" : string.Empty)}{(a.DeletedAt is null ? string.Empty : "  closed")}");
            }

            return 0;
        });
        return command;
    }
}
