namespace Movilidad.Records;

/// <summary>What an observation counts. Every value is a count of people, positions or documents.</summary>
public enum Measure
{
    /// <summary>Foreign workers an employer asked to be certified for (OFLC).</summary>
    WorkersRequested = 1,

    /// <summary>Foreign workers certified by the US Department of Labor (OFLC).</summary>
    WorkersCertified,

    /// <summary>Positions approved in positive LMIAs (ESDC).</summary>
    PositionsApproved,

    /// <summary>Positive LMIAs issued (ESDC).</summary>
    LmiasApproved,

    /// <summary>Positions requested in LMIAs that were refused: the negative list (ESDC).</summary>
    PositionsRefused,

    /// <summary>Negative LMIAs issued (ESDC).</summary>
    LmiasRefused,

    /// <summary>Employed persons (ILOSTAT), in persons (the thousands of the source multiplied out).</summary>
    Employment,

    /// <summary>Foreign recruiters declared for a case, one per row (OFLC H-2B Appendix C).</summary>
    RecruitersDeclared,
}

/// <summary>Codes and labels of <see cref="Measure"/>.</summary>
public static class Measures
{
    /// <summary>Every measure, in a stable order.</summary>
    public static IReadOnlyList<Measure> All { get; } =
    [
        Measure.WorkersRequested, Measure.WorkersCertified, Measure.PositionsApproved, Measure.LmiasApproved,
        Measure.PositionsRefused, Measure.LmiasRefused, Measure.Employment, Measure.RecruitersDeclared,
    ];

    /// <summary>The code used in the API, the SDMX-CSV export and the template: <c>workers-requested</c>...</summary>
    public static string Code(this Measure measure) => measure switch
    {
        Measure.WorkersRequested => "workers-requested",
        Measure.WorkersCertified => "workers-certified",
        Measure.PositionsApproved => "positions-approved",
        Measure.LmiasApproved => "lmias-approved",
        Measure.PositionsRefused => "positions-refused",
        Measure.LmiasRefused => "lmias-refused",
        Measure.Employment => "employment",
        Measure.RecruitersDeclared => "recruiters-declared",
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };

    /// <summary>The measure for a code (case-insensitive; underscores count as hyphens).</summary>
    public static bool TryParse(string? code, out Measure measure)
    {
        var wanted = code?.Trim().Replace('_', '-');
        return RecordSources.TryFind(All, m => string.Equals(m.Code(), wanted, StringComparison.OrdinalIgnoreCase), out measure);
    }

    /// <summary>The label in Spanish or English.</summary>
    public static string Label(this Measure measure, string language) => (measure, RecordSources.IsSpanish(language)) switch
    {
        (Measure.WorkersRequested, true) => "Trabajadores solicitados",
        (Measure.WorkersRequested, false) => "Workers requested",
        (Measure.WorkersCertified, true) => "Trabajadores certificados",
        (Measure.WorkersCertified, false) => "Workers certified",
        (Measure.PositionsApproved, true) => "Puestos aprobados",
        (Measure.PositionsApproved, false) => "Positions approved",
        (Measure.LmiasApproved, true) => "EIMT positivas",
        (Measure.LmiasApproved, false) => "LMIAs approved",
        (Measure.PositionsRefused, true) => "Puestos denegados",
        (Measure.PositionsRefused, false) => "Positions refused",
        (Measure.LmiasRefused, true) => "EIMT negativas",
        (Measure.LmiasRefused, false) => "LMIAs refused",
        (Measure.Employment, true) => "Personas ocupadas",
        (Measure.Employment, false) => "Employment",
        (Measure.RecruitersDeclared, true) => "Reclutadores declarados",
        (Measure.RecruitersDeclared, false) => "Recruiters declared",
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };
}
