using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Movilidad.Dynamics.Builtins;

namespace Movilidad.Dynamics.Integrators;

/// <summary>
/// Advances the stocks one step. On entry the auxiliaries and rates have been evaluated at the current time;
/// the rates are in <c>k1</c>. Buffers are allocated once per run. The loops index the state through references
/// without bounds checks: the compiler gives stock slots below the state's length and one rate per stock.
/// </summary>
internal sealed class Integrator
{
    private readonly IntegrationMethod _method;
    private readonly int[] _stocks;
    private readonly int[] _nonNegative;
    private readonly Action<double[], double[], RunContext> _evaluate;
    private readonly double[] _y0;
    private readonly double[] _k2;
    private readonly double[] _k3;
    private readonly double[] _k4;
    private readonly bool _single;

    public Integrator(IntegrationMethod method, int[] stocks, bool[] nonNegative, Action<double[], double[], RunContext> evaluate, bool single = false)
    {
        _method = method;
        _single = single;
        _stocks = stocks;
        _nonNegative = [.. stocks.Where((_, i) => nonNegative[i])];
        _evaluate = evaluate;
        var n = Math.Max(1, stocks.Length);
        _y0 = new double[n];
        _k2 = new double[n];
        _k3 = new double[n];
        _k4 = new double[n];
    }

    public IntegrationMethod Method => _method;

    public void Step(double[] s, double[] k1, RunContext context, double time, double dt)
    {
        switch (_method)
        {
            case IntegrationMethod.RungeKutta2:
                RungeKutta2(s, k1, context, time, dt);
                break;
            case IntegrationMethod.RungeKutta4:
                RungeKutta4(s, k1, context, time, dt);
                break;
            default:
                if (_single)
                {
                    SingleEuler(s, k1, dt);
                }
                else
                {
                    Euler(s, k1, dt);
                }

                break;
        }

        if (_single && _method != IntegrationMethod.Euler)
        {
            foreach (var slot in _stocks)
            {
                s[slot] = (float)s[slot];
            }
        }

        ClampNonNegative(s);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Euler(double[] s, double[] k1, double dt)
    {
        ref var state = ref MemoryMarshal.GetArrayDataReference(s);
        ref var rate = ref MemoryMarshal.GetArrayDataReference(k1);
        var stocks = _stocks;
        for (var i = 0; i < stocks.Length; i++)
        {
            Unsafe.Add(ref state, stocks[i]) += dt * Unsafe.Add(ref rate, i);
        }
    }

    /// <summary>Euler in 32-bit floats: the step (dt times the rate) and the new stock are each rounded.</summary>
    private void SingleEuler(double[] s, double[] k1, double dt)
    {
        var stocks = _stocks;
        for (var i = 0; i < stocks.Length; i++)
        {
            s[stocks[i]] = (float)(s[stocks[i]] + (float)(dt * k1[i]));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RungeKutta2(double[] s, double[] k1, RunContext context, double time, double dt)
    {
        var stocks = _stocks;
        for (var i = 0; i < stocks.Length; i++)
        {
            _y0[i] = s[stocks[i]];
            s[stocks[i]] = _y0[i] + (dt * k1[i]);
        }

        s[0] = time + dt;
        _evaluate(s, _k2, context);
        for (var i = 0; i < stocks.Length; i++)
        {
            s[stocks[i]] = _y0[i] + (dt * 0.5 * (k1[i] + _k2[i]));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RungeKutta4(double[] s, double[] k1, RunContext context, double time, double dt)
    {
        var stocks = _stocks;
        var half = dt * 0.5;
        for (var i = 0; i < stocks.Length; i++)
        {
            _y0[i] = s[stocks[i]];
            s[stocks[i]] = _y0[i] + (half * k1[i]);
        }

        s[0] = time + half;
        _evaluate(s, _k2, context);
        for (var i = 0; i < stocks.Length; i++)
        {
            s[stocks[i]] = _y0[i] + (half * _k2[i]);
        }

        _evaluate(s, _k3, context);
        for (var i = 0; i < stocks.Length; i++)
        {
            s[stocks[i]] = _y0[i] + (dt * _k3[i]);
        }

        s[0] = time + dt;
        _evaluate(s, _k4, context);
        var sixth = dt / 6.0;
        for (var i = 0; i < stocks.Length; i++)
        {
            s[stocks[i]] = _y0[i] + (sixth * (k1[i] + (2 * _k2[i]) + (2 * _k3[i]) + _k4[i]));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ClampNonNegative(double[] s)
    {
        foreach (var slot in _nonNegative)
        {
            if (s[slot] < 0)
            {
                s[slot] = 0;
            }
        }
    }
}
