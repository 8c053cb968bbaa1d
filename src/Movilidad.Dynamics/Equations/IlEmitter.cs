using System.Linq.Expressions;
using System.Reflection;
using System.Reflection.Emit;

namespace Movilidad.Dynamics.Equations;

/// <summary>
/// Emits a list of lowered statements as one <see cref="DynamicMethod"/>. Lowering builds expression trees for
/// their type checking, but LambdaExpression.Compile costs too much on models of tens of thousands of
/// equations; the few node kinds lowering produces are emitted directly here.
/// </summary>
internal sealed class IlEmitter
{
    private readonly ILGenerator _il;
    private readonly bool _single;
    private readonly IReadOnlyList<ParameterExpression> _parameters;
    private readonly LocalBuilder?[] _elementZero;
    private readonly HashSet<(ParameterExpression Array, int Index)> _readElements = [];
    private readonly Dictionary<(ParameterExpression Array, int Index), LocalBuilder> _heldElements = [];
    private int _conditionalDepth;

    private IlEmitter(ILGenerator il, bool single, IReadOnlyList<ParameterExpression> parameters)
    {
        _il = il;
        _single = single;
        _parameters = parameters;
        _elementZero = new LocalBuilder?[parameters.Count];
    }

    /// <summary>Emits <paramref name="body"/>; with <paramref name="single"/>, every double result is rounded to a 32-bit float.</summary>
    public static TDelegate Compile<TDelegate>(Expression body, bool single, params ParameterExpression[] parameters)
        where TDelegate : Delegate
    {
        var method = new DynamicMethod("phase", typeof(void), [.. parameters.Select(p => p.Type)], typeof(IlEmitter).Module, skipVisibility: true);
        var emitter = new IlEmitter(method.GetILGenerator(), single, parameters);
        emitter.FindReadElements(body);
        emitter.PinArrays();
        emitter.Statement(body);
        emitter._il.Emit(OpCodes.Ret);
        return (TDelegate)method.CreateDelegate(typeof(TDelegate));
    }

    /// <summary>
    /// Takes a reference to element 0 of each double[] parameter, so constant-index reads and writes need no
    /// bounds check. The simulator sizes these arrays from the same compiled model, so every index is in range.
    /// </summary>
    private void PinArrays()
    {
        for (var i = 0; i < _parameters.Count; i++)
        {
            if (_parameters[i].Type == typeof(double[]))
            {
                var local = _il.DeclareLocal(typeof(double).MakeByRefType());
                _il.Emit(OpCodes.Ldarg, (short)i);
                _il.Emit(OpCodes.Ldc_I4_0);
                _il.Emit(OpCodes.Ldelema, typeof(double));
                _il.Emit(OpCodes.Stloc, local);
                _elementZero[i] = local;
            }
        }
    }

