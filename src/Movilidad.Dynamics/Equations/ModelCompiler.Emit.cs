using System.Diagnostics;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Movilidad.Dynamics.Builtins;

namespace Movilidad.Dynamics.Equations;

internal sealed partial class ModelCompiler
{
    private const int InterpretedInitialValues = 1_000;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _machineCode;

    private CompiledModel Emit()
    {
        _cancellation.ThrowIfCancellationRequested();
        var initial = _slots.Where(s => s.Index != TimeSlot && s.Init is not null).ToList();
        var initOrder = Order(initial, s => s.InitDeps, "initial values");
        var dynamic = ComputeDynamic();
        var auxiliaries = _slots.Where(s => !s.IsStock && s.Dynamic is not null && dynamic[s.Index]).ToList();
        var auxOrder = Order(auxiliaries, s => s.DynamicDeps, "auxiliaries");
        var stocks = _slots.Where(s => s.IsStock).ToList();

        var fixedFlags = Expression.Property(_context, nameof(RunContext.Fixed));
        var initBody = initOrder.Select(s => (Expression)Expression.IfThen(
            Expression.Not(Expression.ArrayIndex(fixedFlags, Expression.Constant(s.Index))),
            Expression.Assign(Expression.ArrayAccess(_state, Expression.Constant(s.Index)), s.Init!))).ToList();
        var flowBody = auxOrder.Select(s => (Expression)Expression.Assign(Expression.ArrayAccess(_state, Expression.Constant(s.Index)), s.Dynamic!)).ToList();
        for (var k = 0; k < stocks.Count; k++)
        {
            flowBody.Add(Expression.Assign(Expression.ArrayAccess(_rates, Expression.Constant(k)), stocks[k].Rate ?? Zero));
        }

        var lowered = _clock.Elapsed;
        var interpreted = initBody.Count > InterpretedInitialValues
            ? TreeInterpreter.Create(Expression.Block(typeof(void), initBody), _state, _context, _single)
            : null;
        var state = _state;
        var context = _context;
        var single = _single;
        var oneRun = _oneRun;
        var init = new InitialValues(interpreted, () => Chained(Chunks(initBody, oneRun).Select(c => IlEmitter.Compile<Action<double[], RunContext>>(c, single, state, context)).ToArray()));
        var flows = Chained(MachineCode(Chunks(flowBody, oneRun), c => IlEmitter.Compile<Action<double[], double[], RunContext>>(c, single, state, _rates, context)));
        var update = Chained(MachineCode(Chunks(_updates, oneRun), c => IlEmitter.Compile<Action<double[], RunContext>>(c, single, state, context)));

        var outputs = _slots.Where(s => s.OutputName is not null).OrderBy(s => s.OutputName, StringComparer.OrdinalIgnoreCase).ToList();
        var named = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var instance in _main.Instances.Values)
        {
            var all = instance.Slots.Where(i => i >= 0).ToList();
            if (all.Count > 0)
            {
                named[instance.Definition.Key] = all;
            }
        }

        foreach (var slot in outputs)
        {
            named[Names.Canonical(slot.OutputName!)] = [slot.Index];
        }

