namespace Movilidad.Dynamics.Tests;

/// <summary>Vensim's functions reading data files beside the model.</summary>
public sealed class DataFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("data-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    private SimulationResult Run(string equations)
    {
        var path = Path.Combine(_folder, "model.mdl");
        File.WriteAllText(path, equations + "\nINITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = TIME STEP ~~|\n");
        return SystemDynamicsModel.Load(path).Compile().Run();
    }

    [Fact]
    public void GetDirectSubscript_LastCellAColumnOrARow_ReadsDownOrAcrossSkippingEmptyCells()
    {
        // Vensim: 'lastcell' in spreadsheet notation; a column alone reads down it, a row alone reads across it.
        File.WriteAllText(Path.Combine(_folder, "regions.csv"), "name,code\nnorth,N\nsouth,S\n,\neast,E\nwest,W,X\n");
        var result = Run("""
            region: GET DIRECT SUBSCRIPT('regions.csv', ',', 'A2', 'A', '') ~~|
            code: GET DIRECT SUBSCRIPT('regions.csv', ',', 'A6', '6', 'c') ~~|
            size[region] = 1 ~~|
            codes[code] = 2 ~~|
            count = SUM(size[region!]) ~~|
            """);

        Assert.Equal(4, result.Series("count")[0]);
        Assert.Equal(["codes[cW]", "codes[cX]", "codes[cwest]"], result.Names.Where(n => n.StartsWith("codes[", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GetDirectFunctions_TaggedFile_ResolveTheTagFromTheModelSettings()
    {
        // Vensim: 'file' may be '?Tag', resolved in Model>Settings>XLS Files, which the .mdl keeps as '30:?tag=file'.
        File.WriteAllText(Path.Combine(_folder, "values.csv"), "year,a,b\n0,5,10\n1,7,20\n");
        File.WriteAllText(Path.Combine(_folder, "names.csv"), "x,north,south\n");
        var path = Path.Combine(_folder, "tagged.mdl");
        File.WriteAllText(path, """
            region: GET DIRECT SUBSCRIPT('?Names', ',', 'B1', '1', '') ~~|
            first = GET DIRECT CONSTANTS('?inputs', ',', 'B2') ~~|
            series := GET DIRECT DATA('?inputs', ',', 'A', 'C2') ~~|
            per region[region] = 1 ~~|
            INITIAL TIME = 0 ~~|
            FINAL TIME = 1 ~~|
            TIME STEP = 1 ~~|
            SAVEPER = TIME STEP ~~|
            \\\---/// Sketch information - do not modify anything after this line
            V300  Do not put anything below this section - it will be ignored
            *View 1
            ///---\\\
            :L<%^E!@
            1:Current.vdfx
            30:?inputs=values.csv
            30:?names=names.csv
            """);

        var result = SystemDynamicsModel.Load(path).Compile().Run();

        Assert.Equal([5.0, 5], result.Series("first"));
        Assert.Equal([10.0, 20], result.Series("series"));
        Assert.Contains("per region[south]", result.Names);
    }

    [Fact]
    public void GetDirectFunctions_UndefinedTag_IsAnErrorNamingTheTag()
    {
        var error = Assert.Throws<ModelException>(() => Run("x = GET DIRECT CONSTANTS('?nowhere', ',', 'B2') ~~|"));

        Assert.Contains("'?nowhere'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetDirectSubscript_CellRangeAcrossColumnsAndAMapping_ReadsTheRange()
    {
        // Vensim: values are read across and then down from firstcell to lastcell; the equation may end with a mapping.
        File.WriteAllText(Path.Combine(_folder, "subs.csv"), "label,b1,b2,b3,b4\nother,x,y,z,w\n");
        var result = Run("""
            DimA: A1, A2, A3 ~~|
            DimB: GET DIRECT SUBSCRIPT('subs.csv', ',', 'b1', 'd1', '') -> DimA ~~|
            a[DimA] = 10, 20, 30 ~~|
            b[DimB] = a[DimA] + 1 ~~|
            """);

        Assert.Equal(["b[b1]", "b[b2]", "b[b3]"], result.Names.Where(n => n.StartsWith("b[", StringComparison.Ordinal)));
        Assert.Equal(31, result.Series("b[b3]")[0]);
    }

    [Fact]
    public void GetDirectFunctions_MissingOrNaCells_AreNa()
    {
        // An empty cell, or one holding :NA:, is Vensim's :NA: (missing) value; a data series with no values is :NA: throughout.
        File.WriteAllText(Path.Combine(_folder, "gaps.csv"), "year,a,b,c\n0,1,,:NA:\n1,2,,\n");
        var result = Run("""
            col: c1, c2, c3 ~~|
            k[col] = GET DIRECT CONSTANTS('gaps.csv', ',', 'B2') ~~|
            k missing[col] = IF THEN ELSE(k[col] = :NA:, 1, 0) ~~|
            empty series := GET DIRECT DATA('gaps.csv', ',', 'A', 'C2') ~~|
            empty missing = IF THEN ELSE(empty series = :NA:, 1, 0) ~~|
            """);

        Assert.Equal([0.0, 1, 1], [result.Series("k missing[c1]")[0], result.Series("k missing[c2]")[0], result.Series("k missing[c3]")[0]]);
        Assert.Equal([1.0, 1], result.Series("empty missing"));
    }
}
