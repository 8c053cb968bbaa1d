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
}
