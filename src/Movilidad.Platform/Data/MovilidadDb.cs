using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Accounts;
using Movilidad.Platform.Comments;
using Movilidad.Platform.Demo;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Pledges;
using Movilidad.Platform.Practices;
using Movilidad.Platform.Reference;
using Movilidad.Platform.Reports;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;

namespace Movilidad.Platform.Data;

public class MovilidadDb(DbContextOptions<MovilidadDb> options) : DbContext(options)
{
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanLevel> PlanLevels => Set<PlanLevel>();
    public DbSet<PlanElement> PlanElements => Set<PlanElement>();
    public DbSet<Footnote> Footnotes => Set<Footnote>();
    public DbSet<ElementInstitution> ElementInstitutions => Set<ElementInstitution>();
    public DbSet<GcmLink> GcmLinks => Set<GcmLink>();
    public DbSet<SdgLink> SdgLinks => Set<SdgLink>();
    public DbSet<AxisLink> AxisLinks => Set<AxisLink>();
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Currency> Currencies => Set<Currency>();
    public DbSet<Occupation> Occupations => Set<Occupation>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<ActivityCountry> ActivityCountries => Set<ActivityCountry>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<ConceptNote> ConceptNotes => Set<ConceptNote>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<AttemptCounter> AttemptCounters => Set<AttemptCounter>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReportNarrative> ReportNarratives => Set<ReportNarrative>();
    public DbSet<Pledge> Pledges => Set<Pledge>();
    public DbSet<PledgeUpdate> PledgeUpdates => Set<PledgeUpdate>();
    public DbSet<PledgeEvidence> PledgeEvidence => Set<PledgeEvidence>();
    public DbSet<Practice> Practices => Set<Practice>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();
    public DbSet<ReportingCalendar> ReportingCalendars => Set<ReportingCalendar>();
    public DbSet<ReportingPeriod> ReportingPeriods => Set<ReportingPeriod>();
    public DbSet<IndicatorReport> IndicatorReports => Set<IndicatorReport>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<IndicatorPeriodTotal> IndicatorPeriodTotals => Set<IndicatorPeriodTotal>();
    public DbSet<IndicatorCountryTotal> IndicatorCountryTotals => Set<IndicatorCountryTotal>();
    public DbSet<DemoRecord> DemoRecords => Set<DemoRecord>();

    /// <summary>
    /// Whether this unit of work may see unpublished plans: set per request from the reader's grants
    /// (<c>VisibilitySetup</c>), true for the command line. Deleted elements are never seen through the filters.
    /// </summary>
    public bool ShowsUnpublished { get; set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var content = DataVersion.MayTouchContent(ChangeTracker);
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            if (content)
            {
                DataVersion.Bump();
            }
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var content = DataVersion.MayTouchContent(ChangeTracker);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            if (content)
            {
                DataVersion.Bump();
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MovilidadDb).Assembly);
        modelBuilder.Entity<Plan>().HasQueryFilter(p => ShowsUnpublished || p.IsPublished);
        modelBuilder.Entity<PlanElement>().HasQueryFilter(e => e.DeletedAt == null && (ShowsUnpublished || e.Plan!.IsPublished));
        modelBuilder.Entity<Activity>().HasQueryFilter(a => a.DeletedAt == null && (ShowsUnpublished || a.Action!.Plan!.IsPublished));

        // Indicators, periods, reports and values are seen with their plan.
        modelBuilder.Entity<Indicator>().HasQueryFilter(i => ShowsUnpublished || i.Plan!.IsPublished);
        modelBuilder.Entity<ReportingPeriod>().HasQueryFilter(p => ShowsUnpublished || p.Plan!.IsPublished);
        modelBuilder.Entity<IndicatorReport>().HasQueryFilter(r => ShowsUnpublished || r.Period!.Plan!.IsPublished);
        modelBuilder.Entity<IndicatorValue>().HasQueryFilter(v => ShowsUnpublished || v.Report!.Period!.Plan!.IsPublished);

        // A link to an axis is seen only while the axis itself is: the same filter, so no link points at a hidden element.
        modelBuilder.Entity<AxisLink>().HasQueryFilter(a => a.Axis!.DeletedAt == null && (ShowsUnpublished || a.Axis.Plan!.IsPublished));
        modelBuilder.Entity<PledgeElement>().HasQueryFilter(l => l.Element!.DeletedAt == null && (ShowsUnpublished || l.Element.Plan!.IsPublished));
        modelBuilder.Entity<PledgeActivity>().HasQueryFilter(l => l.Activity!.DeletedAt == null && (ShowsUnpublished || l.Activity.Action!.Plan!.IsPublished));
        modelBuilder.Entity<PledgeIndicator>().HasQueryFilter(l => ShowsUnpublished || l.Indicator!.Plan!.IsPublished);
        modelBuilder.Entity<PracticeElement>().HasQueryFilter(l => l.Element!.DeletedAt == null && (ShowsUnpublished || l.Element.Plan!.IsPublished));
    }
}
