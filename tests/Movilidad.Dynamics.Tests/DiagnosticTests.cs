using System.Globalization;
using System.Text.RegularExpressions;
using Movilidad.Dynamics.Analysis;

namespace Movilidad.Dynamics.Tests;

/// <summary>The engine's messages as codes with named arguments, said in English (unchanged) and Spanish from one catalogue.</summary>
public sealed partial class DiagnosticTests
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es");

    /// <summary>Codes whose text is the same in both languages: a file name and a line, a variable, or a text given from outside the catalogue.</summary>
    private static readonly HashSet<DiagnosticCode> SameInBoth = [DiagnosticCode.LocationFile, DiagnosticCode.LocationFileLine, DiagnosticCode.LocationVariable, DiagnosticCode.Text];

    [Fact]
    public void Catalogue_EveryCode_HasEnglishAndSpanishWithTheSameArguments()
    {
        foreach (var code in Enum.GetValues<DiagnosticCode>())
        {
            Assert.True(DiagnosticTexts.English.TryGetValue(code, out var english) && english.Length > 0, $"{code} has no English text");
            Assert.True(DiagnosticTexts.Spanish.TryGetValue(code, out var spanish) && spanish.Length > 0, $"{code} has no Spanish text");
            Assert.Equal(Arguments(english), Arguments(spanish));
            if (!SameInBoth.Contains(code))
            {
                Assert.NotEqual(english, spanish);
            }
        }

        Assert.Equal(Enum.GetValues<DiagnosticCode>().Length, DiagnosticTexts.English.Count);
        Assert.Equal(Enum.GetValues<DiagnosticCode>().Length, DiagnosticTexts.Spanish.Count);
    }

    [Fact]
    public void Catalogue_EveryCodeSaidInSpanish_LeavesNoPlaceholderOrCodeName()
    {
        foreach (var code in Enum.GetValues<DiagnosticCode>())
        {
            var arguments = Arguments(DiagnosticTexts.English[code]).Select(name => (name, (object?)"x")).ToArray();
            var said = new Diagnostic(code, arguments).ToString(Spanish);
            Assert.DoesNotContain("{", said, StringComparison.Ordinal);
            Assert.DoesNotContain(code.ToString(), said, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CompileError_InSpanish_NamesFileLineAndVariable_AndTheMessageStaysEnglish()
    {
        var error = Assert.Throws<ModelException>(() => ModelText.Vensim("a = 1 ~~|\nb = a + missing thing ~~|").Compile());

        Assert.Equal(DiagnosticCode.UnknownVariable, error.Diagnostic.Code);
        Assert.Equal("missing thing", error.Diagnostic["name"]);
        Assert.Equal("model.mdl:2:1: variable 'b': unknown variable 'missing thing'", error.Message);
        Assert.Equal(error.Message, error.Describe(CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal("model.mdl:2:1: variable 'b': variable desconocida 'missing thing'", error.Describe(Spanish));
    }

    [Fact]
    public void SyntaxError_InSpanish_SaysWhatWasExpected()
    {
        var error = Assert.Throws<ModelException>(() => ModelText.Vensim("a = 1 ~~|\nb = (a + 2 ~~|").Compile());

        Assert.Equal(2, error.Line);
        Assert.Contains("se esperaba ')'", error.Describe(Spanish), StringComparison.Ordinal);
        Assert.Contains("expected ')'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void XmileError_InSpanish_NamesTheElementAndItsLine()
    {
        var xmile = """
            <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
              <header><name>m</name></header>
              <sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
              <model><variables>
                <aux name="b"><eqn>a + 1</eqn></aux>
              </variables></model>
            </xmile>
            """;
        var error = Assert.Throws<ModelException>(() => ModelText.Load(xmile, "m.xmile").Compile());

        Assert.Matches(@"^m\.xmile: in <aux name=""b"">.* \(line \d+\): variable 'b': unknown variable 'a'$", error.Message);
        Assert.Matches(@"^m\.xmile: en <aux name=""b"">.* \(línea \d+\): variable 'b': variable desconocida 'a'$", error.Describe(Spanish));
    }

    [Fact]
    public void AnalysisError_InSpanish_WritesNumbersAsInSpanish()
    {
        var error = Assert.Throws<AnalysisException>(() => Sensitivity.Run(
            ModelText.Vensim("k = 1 ~~|\ns = INTEG(k, 0) ~~|").Compile(), [Variation.Parse("k=uniform(0,1)")], new SensitivityOptions { Runs = 10_000_000 }));

        Assert.Equal(DiagnosticCode.SensitivityRunsOutOfRange, error.Diagnostic.Code);
        Assert.StartsWith("10,000,000 runs asked", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("se pidieron 10.000.000 corridas", error.Describe(Spanish), StringComparison.Ordinal);
    }

    [Fact]
    public void Distribution_LowAboveHigh_InSpanish_NamesTheDistribution()
    {
        var error = Assert.Throws<AnalysisException>(() => Distribution.Parse("uniform(3,1)"));

        Assert.Equal("uniform(3,1): LOW (3) is greater than HIGH (1)", error.Message);
        Assert.Equal("uniform(3,1): el mínimo (3) es mayor que el máximo (1)", error.Describe(Spanish));
    }

    [Fact]
    public void Numbers_InMexicanSpanish_AreWrittenAsMexicoWritesThem()
    {
        var runs = new Diagnostic(DiagnosticCode.SensitivityRunsOutOfRange, ("runs", 10_000_000), ("limit", 100_000));

        Assert.StartsWith("se pidieron 10,000,000 corridas", runs.ToString(CultureInfo.GetCultureInfo("es-MX")), StringComparison.Ordinal);
        Assert.StartsWith("se pidieron 10.000.000 corridas", runs.ToString(CultureInfo.GetCultureInfo("es-ES")), StringComparison.Ordinal);
        Assert.StartsWith("10,000,000 runs asked", runs.ToString(CultureInfo.GetCultureInfo("de-DE")), StringComparison.Ordinal);
    }

    private static List<string> Arguments(string template) =>
        [.. Hole().Matches(template).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex Hole();
}
