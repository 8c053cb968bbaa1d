namespace Movilidad.Records.Tests;

public class PlaceTests
{
    private static readonly PlaceDirectory Places = PlaceDirectory.Default;

    [Theory]
    [InlineData("MEXICO", "MX", "MEX")]
    [InlineData("United States of America", "US", "USA")]
    [InlineData("MOLDOVA", "MD", "MDA")]
    [InlineData("gtm", "GT", "GTM")]
    [InlineData("Estados Unidos de América", "US", "USA")]
    [InlineData("Türkiye", "TR", "TUR")]
    public void Country_NamesAndCodes_GiveIso3166(string text, string alpha2, string alpha3) =>
        Assert.Equal(new Place(alpha2, alpha3, null, null), Places.Country(text));

    [Theory]
    [InlineData("US", "CA", "US-CA")]
    [InlineData("US", "ny", "US-NY")]
    [InlineData("US", "PR", "US-PR")]
    [InlineData("CA", "Newfoundland and Labrador                                                  ", "CA-NL")]
    [InlineData("CA", "NF", "CA-NL")]
    [InlineData("CA", "Québec", "CA-QC")]
    [InlineData("MX", "NUEVO LEON", "MX-NLE")]
    [InlineData("MX", "Michoacan", "MX-MIC")]
    [InlineData("MX", "Veracruz", "MX-VER")]
    [InlineData("GT", "San Marcos", "GT-SM")]
    public void Subdivision_CodesAndNames_GiveIso3166_2(string country, string text, string code) =>
        Assert.Equal(code, Places.Subdivision(country, text)?.Subdivision);

    [Theory]
    [InlineData("GRAND FALLS - WINDSOR, NL A2A 2E1", "CA-NL")]
    [InlineData("Montréal, QC H2T 1Y1", "CA-QC")]
    [InlineData("Leamington, ON N8H1A1", "CA-ON")]
    [InlineData("Yellowknife, NT X1A 2P3", null)]
    public void CanadianPostalCode_Addresses_GiveTheProvince(string address, string? code)
    {
        var place = Places.CanadianPostalCode(address);

        Assert.Equal("CA", place!.Country);
        Assert.Equal(code, place.Subdivision);
    }

    [Fact]
    public void Subdivision_NotAStateOfTheCountry_IsNull() => Assert.Null(Places.Subdivision("US", "ON"));
}
