using Movilidad.Platform.Auth;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Programmes;

/// <summary>The operations on the programmes and agreements registry; <see cref="RegistryPermissions"/> decides who may do them.</summary>
public static class RegistryOperations
{
    /// <summary>Propose a new entry or a change to one, and send it for review: scope <see cref="RegistryScope"/> (the entry's countries).</summary>
    public static readonly Operation Propose = new("registry.propose");

    /// <summary>Read drafts and changes in review: scope <see cref="RegistryScope"/>.</summary>
    public static readonly Operation ReadDrafts = new("registry.read-drafts");

    /// <summary>Publish a change, or return it to its author with a comment: the Secretariat.</summary>
    public static readonly Operation Review = new("registry.review");
}

/// <summary>The countries a programme or agreement names (destination, origin, parties).</summary>
public sealed record RegistryScope(IReadOnlyList<string> Countries);

/// <summary>The Secretariat does everything; a focal point proposes changes to, and reads the drafts of, the entries their country is party to.</summary>
public sealed class RegistryPermissions : OperationRules
{
    public override IReadOnlyCollection<Operation> Operations { get; } = [RegistryOperations.Propose, RegistryOperations.ReadDrafts, RegistryOperations.Review];

    protected override bool Allows(Grant grant, Operation operation, object? resource) =>
        operation != RegistryOperations.Review
        && grant.Role == Role.FocalPoint
        && resource is RegistryScope scope
        && scope.Countries.Contains(grant.Country, StringComparer.Ordinal);
}
