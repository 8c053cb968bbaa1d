using Movilidad.Platform.Data;

namespace Movilidad.Platform.Network;

/// <summary>
/// A quarterly update is seen while the plan element it is about is (the plan's own rule: a published plan, an element
/// not deleted), so that no update is read without its activity.
/// </summary>
internal sealed class NetworkPublication : IPublicationRules
{
    public void Declare(PublicationFilters filters) =>
        filters.Seen<NetworkUpdate>(u => u.Element!.Plan!.IsPublished, always: u => u.Element!.DeletedAt == null);
}
