using Microsoft.EntityFrameworkCore;
using Movilidad.Platform.Accounts;
using Movilidad.Platform.Comments;
using Movilidad.Platform.Demo;
using Movilidad.Platform.Indicators;
using Movilidad.Platform.Institutions;
using Movilidad.Platform.LabourMarket;
using Movilidad.Platform.Monitoring;
using Movilidad.Platform.Plans;
using Movilidad.Platform.Pledges;
using Movilidad.Platform.Practices;
using Movilidad.Platform.Recruiters;
using Movilidad.Platform.Reference;
using Movilidad.Platform.Reports;
using Movilidad.Platform.Audit;
using Movilidad.Platform.Auth;

namespace Movilidad.Platform.Data;

/// <param name="options">The provider and connection (<see cref="DatabaseSetup.UseMovilidadDatabase"/>).</param>
/// <param name="seal">Signs the audit checkpoint on every audited write; the hosts register it, a context made without it writes none.</param>
/// <param name="version">This process's <see cref="DataVersion"/>, moved at every committed content change; the stored one moves in any case.</param>
public class MovilidadDb(DbContextOptions<MovilidadDb> options, AuditSeal? seal = null, DataVersion? version = null) : DbContext(options)
{
    internal AuditSeal? Seal => seal;

    /// <summary>A content save in the open transaction: the data version moves once that transaction commits (<see cref="TransactionEndInterceptor"/>).</summary>
    internal bool PendingContentChange { get; set; }

