using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;

namespace Movilidad.Web.Features.Monitoring;

/// <summary>The operations of the follow-up mechanism; its feature's rules (<see cref="OperationRules"/>) decides who may do them on which scope.</summary>
public static class MonitoringOperations
{
    /// <summary>Read activities, their country shares and concept notes (everyone who works on the plans).</summary>
    public static readonly Operation Read = new("monitoring.read");

    /// <summary>Create, edit, delete an activity, move its status, write its concept note: scope <see cref="WorkingGroupScope"/>.</summary>
    public static readonly Operation EditActivity = new("monitoring.edit-activity");

    /// <summary>Edit one country's share of an activity (institution, dates, budget, status): scope <see cref="CountryScope"/>.</summary>
    public static readonly Operation EditCountryShare = new("monitoring.edit-country-share");
}
