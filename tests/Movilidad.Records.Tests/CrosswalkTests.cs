using FsCheck;
using FsCheck.Fluent;

namespace Movilidad.Records.Tests;

public class CrosswalkTests
{
    private static readonly OccupationCrosswalk Crosswalk = OccupationCrosswalk.Default;

    [Theory]
    [InlineData(OccupationClassification.Soc2010, 840, "SOC 2010 → ISCO-08")]
    [InlineData(OccupationClassification.Soc2018, 867, "SOC 2018 → SOC 2010 → ISCO-08")]
    [InlineData(OccupationClassification.Noc2011, 500, "NOC 2011 → ISCO-08")]
    [InlineData(OccupationClassification.Noc2016, 500, "NOC 2016 = NOC 2011 → ISCO-08")]
    [InlineData(OccupationClassification.Noc2021, 516, "NOC 2021 → NOC 2016 → NOC 2011 → ISCO-08")]
    [InlineData(OccupationClassification.Isco08, 619, "ISCO-08")]
    public void Entries_EveryCode_MapsWithWeightsAddingUpToExactlyOne(OccupationClassification classification, int codes, string path)
    {
        var entries = Crosswalk.Entries(classification).ToList();
        var groups = OccupationCrosswalk.Default.Entries(OccupationClassification.Isco08).Select(e => e.Code).ToHashSet();

        Assert.Equal(codes, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal(path, e.Mapping.Path);
            Assert.Equal(1m, e.Mapping.Links.Sum(l => l.Weight));
            Assert.All(e.Mapping.Links, l => Assert.True(l.Weight > 0));
            Assert.All(e.Mapping.Links, l => Assert.Contains(l.Isco08, groups));
        });
    }

    [Fact]
    public void Map_ManyToManyCode_SplitsEquallyOverItsLinks()
    {
        // SOC 2010 11-1011 Chief Executives links to ISCO-08 1112, 1113 and 1120 in the BLS crosswalk.
        var mapping = Crosswalk.Map(new SourceOccupation(OccupationClassification.Soc2010, "11-1011", null));

        Assert.Equal(["1112", "1113", "1120"], mapping.Links.Select(l => l.Isco08));
        Assert.Equal(0.3333333333m, mapping.Links[0].Weight);
        Assert.Equal(0.3333333334m, mapping.Links[2].Weight);
        var parts = OccupationCrosswalk.Split(Measure.WorkersCertified, 10, mapping);
        Assert.Equal([3.333333m, 3.333333m, 3.333334m], parts.Select(p => p.Value));
    }

    [Theory]
    [InlineData("45-2092")]
    [InlineData("45-2092.02")]
    [InlineData("452092")]
    [InlineData("45-2092.00")]
    [InlineData(" 45 2092 ")]
    public void NormaliseCode_SocFormatsOfEveryYear_GiveTheSixDigitCode(string raw) =>
        Assert.Equal("45-2092", OccupationCrosswalk.NormaliseCode(OccupationClassification.Soc2010, raw));

    [Theory]
    [InlineData(OccupationClassification.Noc2011, "11", "0011")]
    [InlineData(OccupationClassification.Noc2011, "0016", "0016")]
    [InlineData(OccupationClassification.Noc2021, "10", "00010")]
    [InlineData(OccupationClassification.Noc2021, "21234", "21234")]
    [InlineData(OccupationClassification.Noc2011, "21234", null)]
    [InlineData(OccupationClassification.Soc2010, "farm worker", null)]
    public void NormaliseCode_NocCodes_ArePaddedOrRefused(OccupationClassification classification, string raw, string? expected) =>
        Assert.Equal(expected, OccupationCrosswalk.NormaliseCode(classification, raw));

    [Fact]
    public void Map_UnknownCode_IsUnmappedWithItsReason()
    {
        var mapping = Crosswalk.Map(new SourceOccupation(OccupationClassification.Noc2011, "9999", null));

        Assert.False(mapping.IsMapped);
        Assert.Equal("'9999' is not a known NOC 2011 code.", mapping.UnmappedBecause!.En);
        Assert.Equal([new Observation(Measure.PositionsApproved, 7, null, 1)], OccupationCrosswalk.Split(Measure.PositionsApproved, 7, mapping));
    }

    // The invariant the explorer relies on: however a file's counts are split over ISCO-08, the total over ISCO-08
    // groups plus the unmapped part equals the file's total, for every measure, and each row's parts add up to it.
    [Fact]
    public void Split_AnyRowsOfAnyClassification_KeepsEveryTotal()
    {
        var codes = OccupationClassifications.All.Where(c => c != OccupationClassification.Dot)
            .SelectMany(c => Crosswalk.Entries(c).Select(e => new SourceOccupation(c, e.Code, null)))
            .Concat([new SourceOccupation(OccupationClassification.Soc2010, "99-9999", null), new SourceOccupation(null, null, "Farm hand")])
            .ToArray();
        var row = from occupation in Gen.Elements(codes)
                  from thousandths in Gen.Choose(0, 10_000_000)
                  from measure in Gen.Elements(Measures.All.ToArray())
                  select (Occupation: occupation, Value: thousandths / 1000m, Measure: measure);
        var file = Gen.ListOf(row).Select(r => r.ToArray()).ToArbitrary();

        Prop.ForAll(file, rows =>
        {
            var observations = rows.SelectMany(r => OccupationCrosswalk.Split(r.Measure, r.Value, Crosswalk.Map(r.Occupation)).Select(o => (Row: r, Observation: o))).ToList();
            var rowsAddUp = rows.All(r => OccupationCrosswalk.Split(r.Measure, r.Value, Crosswalk.Map(r.Occupation)).Sum(o => o.Value) == r.Value);
            var totalsKept = Measures.All.All(m =>
                rows.Where(r => r.Measure == m).Sum(r => r.Value)
                == observations.Where(o => o.Observation.Measure == m).GroupBy(o => o.Observation.Isco08 ?? "").Sum(g => g.Sum(o => o.Observation.Value)));
            var majorGroupsKept = observations.Where(o => o.Observation.Isco08 is not null).GroupBy(o => o.Observation.Isco08![..1]).Sum(g => g.Sum(o => o.Observation.Value))
                == observations.Where(o => o.Observation.Isco08 is not null).Sum(o => o.Observation.Value);
            return rowsAddUp && totalsKept && majorGroupsKept;
        }).QuickCheckThrowOnFailure();
    }
}
