using System.Globalization;
using Movilidad.Dynamics;
using Movilidad.Dynamics.Analysis;

namespace Movilidad.Cli.Sd;

/// <summary>How the sd commands turn failures into one line on the error stream and an exit code.</summary>
internal static class SdErrors
{
    /// <summary>
    /// The language of the engine's messages: English, or Spanish when the POSIX locale (LC_ALL, else LC_MESSAGES, else LANG)
    /// is a Spanish one (es_MX.UTF-8); numbers then written as in Spanish.
    /// </summary>
    public static CultureInfo Language => LanguageOf(Environment.GetEnvironmentVariable);

    private static readonly string[] LocaleVariables = ["LC_ALL", "LC_MESSAGES", "LANG"];

    /// <summary>The language for an environment.</summary>
    public static CultureInfo LanguageOf(Func<string, string?> environment)
    {
        var locale = LocaleVariables.Select(environment).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        return locale is not null && locale.StartsWith("es", StringComparison.OrdinalIgnoreCase) && (locale.Length == 2 || !char.IsAsciiLetter(locale[2]))
            ? CultureInfo.GetCultureInfo("es")
            : CultureInfo.InvariantCulture;
    }

    /// <summary>Bad input is 2, a model or file that cannot be used 1, a cancelled run 130.</summary>
    public static int Handle(FileInfo model, TextWriter stderr, Func<int> work) => Handle(model, stderr, Language, work);

    /// <summary>As <see cref="Handle(FileInfo, TextWriter, Func{int})"/>, saying the engine's messages in <paramref name="language"/>.</summary>
    public static int Handle(FileInfo model, TextWriter stderr, CultureInfo language, Func<int> work)
    {
        try
        {
            return work();
        }
        catch (AnalysisException e)
        {
            stderr.WriteLine(e.Describe(language));
            return 2;
        }
        catch (ModelException e)
        {
            stderr.WriteLine(e.Describe(language));
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
