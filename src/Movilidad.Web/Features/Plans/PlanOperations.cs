using Movilidad.Platform.Auth;

namespace Movilidad.Web.Features.Plans;

/// <summary>What people do with plans; who may, in <see cref="PlanPermissions"/>.</summary>
public static class PlanOperations
{
    public static readonly Operation Read = new("plans.read");
    public static readonly Operation Edit = new("plans.edit");
    public static readonly Operation Publish = new("plans.publish");

    /// <summary>Creating a plan or adding elements to one made here: the Secretariat; a working group's members for their group's draft plan.</summary>
    public static readonly Operation Create = new("plans.create");
}
