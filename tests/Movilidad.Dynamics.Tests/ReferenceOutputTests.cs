using System.Text;
using Movilidad.Dynamics.Results;

namespace Movilidad.Dynamics.Tests;

public sealed class ReferenceOutputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("reference-output-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void Load_TabWithCarriageReturnsLatin1AndQuotedHeaders_ReadsEveryColumn()
    {
        var text = "Time\t\"Stock[a,b]\"\tCaf\u00e9\r0\t1\t2\r1\t1.5\t\r";
        var path = Write("output.tab", Encoding.Latin1.GetBytes(text));

        var output = ReferenceOutput.Load(path);

        Assert.Equal(["Stock[a,b]", "Caf\u00e9"], output.Names);
        Assert.Equal([0.0, 1.0], output.Times);
        Assert.Equal([1.0, 1.5], output.Columns[0]);
        Assert.Equal([2.0, 2.0], output.Columns[1]);
    }

    [Fact]
    public void Load_BlankAfterValues_IsMissingNotRepeated()
    {
        var path = Write("output.tab", Encoding.UTF8.GetBytes("Time\tx\n0\t1\n1\t2\n2\t\n"));

        var output = ReferenceOutput.Load(path);

        Assert.True(double.IsNaN(output.Columns[0][2]));
    }

    [Fact]
    public void Load_VensimDat_ReadsEachSeries()
    {
        var path = Write("data.dat", Encoding.UTF8.GetBytes("demand\n0\t10\n5\t20\nprice\n0\t1\n"));

        var series = ReferenceOutput.Load(path).ToSeries();

        Assert.Equal([0.0, 5.0], series["demand"].X);
        Assert.Equal([20.0], series["demand"].Y.Skip(1));
        Assert.Equal([1.0], series["price"].Y);
    }

    [Fact]
    public void Compare_ValuesWithinPySdTolerance_Pass()
    {
        var model = ModelText.Vensim("x = Time * 1000 ~~|", final: 2).Compile();
        var path = Write("output.csv", Encoding.UTF8.GetBytes("Months,X\n0,0\n1,1000.009\n2,2000\n"));

        var report = ResultComparison.Compare(model.Run(), ReferenceOutput.Load(path));

        Assert.True(report.Passed);
        Assert.Equal(3, report.ComparedRows);
    }

    [Fact]
    public void Compare_ValueOutsideTolerance_ReportsVariableAndTime()
    {
        var model = ModelText.Vensim("x = Time * 1000 ~~|", final: 2).Compile();
        var path = Write("output.csv", Encoding.UTF8.GetBytes("Time,x\n0,0\n1,1000.02\n2,2000\n"));

        var report = ResultComparison.Compare(model.Run(), ReferenceOutput.Load(path));

        Assert.False(report.Passed);
        Assert.Equal("x", report.FirstMismatch!.Variable);
        Assert.Equal(1, report.FirstMismatch.Time);
    }

    [Fact]
    public void Compare_DatReference_ComparesOnlyThePointsItHolds()
    {
        // Vensim writes a constant once, at the initial time, and a data variable at its data points only.
        var model = ModelText.Vensim("rate = 5 ~~|\nlevel = Time * 2 ~~|", final: 4).Compile();
        var path = Write("reference.dat", Encoding.UTF8.GetBytes("rate\n0\t5\nlevel\n0\t0\n1\t2\n4\t8\n"));

        var report = ResultComparison.Compare(model.Run(), ReferenceOutput.Load(path));

        Assert.True(report.Passed, report.FirstMismatch?.ToString());
        Assert.Equal(3, report.ComparedRows);
    }

    [Fact]
    public void Compare_DatReferenceWrongAtOnePoint_ReportsThatPoint()
    {
        var model = ModelText.Vensim("level = Time * 2 ~~|", final: 4).Compile();
        var path = Write("reference.dat", Encoding.UTF8.GetBytes("level\n0\t0\n3\t7\n"));

        var report = ResultComparison.Compare(model.Run(), ReferenceOutput.Load(path));

        Assert.Equal(new Mismatch("level", 3, 7, 6), report.FirstMismatch);
    }

    [Fact]
    public void Matches_NaNAgainstNaN_IsTrue()
    {
        Assert.True(ResultComparison.Matches(double.NaN, double.NaN));
        Assert.False(ResultComparison.Matches(double.NaN, 0));
    }
}
