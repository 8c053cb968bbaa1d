using System.Globalization;
using Movilidad.Platform.Localization;
using Movilidad.Web.Infrastructure.Pages;

namespace Movilidad.Web.Features.Network;

/// <summary>What the network's pages share: texts in the reader's language, dates, and the keys of the error texts.</summary>
public abstract class NetworkPage : WritePage
{
    /// <summary>An error of a field in the reader's language (<c>NetworkError.{field}</c>).</summary>
    public static string MessageKey(string field) => "Network" + ErrorKey(field);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", CultureInfo.CurrentCulture) ?? string.Empty;

    public static string Date(DateTime? moment) => moment is { } m ? Date(DateOnly.FromDateTime(m)) : string.Empty;

    /// <summary>A text in the reader's language, or in the other one when it has only that.</summary>
    public static string Text(Bilingual text) => text.Either(CultureInfo.CurrentUICulture);

    /// <summary>The language tag of <see cref="Text"/> when it shows the other language, else null.</summary>
    public static string? Lang(Bilingual text) => text.IsMissingIn(CultureInfo.CurrentUICulture) ? Bilingual.OtherCode(CultureInfo.CurrentUICulture) : null;

    /// <summary>The text key of an activity status written in kebab case (<c>in-progress</c> → <c>ActivityStatus.InProgress</c>, the follow-up's own texts).</summary>
    public static string StatusKey(string kebab) => "ActivityStatus." + string.Concat(kebab.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
