using System.Text;

namespace Movilidad.Dynamics.Tests;

/// <summary>Builds models from inline text, as a modeller would write them in a file.</summary>
internal static class ModelText
{
    public static SystemDynamicsModel Vensim(string equations, double final = 10, double dt = 1) =>
        Load(equations + $"\nINITIAL TIME = 0 ~~|\nFINAL TIME = {final.ToString(System.Globalization.CultureInfo.InvariantCulture)} ~~|\nTIME STEP = {dt.ToString(System.Globalization.CultureInfo.InvariantCulture)} ~~|\nSAVEPER = TIME STEP ~~|\n", "model.mdl");

    public static SystemDynamicsModel Load(string text, string fileName)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return SystemDynamicsModel.Load(stream, fileName);
    }
}
