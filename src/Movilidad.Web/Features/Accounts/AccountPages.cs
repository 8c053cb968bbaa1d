using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Data;
using Movilidad.Platform.Accounts;

namespace Movilidad.Web.Features.Accounts;

/// <summary>What the account pages share: audited sign-ins and the e-mails with one-time links.</summary>
public static class AccountPages
{
    public static Task AuditSignInAsync(this MovilidadDb db, HttpContext http, Account? account, string email, string action, TimeProvider clock, CancellationToken ct)
    {
        var actor = AuditActor.From(http) with { AccountId = account?.Id, Name = email };
        return db.SaveAuditedAsync(actor, () => new AuditRecord(action, "account", account?.Id.ToString(CultureInfo.InvariantCulture) ?? "unknown", null, null), clock, ct);
    }

    /// <summary>
    /// Sends a link that sets the password. It is one-time: it is bound to the account's security stamp, which
    /// setting the password changes. Invitations and password resets are the same link with different words.
    /// </summary>
    public static async Task SendPasswordLinkAsync(this UserManager<Account> users, Mailer mailer, HttpRequest request, Account account, bool invitation, CancellationToken ct)
    {
        var token = await users.GeneratePasswordResetTokenAsync(account);
        var link = $"{request.Scheme}://{request.Host}/account/reset?email={Uri.EscapeDataString(account.Email)}&token={Uri.EscapeDataString(token)}";
        var (subject, body) = invitation
            ? ("Movilidad: invitación / invitation",
                $"Le invitamos a Movilidad. Elija su contraseña aquí (enlace de un solo uso, válido 3 días):\n{link}\n\nYou are invited to Movilidad. Choose your password here (one-time link, valid for 3 days):\n{link}\n")
            : ("Movilidad: restablecer la contraseña / reset your password",
                $"Para elegir una nueva contraseña, abra este enlace (un solo uso, válido 3 días):\n{link}\n\nTo choose a new password, open this link (one-time, valid for 3 days):\n{link}\n\nSi no lo pidió, ignore este mensaje. If you did not ask for it, ignore this message.\n");
        await mailer.SendAsync(account.Email, subject, body, ct);
    }
}