    /// <summary>The checkpoint written in the open transaction, appended to the checkpoint file once that transaction commits.</summary>
    internal AuditCheckpoint? PendingCheckpoint { get; set; }

    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanLevel> PlanLevels => Set<PlanLevel>();
    public DbSet<PlanElement> PlanElements => Set<PlanElement>();
    public DbSet<Footnote> Footnotes => Set<Footnote>();
    public DbSet<ElementInstitution> ElementInstitutions => Set<ElementInstitution>();
    public DbSet<GcmLink> GcmLinks => Set<GcmLink>();
    public DbSet<SdgLink> SdgLinks => Set<SdgLink>();
    public DbSet<AxisLink> AxisLinks => Set<AxisLink>();
    public DbSet<ResultContribution> ResultContributions => Set<ResultContribution>();
    public DbSet<IndicatorContribution> IndicatorContributions => Set<IndicatorContribution>();
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Currency> Currencies => Set<Currency>();
    public DbSet<Occupation> Occupations => Set<Occupation>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();
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
    public DbSet<Programmes.Programme> Programmes => Set<Programmes.Programme>();
    public DbSet<Programmes.Agreement> Agreements => Set<Programmes.Agreement>();
    public DbSet<Programmes.SourceReference> SourceReferences => Set<Programmes.SourceReference>();
    public DbSet<Qualifications.QualificationProcedure> QualificationProcedures => Set<Qualifications.QualificationProcedure>();
    public DbSet<Qualifications.ExchangeRate> ExchangeRates => Set<Qualifications.ExchangeRate>();
    public DbSet<Qualifications.CompetencyStandard> CompetencyStandards => Set<Qualifications.CompetencyStandard>();
    public DbSet<Mentoring.MentoringExpert> MentoringExperts => Set<Mentoring.MentoringExpert>();
    public DbSet<Mentoring.MentoringRequest> MentoringRequests => Set<Mentoring.MentoringRequest>();
    public DbSet<Mentoring.MentoringSession> MentoringSessions => Set<Mentoring.MentoringSession>();
    public DbSet<SocialSecurity.IloConvention> IloConventions => Set<SocialSecurity.IloConvention>();
    public DbSet<SocialSecurity.EnrolmentOption> EnrolmentOptions => Set<SocialSecurity.EnrolmentOption>();
    public DbSet<SocialSecurity.CountryGap> CountryGaps => Set<SocialSecurity.CountryGap>();
    public DbSet<SocialSecurity.NationalBody> NationalBodies => Set<SocialSecurity.NationalBody>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();
    public DbSet<ReportingCalendar> ReportingCalendars => Set<ReportingCalendar>();
    public DbSet<ReportingPeriod> ReportingPeriods => Set<ReportingPeriod>();
    public DbSet<IndicatorReport> IndicatorReports => Set<IndicatorReport>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<IndicatorPeriodTotal> IndicatorPeriodTotals => Set<IndicatorPeriodTotal>();
    public DbSet<IndicatorCountryTotal> IndicatorCountryTotals => Set<IndicatorCountryTotal>();
    public DbSet<LabourDataset> LabourDatasets => Set<LabourDataset>();
    public DbSet<LabourDatasetIssue> LabourDatasetIssues => Set<LabourDatasetIssue>();
    public DbSet<LabourObservation> LabourObservations => Set<LabourObservation>();
    public DbSet<LabourObservationSum> LabourObservationSums => Set<LabourObservationSum>();
    public DbSet<LabourOrganisation> LabourOrganisations => Set<LabourOrganisation>();
    public DbSet<LabourImportJob> LabourImportJobs => Set<LabourImportJob>();
    public DbSet<LabourColumnMapping> LabourColumnMappings => Set<LabourColumnMapping>();
    public DbSet<OutlookSectorMapping> OutlookSectors => Set<OutlookSectorMapping>();
    public DbSet<Demand.DemandModel> DemandModels => Set<Demand.DemandModel>();
    public DbSet<Demand.DemandModelVersion> DemandModelVersions => Set<Demand.DemandModelVersion>();
    public DbSet<Demand.DemandDataFile> DemandDataFiles => Set<Demand.DemandDataFile>();
    public DbSet<Demand.DemandBinding> DemandBindings => Set<Demand.DemandBinding>();
    public DbSet<Demand.DemandScenario> DemandScenarios => Set<Demand.DemandScenario>();
    public DbSet<Demand.DemandRun> DemandRuns => Set<Demand.DemandRun>();
    public DbSet<DemoRecord> DemoRecords => Set<DemoRecord>();
    public DbSet<Recruiter> Recruiters => Set<Recruiter>();
    public DbSet<RecruiterName> RecruiterNames => Set<RecruiterName>();
    public DbSet<RecruiterLicence> RecruiterLicences => Set<RecruiterLicence>();
    public DbSet<RecruiterSanction> RecruiterSanctions => Set<RecruiterSanction>();
    public DbSet<RecruiterDuplicate> RecruiterDuplicates => Set<RecruiterDuplicate>();
    public DbSet<FraudReport> FraudReports => Set<FraudReport>();
    public DbSet<Knowledge.RepositoryItem> RepositoryItems => Set<Knowledge.RepositoryItem>();
    public DbSet<Knowledge.RepositoryFile> RepositoryFiles => Set<Knowledge.RepositoryFile>();
    public DbSet<Knowledge.RepositoryFileContent> RepositoryFileContents => Set<Knowledge.RepositoryFileContent>();
    public DbSet<Training.Course> Courses => Set<Training.Course>();
    public DbSet<Meetings.Meeting> Meetings => Set<Meetings.Meeting>();
    public DbSet<Meetings.MeetingParticipant> MeetingParticipants => Set<Meetings.MeetingParticipant>();
    public DbSet<Meetings.MeetingAgreement> MeetingAgreements => Set<Meetings.MeetingAgreement>();
    public DbSet<Meetings.MeetingFile> MeetingFiles => Set<Meetings.MeetingFile>();
    public DbSet<Meetings.MeetingFileContent> MeetingFileContents => Set<Meetings.MeetingFileContent>();
    public DbSet<Training.CourseInterest> CourseInterests => Set<Training.CourseInterest>();
    public DbSet<Network.NetworkUpdate> NetworkUpdates => Set<Network.NetworkUpdate>();
    public DbSet<Network.NetworkReview> NetworkReviews => Set<Network.NetworkReview>();
    public DbSet<StoredDataVersion> StoredDataVersions => Set<StoredDataVersion>();
    public DbSet<Search.IndexedEntry> SearchEntries => Set<Search.IndexedEntry>();
    public DbSet<Search.IndexedFacet> SearchFacets => Set<Search.IndexedFacet>();

    /// <summary>
    /// Whether this unit of work may see unpublished plans: set per request from the reader's grants
    /// (<c>VisibilitySetup</c>), true for the command line. Deleted elements are never seen through the filters.
    /// </summary>
    public bool ShowsUnpublished { get; set; }

