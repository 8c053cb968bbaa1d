using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Movilidad.Web.Features.Accounts;

public sealed class MailOptions
{
    public const string Section = "Mail";

    [Required, EmailAddress]
    public string From { get; set; } = "movilidad@localhost";

    /// <summary>When set, messages are written as <c>.eml</c> files to this folder instead of sent (development).</summary>
    public string? PickupDirectory { get; set; }
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool EnableSsl { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
}

/// <summary>Outgoing e-mail (invitations, password resets) through SMTP, or to a folder of .eml files in development.</summary>
public sealed class Mailer(IOptions<MailOptions> options, IHostEnvironment environment)
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        var settings = options.Value;
        using var message = new MailMessage(settings.From, to, subject, body);
        using var client = new SmtpClient();
        if (settings.PickupDirectory is { Length: > 0 } folder)
        {
            var path = Path.IsPathRooted(folder) ? folder : Path.Combine(environment.ContentRootPath, folder);
            Directory.CreateDirectory(path);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = path;
        }
        else
        {
            client.Host = settings.Host ?? throw new InvalidOperationException("Mail:Host is not set: set it (SMTP server) or Mail:PickupDirectory (write .eml files).");
            client.Port = settings.Port;
            client.EnableSsl = settings.EnableSsl;
            if (settings.UserName is { Length: > 0 } user)
            {
                client.Credentials = new NetworkCredential(user, settings.Password);
            }
        }

        await client.SendMailAsync(message, ct);
    }
}
