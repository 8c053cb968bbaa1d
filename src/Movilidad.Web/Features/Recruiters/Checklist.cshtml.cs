using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Movilidad.Web.Features.Recruiters;

/// <summary>The ILO fair-recruitment self-assessment: answer each question, get a result per principle. Nothing is stored.</summary>
[AllowAnonymous]
public class ChecklistModel : PageModel
{
    public FairRecruitmentChecklist Checklist { get; } = FairRecruitmentChecklist.Current;
    public IReadOnlyDictionary<string, string> Answers { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<(FairRecruitmentChecklist.ItemEntry Item, bool? Meets)>? Results { get; private set; }

    public void OnGet()
    {
    }

    public void OnPost()
    {
        Answers = Checklist.Items.Where(i => Request.Form.ContainsKey("answer-" + i.Key))
            .ToDictionary(i => i.Key, i => Request.Form["answer-" + i.Key].ToString(), StringComparer.Ordinal);
        Results = Checklist.Assess(Answers);
    }
}
