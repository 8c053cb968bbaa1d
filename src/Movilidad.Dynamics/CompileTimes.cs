namespace Movilidad.Dynamics;

/// <summary>
/// Where the compilation of a model went, by phase, in wall-clock time: lowering its equations to ordered expression
/// trees, emitting the IL of the generated methods, and the JIT making their machine code (the last two on every core).
/// A phase that runs on the first run instead (the machine code of a small model's methods, made on their first call)
/// counts there, not here.
/// </summary>
/// <param name="Lowering">Reading the equations into expressions over one flat array, and ordering them.</param>
/// <param name="Emitting">Emitting the IL of the generated methods.</param>
/// <param name="MachineCode">The JIT compiling the generated methods of a large model before the first run.</param>
public sealed record CompileTimes(TimeSpan Lowering, TimeSpan Emitting, TimeSpan MachineCode);