        return new CompiledModel(
            _model,
            new CompiledPhases(init, flows, update),
            _slots.Count,
            [.. stocks.Select(s => s.Index)],
            [.. stocks.Select(s => s.NonNegative)],
            [.. outputs.Select(s => s.OutputName!)],
            [.. outputs.Select(s => s.Index)],
            [.. _tables],
            _tableByName,
            _dataTableNames,
            named.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
            _lineCount,
            _randomCount,
            auxOrder.Count + stocks.Count,
            [.. _slots.Select(s => s.IsStock || !dynamic[s.Index])],
            [.. _slots.Select(s => !s.IsStock && !dynamic[s.Index] && s.Index != TimeSlot)])
        {
            Precision = _single ? Precision.Single : Precision.Double,
            CompileTimes = new CompileTimes(lowered, _clock.Elapsed - lowered - _machineCode, _machineCode),
        };
    }

    /// <summary>
    /// Splits a phase into methods of at most a few hundred statements and a bounded size: the JIT compiles a method
    /// with more than about 60,000 bytes of IL or 2,000 basic blocks without optimising it (MinOpts), which made the
    /// chunks of C-LEARN's conditional-heavy equations run several times slower than their parts. For one run, the
    /// parts are made that large on purpose (up to 1,000 statements, 40,000 nodes or 3,000 conditionals, past the
    /// JIT's limits for most of them): quick to compile, slower to run.
    /// </summary>
    private static IEnumerable<Expression> Chunks(List<Expression> statements, bool oneRun)
    {
        var (maxStatements, maxNodes, maxBranches) = oneRun ? (1_000, 40_000, 3_000) : (120, 3_000, 400);
        if (statements.Count == 0)
        {
            yield return Expression.Empty();
            yield break;
        }

        var chunk = new List<Expression>();
        var (nodes, branches) = (0, 0);
        foreach (var statement in statements)
        {
            var (n, b) = Size(statement);
            if (chunk.Count > 0 && (chunk.Count == maxStatements || nodes + n > maxNodes || branches + b > maxBranches))
            {
                yield return Expression.Block(typeof(void), chunk);
                chunk = [];
                (nodes, branches) = (0, 0);
            }

            chunk.Add(statement);
            nodes += n;
            branches += b;
        }

        yield return Expression.Block(typeof(void), chunk);
    }

    /// <summary>The nodes of a lowered statement and its conditionals (each a few basic blocks of machine code).</summary>
    private static (int Nodes, int Branches) Size(Expression statement)
    {
        var (nodes, branches) = (0, 0);
        var pending = new Stack<Expression>();
        pending.Push(statement);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            nodes++;
            if (node is ConditionalExpression or BinaryExpression { NodeType: ExpressionType.AndAlso or ExpressionType.OrElse })
            {
                branches++;
            }

            IlEmitter.PushChildren(node, pending);
        }

        return (nodes, branches);
    }

    /// <summary>
    /// Emits the methods of a phase split into several, then has the JIT turn them into machine code now, on every
    /// core: a dynamic method is otherwise compiled, with full optimisation, on its first call, one after the other
    /// in the first step of the first run (about half a second for a model of 10,000 equations).
    /// </summary>
    private T[] MachineCode<T>(IEnumerable<Expression> chunks, Func<Expression, T> emit)
        where T : Delegate
    {
        var bodies = chunks.ToList();
        if (bodies.Count == 1)
        {
            return [emit(bodies[0])];
        }

        var parts = new T[bodies.Count];
        OnEveryCore(bodies.Count, i => parts[i] = emit(bodies[i]));
        var start = _clock.Elapsed;
        OnEveryCore(parts.Length, i => RuntimeHelpers.PrepareDelegate(parts[i]));
        _machineCode += _clock.Elapsed - start;
        return parts;
    }

    private void OnEveryCore(int count, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, new ParallelOptions { CancellationToken = _cancellation }, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    private static Action<double[], RunContext> Chained(Action<double[], RunContext>[] parts) =>
        parts.Length == 1 ? parts[0] : (s, context) =>
        {
            foreach (var part in parts)
            {
                part(s, context);
            }
        };

    private static Action<double[], double[], RunContext> Chained(Action<double[], double[], RunContext>[] parts) =>
        parts.Length == 1 ? parts[0] : (s, d, context) =>
        {
            foreach (var part in parts)
            {
                part(s, d, context);
            }
        };

    /// <summary>A slot must be recomputed every step when it depends, directly or not, on time, a stock or a random stream.</summary>
    private bool[] ComputeDynamic()
    {
        var dependents = new List<int>[_slots.Count];
        foreach (var slot in _slots)
        {
            foreach (var dep in slot.DynamicDeps)
            {
                (dependents[dep] ??= []).Add(slot.Index);
            }
        }

        var result = new bool[_slots.Count];
        var queue = new Queue<int>();
        foreach (var slot in _slots.Where(s => s.Index == TimeSlot || s.IsStock || s.AlwaysDynamic))
        {
            result[slot.Index] = true;
            queue.Enqueue(slot.Index);
        }

        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (dependents[current] is not { } list)
            {
                continue;
            }

            foreach (var next in list)
            {
                if (!result[next] && _slots[next].Dynamic is not null && !_slots[next].IsStock)
                {
                    result[next] = true;
                    queue.Enqueue(next);
                }
            }
        }

        return result;
    }

    /// <summary>Topological order by dependency; a cycle is reported with the names along it.</summary>
    private List<Slot> Order(List<Slot> nodes, Func<Slot, HashSet<int>> depsOf, string phase)
    {
        var member = new bool[_slots.Count];
        foreach (var node in nodes)
        {
            member[node.Index] = true;
        }

        var state = new int[_slots.Count];
        var order = new List<Slot>(nodes.Count);
        var stack = new Stack<(int Slot, IEnumerator<int> Deps)>();
        foreach (var node in nodes)
        {
            if (state[node.Index] != 0)
            {
                continue;
            }

            state[node.Index] = 1;
            stack.Push((node.Index, depsOf(node).GetEnumerator()));
            while (stack.Count > 0)
            {
                var (current, deps) = stack.Peek();
                if (deps.MoveNext())
                {
                    var next = deps.Current;
                    if (!member[next] || next == current && _slots[next].IsStock)
                    {
                        continue;
                    }

                    if (state[next] == 1)
                    {
                        var cycle = stack.Select(e => e.Slot).TakeWhile(s => s != next).Reverse().Prepend(next).Append(next)
                            .Select(s => _slots[s].OutputName ?? _slots[s].Variable);
                        var first = _slots[next];
                        throw Error(first.Location, first.Variable, new Diagnostic(DiagnosticCode.CircularDefinition, ("phase", phase), ("cycle", string.Join(" -> ", cycle))));
                    }

                    if (state[next] == 0)
                    {
                        state[next] = 1;
                        stack.Push((next, depsOf(_slots[next]).GetEnumerator()));
                    }

                    continue;
                }

                state[current] = 2;
                order.Add(_slots[current]);
                stack.Pop();
            }
        }

        return order;
    }
}
