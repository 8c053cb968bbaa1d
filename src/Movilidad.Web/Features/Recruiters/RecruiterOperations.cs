using Movilidad.Platform.Auth;
using Movilidad.Web.Infrastructure.Auth;

namespace Movilidad.Web.Features.Recruiters;

/// <summary>The operations of the recruiters directory and the fraud reports; <see cref="RecruiterPermissions"/> decides who may do them.</summary>
public static class RecruiterOperations
{
    /// <summary>Read fraud reports with the reporter's contact details: scope <see cref="CountryScope"/> of the country concerned.</summary>
    public static readonly Operation ReadFraudReports = new("recruiters.read-fraud-reports");

    /// <summary>Triage a fraud report (in review, referred, closed, with a note): scope <see cref="CountryScope"/>.</summary>
    public static readonly Operation TriageFraudReports = new("recruiters.triage-fraud-reports");

    /// <summary>Merge two directory entries proposed as duplicates, keep them apart, or undo either: the Secretariat.</summary>
    public static readonly Operation ReviewDuplicates = new("recruiters.review-duplicates");

    /// <summary>Add a recruiter by hand (scope: its country), record a sanction or a licence with its source (scope <see cref="CountryScope"/> of the country whose authority issued it).</summary>
    public static readonly Operation RecordSanctions = new("recruiters.record-sanctions");
}

/// <summary>
/// A focal point reads and triages the fraud reports about their country, adds its recruiters and records its sanctions and licences; the
/// Secretariat does all of it and is the only one who merges duplicates. Nobody else reads a report.
/// </summary>
public sealed class RecruiterPermissions : OperationRules
{
    public override IReadOnlyCollection<Operation> Operations { get; } =
        [RecruiterOperations.ReadFraudReports, RecruiterOperations.TriageFraudReports, RecruiterOperations.ReviewDuplicates, RecruiterOperations.RecordSanctions];

    protected override bool Allows(Grant grant, Operation operation, object? resource) =>
        operation != RecruiterOperations.ReviewDuplicates && resource is CountryScope scope && scope.IsFocalPoint(grant);
}
