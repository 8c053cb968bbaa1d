using System.Globalization;
using Movilidad.Dynamics;
using Movilidad.Dynamics.Analysis;
using Movilidad.Web.Features.Demand;

namespace Movilidad.Web.Tests.Features.Demand;

/// <summary>A failed background run keeps its engine message as a code with arguments and says it in the reader's language.</summary>
public sealed class DemandMessagesTests
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void StoredModelError_ReadInEitherLanguage_IsTheEngineMessageWithItsPlace()
    {
        var located = new ModelException(new Diagnostic(DiagnosticCode.UnknownVariable, ("name", "lifespan")), "/tmp/x/population.mdl", 12, 5, "deaths");
        var element = new ModelException(new Diagnostic(DiagnosticCode.NoEquation), "m.xmile", "<aux name=\"b\"> (line 7)", "b");
        var analysis = new AnalysisException(new Diagnostic(DiagnosticCode.SensitivityRunsOutOfRange, ("runs", 10_000_000), ("limit", 100_000)));
        var nested = new ModelException(new Diagnostic(DiagnosticCode.SyntaxInEquation, ("problem", new Diagnostic(DiagnosticCode.UnexpectedToken, ("token", ")"))), ("equation", "a + )")), "m.xmile", "<aux name=\"c\">", "c");

        foreach (Exception error in new Exception[] { located, element, analysis, nested })
        {
            var stored = DemandMessages.Store(error);
            Assert.Equal(DemandMessages.Say(error, Spanish), DemandMessages.Read(stored, Spanish));
            Assert.Equal(DemandMessages.Say(error, English), DemandMessages.Read(stored, English));
            Assert.Equal(error.Message, DemandMessages.Read(stored, English));
        }

        Assert.Equal("population.mdl:12:5: variable 'deaths': variable desconocida 'lifespan'", DemandMessages.Read(DemandMessages.Store(located), Spanish));
        Assert.Equal("m.xmile: en <aux name=\"b\"> (línea 7): variable 'b': la variable no tiene ecuación", DemandMessages.Read(DemandMessages.Store(element), Spanish));
        Assert.Equal("se pidieron 10.000.000 corridas: un análisis de sensibilidad tiene de 1 a 100.000 corridas", DemandMessages.Read(DemandMessages.Store(analysis), Spanish));
        Assert.Equal("m.xmile: en <aux name=\"c\">: variable 'c': ')' inesperado en 'a + )'", DemandMessages.Read(DemandMessages.Store(nested), Spanish));
    }

    [Fact]
    public void StoredText_FromBeforeCodes_IsSaidAsItIs()
    {
        Assert.Equal("model.mdl:3:1: something old", DemandMessages.Read("model.mdl:3:1: something old", Spanish));
        Assert.Null(DemandMessages.Read(null, Spanish));
    }
}
