using Movilidad.Web.Infrastructure.Localization;

namespace Movilidad.Web.Features.Indicators;

public static class IndicatorsText
{
    /// <summary>A long name cut for a drop-down list, at a word boundary.</summary>
    public static string Short(string text) => PageFormats.Shorten(text);
}
