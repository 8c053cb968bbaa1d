using Movilidad.Dynamics;
using Movilidad.Dynamics.Analysis;

namespace Movilidad.Cli.Sd;

/// <summary>How the sd commands turn failures into one line on the error stream and an exit code.</summary>
internal static class SdErrors
{
    /// <summary>Bad input is 2, a model or file that cannot be used 1, a cancelled run 130.</summary>
    public static int Handle(FileInfo model, TextWriter stderr, Func<int> work)
    {
        try
        {
            return work();
        }
        catch (AnalysisException e)
        {
            stderr.WriteLine(e.Message);
            return 2;
        }
        catch (ModelException e)
        {
            stderr.WriteLine(e.Message);
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(e.Message);
            return 1;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("cancelled");
            return 130;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException or IndexOutOfRangeException)
        {
            stderr.WriteLine($"{model.Name}: internal error in the engine ({e.GetType().Name}): {e.Message}");
            return 3;
        }
    }
}
