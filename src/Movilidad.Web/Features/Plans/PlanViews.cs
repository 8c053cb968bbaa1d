using Movilidad.Platform.Institutions;
using Movilidad.Platform.Localization;
using Movilidad.Platform.Plans;

namespace Movilidad.Web.Features.Plans;

public sealed record PlanSummary(
    int Id, string Key, string Number, PlanKind Kind, Bilingual Title, Bilingual Summary,
    int PeriodStart, int PeriodEnd, string? Owner, string? ParentKey, int ElementCount);

public sealed record LevelView(string Key, Bilingual Name);

public sealed record PlanDetail(
    int Id, string Key, string Number, PlanKind Kind, Bilingual Title, Bilingual Summary,
    int PeriodStart, int PeriodEnd, InstitutionRef? Owner, PlanRef? Parent, string SourceDocument,
    Bilingual ApprovalText, DateOnly? ApprovalDate, InstitutionRef? ApprovalBody, IReadOnlyList<string> ApprovalCountries,
    PlanRef? ApprovalStatedIn, IReadOnlyList<LevelView> Levels, int ElementCount);

public sealed record PlanRef(int Id, string Key, Bilingual Title);

public sealed record InstitutionRef(int Id, string Code, Bilingual Acronym, Bilingual Name);

public sealed record TreeNode(
    int Id, string Key, string Level, string? Code, Bilingual Title, Bilingual? Timeframe,
    IndicatorType? IndicatorType, IReadOnlyList<TreeNode> Children);

public sealed record InstitutionLink(InstitutionRef Institution, InstitutionRole Role);

public sealed record FootnoteView(int Number, Bilingual Text);

public sealed record TimeframeView(Term? Term, DateOnly? Start, DateOnly? End, Bilingual Label);

public sealed record ElementRef(int Id, string? Code, string Level, Bilingual Title);

public sealed record ElementDetail(
    int Id, string Key, PlanRef Plan, string Level, Bilingual LevelName, string? Code, Bilingual Title, Bilingual Text,
    IReadOnlyList<FootnoteView> Footnotes, IReadOnlyList<InstitutionLink> Institutions, TimeframeView? Timeframe,
    IReadOnlyList<int> GcmObjectives, IReadOnlyList<int> GcmInferred, IReadOnlyList<string> SdgTargets, IReadOnlyList<ElementRef> Axes,
    IndicatorType? IndicatorType, string SourceDocument, string Section, IReadOnlyList<ElementRef> Ancestors,
    IReadOnlyList<ElementRef> Children, int Version, IReadOnlyList<TargetRef> Results, IReadOnlyList<TargetRef> Indicators);

/// <summary>A Strategic Plan result (an element, <c>/elements/{id}</c>) or indicator (<c>/indicators/{id}</c>) an element contributes to.</summary>
public sealed record TargetRef(int Id, string Code, Bilingual Title);

/// <summary>The results and indicators a form offers, by code.</summary>
public sealed record ContributionChoices(IReadOnlyList<TargetRef> Results, IReadOnlyList<TargetRef> Indicators);

/// <summary>The form's fieldset of contributions: the choices, the codes ticked, and the form's prefix (<c>Input</c>, <c>Form</c>).</summary>
public sealed record ContributionFields(string Prefix, ContributionChoices Choices, IReadOnlyCollection<string> Results, IReadOnlyCollection<string> Indicators);

public static class InstitutionViews
{
    public static InstitutionRef ToRef(this Institution i) => new(i.Id, i.Code, i.Acronym, i.Name);
}
