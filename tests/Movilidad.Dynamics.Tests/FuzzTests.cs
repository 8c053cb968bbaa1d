using System.Text;

namespace Movilidad.Dynamics.Tests;

/// <summary>Mutated suite models must fail with the engine's own error, never crash or hang.</summary>
public sealed class FuzzTests
{
    private const int MutationsPerFormat = 400;

    [Theory]
    [InlineData(".mdl")]
    [InlineData(".xmile")]
    public async Task LoadCompileRun_MutatedSuiteModels_FailOnlyWithModelException(string extension)
    {
        var random = new Random(20_261_122);
        var sources = Directory.EnumerateFiles(TestModelsFolder.Root, "*" + extension, SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path: path, Text: File.ReadAllText(path)))
            .Where(s => s.Text.Length < 60_000)
            .ToList();
        var crashes = new List<string>();

        for (var i = 0; i < MutationsPerFormat; i++)
        {
            var (path, text) = sources[random.Next(sources.Count)];
            var mutated = Mutate(text, random);
            var run = Task.Run(() => Exercise(mutated, path));
            if (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10))) != run)
            {
                crashes.Add($"{path}: mutation {i} did not finish in 10 s");
                continue;
            }

            if (await run is { } crash)
            {
                crashes.Add($"{path}: mutation {i}: {crash}");
            }
        }

        Assert.True(crashes.Count == 0, string.Join(Environment.NewLine, crashes));
    }

    private static string? Exercise(string text, string path)
    {
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
            var model = SystemDynamicsModel.Load(stream, path).Compile();
            model.Run(new SimulationOptions { MaxSteps = 20_000, MaxWallTime = TimeSpan.FromSeconds(2) });
            return null;
        }
        catch (ModelException)
        {
            return null;
        }
        catch (Exception e)
        {
            return e.GetType().Name + ": " + e.Message + Environment.NewLine + e.StackTrace;
        }
    }

    private static string Mutate(string text, Random random)
    {
        var sb = new StringBuilder(text);
        var edits = 1 + random.Next(4);
        const string alphabet = "()[],;:=+-*/^<>!|~\"'\\ \n0123456789.eEaZ_ABC";
        for (var e = 0; e < edits && sb.Length > 0; e++)
        {
            var at = random.Next(sb.Length);
            switch (random.Next(4))
            {
                case 0:
                    sb.Remove(at, Math.Min(sb.Length - at, 1 + random.Next(8)));
                    break;
                case 1:
                    sb.Insert(at, alphabet[random.Next(alphabet.Length)]);
                    break;
                case 2:
                    sb[at] = alphabet[random.Next(alphabet.Length)];
                    break;
                default:
                    var from = random.Next(sb.Length);
                    var length = Math.Min(sb.Length - from, 1 + random.Next(40));
                    sb.Insert(at, sb.ToString(from, length));
                    break;
            }
        }

        return sb.ToString();
    }
}