    /// <summary>Whether this unit of work, when it sees unpublished content, sees every working group's draft work plan (the Secretariat, the command line).</summary>
    public bool SeesEveryDraft { get; set; } = true;

    /// <summary>Otherwise, the working groups whose draft work plans it sees (the reader's own).</summary>
    public int[] DraftGroups { get; set; } = [];

    /// <summary>
    /// What this unit of work sees, for the keys of the caches readers share: published content only, everything, or the
    /// unpublished content with the draft work plans of these working groups. Readers with the same value see the same
    /// content; one group's member never gets what was computed for another group's.
    /// </summary>
    public string Visibility => !ShowsUnpublished ? "published"
        : SeesEveryDraft ? "all"
        : "drafts:" + string.Join(',', DraftGroups.Order().Select(g => g.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>A synchronous save (the command line's): the same as <see cref="SaveChangesAsync(bool, CancellationToken)"/>.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves, and writes the search index entries of the <see cref="Search.ISearchable"/> entities saved in the same
    /// transaction (one is opened when none is), so the index never disagrees with what was committed.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var content = DataVersion.MayTouchContent(ChangeTracker);
        var search = Search.SearchIndexer.Capture(ChangeTracker);
        int saved;
        if (search.IsEmpty)
        {
            saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        else if (Database.CurrentTransaction is not null)
        {
            saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await Search.SearchIndexer.ApplyAsync(this, search, cancellationToken);
        }
        else
        {
            await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
            saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await Search.SearchIndexer.ApplyAsync(this, search, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (content)
        {
            ContentSaved();
        }

        return saved;
    }

    /// <summary>Inserts index rows without going through the index hook again, and forgets them once written.</summary>
    internal async Task SaveIndexRowsAsync(IReadOnlyCollection<Search.IndexedEntry> rows, CancellationToken ct)
    {
        SearchEntries.AddRange(rows);
        try
        {
            await base.SaveChangesAsync(true, ct);
        }
        finally
        {
            foreach (var row in rows)
            {
                Entry(row).State = EntityState.Detached;
                foreach (var facet in row.Facets)
                {
                    Entry(facet).State = EntityState.Detached;
                }
            }
        }
    }

    /// <summary>
    /// Content was changed without the change tracker (ExecuteUpdate/ExecuteDelete, SQL) and committed: moves the data
    /// version here and for every other process on the database. Inside a transaction, it moves once that commits.
    /// </summary>
    public void ContentChanged() => ContentSaved();

    /// <summary>Reads the stored data version (null on a database without the row yet), straight on the connection.</summary>
    public async Task<long?> ReadStoredVersionAsync(CancellationToken ct)
    {
        var connection = Database.GetDbConnection();
        await Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = StoredDataVersion.ReadSql;
            return await command.ExecuteScalarAsync(ct) is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : null;
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }

    private void ContentSaved()
    {
        if (Database.CurrentTransaction is null)
        {
            AnnounceContentChange();
        }
        else
        {
            PendingContentChange = true;
        }
    }

    /// <summary>
    /// Adds one to the stored version, outside any transaction (the change has committed), then moves this process's. A
    /// failure here loses nothing but the announcement: the content is saved, and what other nodes keep expires after
    /// <see cref="DataVersion.MaximumAge"/>.
    /// </summary>
    internal void AnnounceContentChange()
    {
        PendingContentChange = false;
        var connection = Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        try
        {
            if (opened)
            {
                connection.Open();
            }

            using var command = connection.CreateCommand();
            command.CommandText = StoredDataVersion.IncrementSql;
            if (command.ExecuteScalar() is { } value and not DBNull)
            {
                version?.Wrote(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                return;
            }
        }
        catch (System.Data.Common.DbException)
        {
            // The content is saved; only the announcement to the other processes is lost (see the summary).
        }
        finally
        {
            if (opened)
            {
                connection.Close();
            }
        }

        version?.Bump();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MovilidadDb).Assembly);
        if (Database.IsNpgsql())
        {
            Search.IndexedEntryConfiguration.ConfigurePostgres(modelBuilder);
            NaturalSortKey.CompareOrdinallyOnPostgres(modelBuilder);
        }

        // Each feature says what its entities show to readers who do not see unpublished content.
        PublicationFilters.Apply(modelBuilder, this);
    }
}
