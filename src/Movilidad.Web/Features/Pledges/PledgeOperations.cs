using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;
using Movilidad.Platform.Pledges;

namespace Movilidad.Web.Features.Pledges;

/// <summary>The operations on pledges; its feature's rules (<see cref="OperationRules"/>) decides who may do them on which <see cref="PledgeScope"/>.</summary>
public static class PledgeOperations
{
    /// <summary>Read pledges not yet published (published ones are read by everyone).</summary>
    public static readonly Operation ReadUnpublished = new("pledges.read-unpublished");

    /// <summary>Record a pledge, edit it, add its quarterly updates: scope <see cref="PledgeScope"/>.</summary>
    public static readonly Operation Edit = new("pledges.edit");

    /// <summary>Confirm a state proposed as co-pledger: a focal point of that state's country. Scope: <see cref="CountryScope"/>.</summary>
    public static readonly Operation ConfirmCoPledger = new("pledges.confirm-co-pledger");

    /// <summary>Publish a pledge or take it back.</summary>
    public static readonly Operation Publish = new("pledges.publish");
}

/// <summary>
/// Whose a pledge is: the member countries of its state pledgers, the types of all its pledgers, and whether the
/// reader recorded it. A focal point edits the pledges of their country's state; observers (UN agencies) and civil
/// society the pledges they recorded, made by pledgers of their own kind.
/// </summary>
public sealed record PledgeScope(IReadOnlyCollection<string> StateCountries, IReadOnlyCollection<PledgerType> PledgerTypes, bool RecordedByReader);
