using Movilidad.Platform.Data;

namespace Movilidad.Platform.Monitoring;

/// <summary>An activity is seen with the plan of its action; a deleted one by nobody.</summary>
internal sealed class ActivityPublication : IPublicationRules
{
    public void Declare(PublicationFilters filters) =>
        filters.Seen<Activity>(a => a.Action!.Plan!.IsPublished, always: a => a.DeletedAt == null);
}
