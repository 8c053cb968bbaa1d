using System.Net;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.Plans;

/// <summary>
/// The home and plan pages' output cache when their first reader goes away (<see cref="ReaderGoesAway"/>): the load run
/// saw 500 × 48 on the plan page at its start, the shape the explorer's locking had.
/// </summary>
public abstract class PlanCacheTests(MovilidadApp app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/plans/pe-crm-2023-2026")]
    public async Task FirstReaderGoesAway_OthersAskingTheSameAddressStillGet200(string address) =>
        Assert.Equal(HttpStatusCode.OK, await ReaderGoesAway.OtherReaderOfAsync(app, $"{address}?cache={Guid.NewGuid():N}"));
}

public sealed class PlanCacheTestsOnSqlite(SqliteApp app) : PlanCacheTests(app), IClassFixture<SqliteApp>;

public sealed class PlanCacheTestsOnPostgres(PostgresApp app) : PlanCacheTests(app), IClassFixture<PostgresApp>;
