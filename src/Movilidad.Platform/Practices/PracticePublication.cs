using Movilidad.Platform.Data;

namespace Movilidad.Platform.Practices;

/// <summary>A practice's links to plan elements are seen only while the element is.</summary>
internal sealed class PracticePublication : IPublicationRules
{
    public void Declare(PublicationFilters filters) =>
        filters.Seen<PracticeElement>(l => l.Element!.Plan!.IsPublished, always: l => l.Element!.DeletedAt == null);
}
