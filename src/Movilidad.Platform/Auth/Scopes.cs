using Microsoft.AspNetCore.Authorization;

namespace Movilidad.Platform.Auth;

/// <summary>Data that belongs to one member country (its institution, later its share of activities, indicator values, pledges).</summary>
public sealed record CountryScope(string Country)
{
    /// <summary>Whether the grant is this country's focal point.</summary>
    public bool IsFocalPoint(Grant grant) => grant.Role == Role.FocalPoint && grant.Country == Country;
}

/// <summary>Plan content that names the working groups responsible for it.</summary>
public sealed record WorkingGroupScope(IReadOnlyCollection<int> WorkingGroupIds)
{
    /// <summary>Whether the grant is a member of one of these working groups.</summary>
    public bool HasMember(Grant grant) => grant.Role == Role.WorkingGroupMember && grant.WorkingGroupId is { } group && WorkingGroupIds.Contains(group);
}

/// <summary>Content that belongs to some institutions (the agencies responsible for a network activity, the network's co-chairs).</summary>
public sealed record InstitutionScope(IReadOnlyCollection<int> InstitutionIds)
{
    /// <summary>Whether the grant is a network agency's, for one of these institutions.</summary>
    public bool HasAgency(Grant grant) => grant.Role == Role.NetworkAgency && grant.InstitutionId is { } institution && InstitutionIds.Contains(institution);
}

/// <summary>Content that is published or not yet.</summary>
public sealed record PublicationScope(bool IsPublished);

/// <summary>An operation a person may or may not do; each feature names its own (<c>PlanOperations.Edit</c>).</summary>
public sealed record Operation(string Name) : IAuthorizationRequirement;

public static class AuditOperations
{
    public static readonly Operation Read = new("audit.read");
}
