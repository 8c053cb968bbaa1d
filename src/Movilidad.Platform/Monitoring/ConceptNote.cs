namespace Movilidad.Platform.Monitoring;

public enum Modality
{
    InPerson,
    Virtual,
    Hybrid,
}

/// <summary>
/// The note the follow-up mechanism asks for before an activity takes place, and afterwards its results.
/// An activity moves to approved or in progress only when <see cref="MissingFields"/> is empty.
/// </summary>
public class ConceptNote
{
    public int ActivityId { get; set; }
    public string Objective { get; set; } = string.Empty;
    public string ExpectedResults { get; set; } = string.Empty;

    /// <summary>The indicators the activity contributes to, as the plan names them.</summary>
    public string Indicators { get; set; } = string.Empty;
    public int? ExpectedWomen { get; set; }
    public int? ExpectedMen { get; set; }
    public int? ExpectedOther { get; set; }
    public Modality? Modality { get; set; }
    public string Place { get; set; } = string.Empty;
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public decimal? BudgetAmount { get; set; }
    public string? BudgetCurrency { get; set; }
    public string Responsible { get; set; } = string.Empty;
    public string Partners { get; set; } = string.Empty;
    public string Risks { get; set; } = string.Empty;

    public int? ActualWomen { get; set; }
    public int? ActualMen { get; set; }
    public int? ActualOther { get; set; }
    public int? ActualNotReported { get; set; }
    public string Outputs { get; set; } = string.Empty;

    /// <summary>The one definition of a complete note: the names (as the API spells them) of the fields still empty.</summary>
    public IReadOnlyList<string> MissingFields()
    {
        var missing = new List<string>();
        void Text(string name, string value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add(name);
            }
        }

        Text("objective", Objective);
        Text("expectedResults", ExpectedResults);
        Text("indicators", Indicators);
        if (ExpectedWomen is null || ExpectedMen is null || ExpectedOther is null)
        {
            missing.Add("expectedParticipants");
        }

        if (Modality is null)
        {
            missing.Add("modality");
        }

        Text("place", Place);
        if (StartDate is null || EndDate is null)
        {
            missing.Add("dates");
        }

        if (BudgetAmount is null || string.IsNullOrEmpty(BudgetCurrency))
        {
            missing.Add("budget");
        }

        Text("responsible", Responsible);
        Text("partners", Partners);
        Text("risks", Risks);
        return missing;
    }

    public static ConceptNote Empty(int activityId) => new() { ActivityId = activityId };
}
