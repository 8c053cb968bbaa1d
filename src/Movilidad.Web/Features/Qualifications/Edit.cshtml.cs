using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Movilidad.Platform.Data;
using Movilidad.Platform.Qualifications;
using Movilidad.Web.Features.Programmes;

namespace Movilidad.Web.Features.Qualifications;

/// <summary>The edit form of a qualification procedure (<c>/qualifications/edit</c> for a new one) and its review: the registry's, with the procedure's own wording of a bad duration or cost.</summary>
public class EditModel(MovilidadDb db, IAuthorizationService auth, IStringLocalizer text, TimeProvider clock) : RegistryEditPage<QualificationProcedure>(db, auth, text, clock)
{
    public override string ListPath => "/qualifications";

    public override string ListLabel => "Qualifications.Title";

    /// <summary>A duration in days, a cost's currency and its amount are said as what they must be, not as any number or list value.</summary>
    protected override string? OwnErrorText(string message) =>
        message.Contains("number of days", StringComparison.Ordinal) ? "Qualifications.Error.Days"
        : message.Contains("ISO 4217", StringComparison.Ordinal) ? "Qualifications.Error.Currency"
        : message.Contains("0 or more", StringComparison.Ordinal) ? "Qualifications.Error.NotNegative"
        : null;
}
