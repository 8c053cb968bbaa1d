using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;

namespace Movilidad.Web.Features.Indicators;

/// <summary>The operations on indicators and their values; its feature's rules (<see cref="OperationRules"/>) decides who may do them on which scope.</summary>
public static class IndicatorOperations
{
    /// <summary>Read indicators, reports, values and dashboards (everyone who works on the plans).</summary>
    public static readonly Operation Read = new("indicators.read");

    /// <summary>Type, save and submit one country's values: scope <see cref="CountryScope"/> (its focal point).</summary>
    public static readonly Operation EnterValues = new("indicators.enter-values");

    /// <summary>Approve or return a country's submitted values (the Secretariat).</summary>
    public static readonly Operation Review = new("indicators.review");

    /// <summary>Lock and reopen a reporting period (the Secretariat).</summary>
    public static readonly Operation LockPeriods = new("indicators.lock-periods");

    /// <summary>Edit an indicator's definition, baseline and targets (the Secretariat).</summary>
    public static readonly Operation Edit = new("indicators.edit");
}
