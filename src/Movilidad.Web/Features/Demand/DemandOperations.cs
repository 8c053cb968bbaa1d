using Movilidad.Platform.Auth;

namespace Movilidad.Web.Features.Demand;

/// <summary>The operations on demand-estimation models; <see cref="DemandPermissions"/> decides who may do them.</summary>
public static class DemandOperations
{
    /// <summary>Upload a model or a new version, bind its variables, write its scenarios: scope <see cref="CountryScope"/> of the model's country, or none for a regional model.</summary>
    public static readonly Operation Manage = new("demand.manage");

    /// <summary>Run a model (a simulation, a Monte Carlo sensitivity, a calibration) and stop a run.</summary>
    public static readonly Operation Run = new("demand.run");
}
