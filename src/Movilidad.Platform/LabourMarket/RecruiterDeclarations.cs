using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Data;

namespace Movilidad.Platform.LabourMarket;

/// <summary>One case in which an employer declared a recruiter (H-2B Appendix C), with what the records say of the case.</summary>
public sealed record RecruiterDeclaration(string? CaseNumber, int? FiscalYear, string Period, string RecruiterCountry, string? Employer, IReadOnlyList<string> Occupations);

/// <summary>
/// The labour-market records' public query for the recruiters directory: the cases that declare given recruiter
/// organisations, each with the employer and the destination occupations that the disclosure files give for the same
/// case number (when a disclosure file of that year is imported).
/// </summary>
public static class RecruiterDeclarations
{
    public static async Task<IReadOnlyList<RecruiterDeclaration>> OfAsync(MovilidadDb db, IReadOnlyCollection<int> organisationIds, int limit, CancellationToken ct)
    {
        if (organisationIds.Count == 0)
        {
            return [];
        }

        var cases = await db.LabourObservations.AsNoTracking()
            .Where(o => o.RecruiterId != null && organisationIds.Contains(o.RecruiterId.Value))
            .Select(o => new { o.CaseNumber, o.FiscalYear, o.Period, o.Country })
            .Distinct()
            .OrderByDescending(o => o.FiscalYear).ThenBy(o => o.CaseNumber)
            .Take(limit)
            .ToListAsync(ct);
        var numbers = cases.Select(c => c.CaseNumber).OfType<string>().Distinct().ToList();
        var details = await db.LabourObservations.AsNoTracking()
            .Where(o => o.CaseNumber != null && numbers.Contains(o.CaseNumber) && o.EmployerId != null)
            .Join(db.LabourOrganisations, o => o.EmployerId, e => e.Id, (o, e) => new { o.CaseNumber, Employer = e.Name, o.SourceClassification, o.SourceCode, o.Isco08 })
            .Distinct()
            .ToListAsync(ct);
        var byCase = details.GroupBy(d => d.CaseNumber!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return cases.Select(c =>
        {
            var found = c.CaseNumber is { } number && byCase.TryGetValue(number, out var rows) ? rows : [];
            return new RecruiterDeclaration(c.CaseNumber, c.FiscalYear, c.Period, c.Country, found.Select(f => f.Employer).FirstOrDefault(),
                found.Where(f => f.SourceCode is not null).Select(f => f.Isco08 is null ? $"{f.SourceClassification}:{f.SourceCode}" : $"{f.SourceClassification}:{f.SourceCode} (ISCO-08 {f.Isco08})").Distinct().ToList());
        }).ToList();
    }
}
