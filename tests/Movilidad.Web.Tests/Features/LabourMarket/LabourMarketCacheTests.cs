using System.Net;
using Movilidad.Web.Tests.Infrastructure;

namespace Movilidad.Web.Tests.Features.LabourMarket;

/// <summary>The explorer's output cache when its first reader goes away (<see cref="ReaderGoesAway"/>).</summary>
public abstract class LabourMarketCacheTests(LabourMarketApp app)
{
    [Fact]
    public async Task Explorer_FirstReaderGoesAway_OthersAskingTheSameAddressStillGet200()
    {
        await app.ImportedAsync();
        Assert.Equal(HttpStatusCode.OK, await ReaderGoesAway.OtherReaderOfAsync(app, $"/labour-market?occupation=6&level=3&cache={Guid.NewGuid():N}"));
    }
}

[Collection(LabourMarketSqlite.Name)]
public sealed class LabourMarketCacheTestsOnSqlite(LabourMarketSqliteApp app) : LabourMarketCacheTests(app);

[Collection(LabourMarketPostgres.Name)]
public sealed class LabourMarketCacheTestsOnPostgres(LabourMarketPostgresApp app) : LabourMarketCacheTests(app);
