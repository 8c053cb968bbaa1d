using Movilidad.Web.Infrastructure.Auth;
using Movilidad.Platform.Auth;

namespace Movilidad.Web.Features.Reports;

/// <summary>The operations on semi-annual reports; its feature's rules (<see cref="OperationRules"/>) decides who may do them.</summary>
public static class ReportOperations
{
    /// <summary>Read reports, preview and download them (everyone who works on the plans).</summary>
    public static readonly Operation Read = new("reports.read");

    /// <summary>Create a report, write its summary, submit it: the Secretariat.</summary>
    public static readonly Operation Prepare = new("reports.prepare");

    /// <summary>Write a country's narrative: scope <see cref="CountryScope"/>, that country's focal point (and the Secretariat).</summary>
    public static readonly Operation EditNarrative = new("reports.edit-narrative");

    /// <summary>Approve a submitted report or return it to draft with a comment: the Pro-Tempore Presidency only.</summary>
    public static readonly Operation Approve = new("reports.approve");
}
