using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;

namespace Movilidad.Web.Features.Practices;

/// <summary>The operations of the good-practice pipeline; its feature's rules (<see cref="OperationRules"/>) decides who may do them.</summary>
public static class PracticeOperations
{
    /// <summary>Submit a good practice: anyone signed in.</summary>
    public static readonly Operation Submit = new("practices.submit");

    /// <summary>Read practices not yet published (the submitter reads their own: scope <see cref="SubmitterScope"/>).</summary>
    public static readonly Operation ReadUnpublished = new("practices.read-unpublished");

    /// <summary>Edit and resubmit a practice, record the institution's consent: scope <see cref="SubmitterScope"/>.</summary>
    public static readonly Operation EditOwn = new("practices.edit-own");

    /// <summary>Accept, return or reject, schedule into a month, publish.</summary>
    public static readonly Operation Review = new("practices.review");
}

/// <summary>Whether the reader is the person who submitted the practice.</summary>
public sealed record SubmitterScope(bool IsSubmitter);
