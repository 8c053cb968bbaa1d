using Microsoft.EntityFrameworkCore;
using Movilidad.Web.Features.Institutions;
using Movilidad.Web.Features.Plans;
using Movilidad.Web.Features.Reference;

namespace Movilidad.Web.Infrastructure.Data;

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

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MovilidadDb).Assembly);
}
