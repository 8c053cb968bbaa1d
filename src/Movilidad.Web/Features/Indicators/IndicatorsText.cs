namespace Movilidad.Web.Features.Indicators;

public static class IndicatorsText
{
    /// <summary>A long name cut for a drop-down list, at a word boundary.</summary>
    public static string Short(string text) => Monitoring.ActivityQueries.Shorten(text);
}
