using Movilidad.Platform.Auth;

namespace Movilidad.Web.Features.LabourMarket;

/// <summary>The operations on labour-market records; <see cref="LabourMarketPermissions"/> decides who may do them.</summary>
public static class LabourMarketOperations
{
    /// <summary>Import, replace or delete a dataset: scope <see cref="CountryScope"/> of the source's publisher (US, CA), or none for international sources.</summary>
    public static readonly Operation Import = new("labour-market.import");

    /// <summary>Edit the outlook's mapping of the sectors of footnote 8 to ISCO-08 groups: the Secretariat only.</summary>
    public static readonly Operation EditSectors = new("labour-market.edit-sectors");

    /// <summary>Read datasets kept for signed-in readers.</summary>
    public static readonly Operation ReadRestricted = new("labour-market.read-restricted");
}