    /// <summary>Every constant-index element the method reads; only those are worth holding in a local once written.</summary>
    private void FindReadElements(Expression body)
    {
        var pending = new Stack<Expression>();
        pending.Push(body);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node is BinaryExpression { NodeType: ExpressionType.ArrayIndex, Left: ParameterExpression array, Right: ConstantExpression { Value: int i } })
            {
                _readElements.Add((array, i));
            }
            else
            {
                PushChildren(node, pending);
            }
        }
    }

    /// <summary>Pushes the operands of a node of the kinds lowering produces, for the walks over a lowered tree.</summary>
    public static void PushChildren(Expression node, Stack<Expression> pending)
    {
        switch (node)
        {
            case BinaryExpression b:
                pending.Push(b.Left);
                pending.Push(b.Right);
                break;
            case UnaryExpression u:
                pending.Push(u.Operand);
                break;
            case ConditionalExpression c:
                pending.Push(c.Test);
                pending.Push(c.IfTrue);
                pending.Push(c.IfFalse);
                break;
            case BlockExpression block:
                foreach (var statement in block.Expressions)
                {
                    pending.Push(statement);
                }

                break;
            case MethodCallExpression call:
                foreach (var argument in call.Arguments)
                {
                    pending.Push(argument);
                }

                if (call.Object is not null)
                {
                    pending.Push(call.Object);
                }

                break;
            case IndexExpression index:
                pending.Push(index.Object!);
                foreach (var argument in index.Arguments)
                {
                    pending.Push(argument);
                }

                break;
            case MemberExpression { Expression: { } inner }:
                pending.Push(inner);
                break;
        }
    }

    private bool TryElementAddress(Expression array, Expression index)
    {
        if (array is ParameterExpression p && index is ConstantExpression { Value: int i } && _elementZero[IndexOf(p)] is { } local)
        {
            _il.Emit(OpCodes.Ldloc, local);
            if (i != 0)
            {
                _il.Emit(OpCodes.Ldc_I4, i * sizeof(double));
                _il.Emit(OpCodes.Add);
            }

            return true;
        }

        return false;
    }

    private void Statement(Expression e)
    {
        Value(e);
        if (e.Type != typeof(void))
        {
            _il.Emit(OpCodes.Pop);
        }
    }

    private void Value(Expression e)
    {
        switch (e)
        {
            case ConstantExpression c:
                Constant(c);
                break;
            case ParameterExpression p:
                _il.Emit(OpCodes.Ldarg, (short)IndexOf(p));
                break;
            case BlockExpression block:
                foreach (var statement in block.Expressions)
                {
                    Statement(statement);
                }

                break;
            case DefaultExpression:
                break;
            case BinaryExpression b:
                Binary(b);
                break;
            case UnaryExpression u:
                Unary(u);
                break;
            case ConditionalExpression c:
                Conditional(c);
                break;
            case MethodCallExpression call:
                if (call.Object is not null)
                {
                    Value(call.Object);
                }

                foreach (var argument in call.Arguments)
                {
                    Value(argument);
                }

                _il.Emit(call.Method.IsStatic ? OpCodes.Call : OpCodes.Callvirt, call.Method);
                if (call.Type == typeof(double))
                {
                    RoundToSingle();
                }

                break;
            case MemberExpression { Member: PropertyInfo property } member:
                Value(member.Expression!);
                _il.Emit(OpCodes.Call, property.GetMethod!);
                break;
            default:
                throw new NotSupportedException($"lowering produced a {e.NodeType} node, which the emitter does not handle");
        }
    }

    private int IndexOf(ParameterExpression parameter)
    {
        for (var i = 0; i < _parameters.Count; i++)
        {
            if (_parameters[i] == parameter)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"parameter {parameter.Name} is not one of the method's");
    }

    private void Constant(ConstantExpression c)
    {
        switch (c.Value)
        {
            case double d:
                _il.Emit(OpCodes.Ldc_R8, _single ? (double)(float)d : d);
                break;
            case int i:
                _il.Emit(OpCodes.Ldc_I4, i);
                break;
            case bool b:
                _il.Emit(b ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0);
                break;
            case string text:
                _il.Emit(OpCodes.Ldstr, text);
                break;
            default:
                throw new NotSupportedException($"constant of type {c.Type} cannot be emitted");
        }
    }

    private void Binary(BinaryExpression b)
    {
        switch (b.NodeType)
        {
            case ExpressionType.ArrayIndex:
                if (b.Left is ParameterExpression heldArray && b.Right is ConstantExpression { Value: int heldIndex } && _heldElements.TryGetValue((heldArray, heldIndex), out var held))
                {
                    _il.Emit(OpCodes.Ldloc, held);
                    return;
                }

                if (TryElementAddress(b.Left, b.Right))
                {
                    _il.Emit(OpCodes.Ldind_R8);
                    return;
                }

                Value(b.Left);
                Value(b.Right);
                LoadElement(b.Type);
                return;
            case ExpressionType.Assign when b.Left is IndexExpression { Object: { } array } index:
                if (array is ParameterExpression target && index.Arguments[0] is ConstantExpression { Value: int targetIndex })
                {
                    _heldElements.Remove((target, targetIndex));
                }

                if (TryElementAddress(array, index.Arguments[0]))
                {
                    Value(b.Right);
                    // An element written on every pass through the method and read later in it is kept in a local
                    // too: the JIT cannot forward the store through the array reference, but keeps a local in a register.
                    if (_conditionalDepth == 0 && array is ParameterExpression written && index.Arguments[0] is ConstantExpression { Value: int writtenIndex } &&
                        _readElements.Contains((written, writtenIndex)))
                    {
                        var local = _il.DeclareLocal(typeof(double));
                        _il.Emit(OpCodes.Dup);
                        _il.Emit(OpCodes.Stloc, local);
                        _heldElements[(written, writtenIndex)] = local;
                    }

                    _il.Emit(OpCodes.Stind_R8);
                }
                else
                {
                    Value(array);
                    Value(index.Arguments[0]);
                    Value(b.Right);
                    _il.Emit(OpCodes.Stelem_R8);
                }

                _il.Emit(OpCodes.Ldc_R8, 0.0);
                return;
            case ExpressionType.AndAlso or ExpressionType.OrElse:
                {
                    var shortCut = _il.DefineLabel();
                    var end = _il.DefineLabel();
                    Value(b.Left);
                    _il.Emit(b.NodeType == ExpressionType.AndAlso ? OpCodes.Brfalse : OpCodes.Brtrue, shortCut);
                    _conditionalDepth++;
                    Value(b.Right);
                    _conditionalDepth--;
                    _il.Emit(OpCodes.Br, end);
                    _il.MarkLabel(shortCut);
                    _il.Emit(b.NodeType == ExpressionType.AndAlso ? OpCodes.Ldc_I4_0 : OpCodes.Ldc_I4_1);
                    _il.MarkLabel(end);
                    return;
                }
        }

        Value(b.Left);
        Value(b.Right);
        switch (b.NodeType)
        {
            case ExpressionType.Add:
                _il.Emit(OpCodes.Add);
                RoundIfDouble(b.Type);
                break;
            case ExpressionType.Subtract:
                _il.Emit(OpCodes.Sub);
                RoundIfDouble(b.Type);
                break;
            case ExpressionType.Multiply:
                _il.Emit(OpCodes.Mul);
                RoundIfDouble(b.Type);
                break;
            case ExpressionType.Divide:
                _il.Emit(OpCodes.Div);
                RoundIfDouble(b.Type);
                break;
            case ExpressionType.Equal:
                _il.Emit(OpCodes.Ceq);
                break;
            case ExpressionType.NotEqual:
                _il.Emit(OpCodes.Ceq);
                _il.Emit(OpCodes.Ldc_I4_0);
                _il.Emit(OpCodes.Ceq);
                break;
            case ExpressionType.LessThan:
                _il.Emit(OpCodes.Clt);
                break;
            case ExpressionType.GreaterThan:
                _il.Emit(OpCodes.Cgt);
                break;
            case ExpressionType.LessThanOrEqual:
                // a <= b is "not (a > b or unordered)", so NaN compares false as in C#.
                _il.Emit(OpCodes.Cgt_Un);
                _il.Emit(OpCodes.Ldc_I4_0);
                _il.Emit(OpCodes.Ceq);
                break;
            case ExpressionType.GreaterThanOrEqual:
                _il.Emit(OpCodes.Clt_Un);
                _il.Emit(OpCodes.Ldc_I4_0);
                _il.Emit(OpCodes.Ceq);
                break;
            default:
                throw new NotSupportedException($"binary node {b.NodeType} cannot be emitted");
        }
    }

    private void RoundIfDouble(Type type)
    {
        if (type == typeof(double))
        {
            RoundToSingle();
        }
    }

    /// <summary>
    /// In single precision, rounds the double on the stack to the nearest float. For the sum, difference, product
    /// and quotient of two floats, rounding first to double (53 bits, at least 2·24 + 2) and then to float gives
    /// the same result as 32-bit arithmetic.
    /// </summary>
    private void RoundToSingle()
    {
        if (_single)
        {
            _il.Emit(OpCodes.Conv_R4);
            _il.Emit(OpCodes.Conv_R8);
        }
    }

    private void LoadElement(Type type)
    {
        if (type == typeof(double))
        {
            _il.Emit(OpCodes.Ldelem_R8);
        }
        else if (type == typeof(bool))
        {
            _il.Emit(OpCodes.Ldelem_U1);
        }
        else
        {
            _il.Emit(OpCodes.Ldelem_Ref);
        }
    }

    private void Unary(UnaryExpression u)
    {
        Value(u.Operand);
        switch (u.NodeType)
        {
            case ExpressionType.Negate:
                _il.Emit(OpCodes.Neg);
                break;
            case ExpressionType.Not:
                _il.Emit(OpCodes.Ldc_I4_0);
                _il.Emit(OpCodes.Ceq);
                break;
            case ExpressionType.Convert when u.Type == typeof(double):
                _il.Emit(OpCodes.Conv_R8);
                break;
            default:
                throw new NotSupportedException($"unary node {u.NodeType} cannot be emitted");
        }
    }

    private void Conditional(ConditionalExpression c)
    {
        var otherwise = _il.DefineLabel();
        var end = _il.DefineLabel();
        Value(c.Test);
        _il.Emit(OpCodes.Brfalse, otherwise);
        _conditionalDepth++;
        if (c.Type == typeof(void))
        {
            Statement(c.IfTrue);
        }
        else
        {
            Value(c.IfTrue);
        }

        _il.Emit(OpCodes.Br, end);
        _il.MarkLabel(otherwise);
        if (c.Type == typeof(void))
        {
            Statement(c.IfFalse);
        }
        else
        {
            Value(c.IfFalse);
        }

        _conditionalDepth--;
        _il.MarkLabel(end);
    }
}
