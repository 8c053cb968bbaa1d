namespace Movilidad.Dynamics.Analysis;

/// <summary>
/// Derivative-free minimisers over the unit cube [0, 1]^n (calibration maps each constant's range onto [0, 1]):
/// Nelder-Mead's simplex and Powell's conjugate directions with Brent's line search. Points outside the cube are
/// projected onto it before the function sees them.
/// </summary>
internal static class Optimizer
{
    /// <summary>Nelder and Mead (1965), standard coefficients, stopping when the simplex has shrunk below <paramref name="tolerance"/>.</summary>
    public static void NelderMead(Func<double[], double> f, double[] start, double tolerance, Func<bool> stop)
    {
        var n = start.Length;
        var points = new double[n + 1][];
        var values = new double[n + 1];
        points[0] = Project(start);
        values[0] = f(points[0]);
        for (var i = 0; i < n; i++)
        {
            var p = (double[])points[0].Clone();
            p[i] += p[i] <= 0.75 ? 0.2 : -0.2;
            points[i + 1] = p;
            values[i + 1] = f(p);
        }

        var centroid = new double[n];
        while (!stop())
        {
            var order = Enumerable.Range(0, n + 1).OrderBy(i => values[i]).ToArray();
            points = [.. order.Select(i => points[i])];
            values = [.. order.Select(i => values[i])];
            if (Size(points) < tolerance)
            {
                return;
            }

            Array.Clear(centroid);
            for (var i = 0; i < n; i++)
            {
                for (var k = 0; k < n; k++)
                {
                    centroid[k] += points[i][k] / n;
                }
            }

            var worst = points[n];
            var reflected = Project(Along(centroid, worst, -1));
            var fr = f(reflected);
            if (fr < values[0])
            {
                var expanded = Project(Along(centroid, worst, -2));
                var fe = f(expanded);
                (points[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[n - 1])
            {
                (points[n], values[n]) = (reflected, fr);
            }
            else
            {
                var outside = fr < values[n];
                var contracted = Project(Along(centroid, outside ? reflected : worst, 0.5));
                var fc = f(contracted);
                if (fc < (outside ? fr : values[n]))
                {
                    (points[n], values[n]) = (contracted, fc);
                }
                else
                {
                    for (var i = 1; i <= n && !stop(); i++)
                    {
                        points[i] = Along(points[0], points[i], 0.5);
                        values[i] = f(points[i]);
                    }
                }
            }
        }
    }

    /// <summary>Powell (1964): line searches along a set of directions, the net move of each sweep replacing the direction of largest decrease.</summary>
    public static void Powell(Func<double[], double> f, double[] start, double tolerance, Func<bool> stop)
    {
        var n = start.Length;
        var x = Project(start);
        var fx = f(x);
        var directions = new double[n][];
        for (var i = 0; i < n; i++)
        {
            directions[i] = new double[n];
            directions[i][i] = 1;
        }

        while (!stop())
        {
            var origin = (double[])x.Clone();
            var fOrigin = fx;
            var biggest = 0;
            var biggestDrop = 0.0;
            for (var i = 0; i < n && !stop(); i++)
            {
                var before = fx;
                (x, fx) = LineMinimum(f, x, fx, directions[i], tolerance, stop);
                if (before - fx > biggestDrop)
                {
                    (biggest, biggestDrop) = (i, before - fx);
                }
            }

            var move = new double[n];
            for (var k = 0; k < n; k++)
            {
                move[k] = x[k] - origin[k];
            }

            if (Norm(move) < tolerance || stop())
            {
                return;
            }

            var extrapolated = Project(Along(x, origin, -1));
            var fe = f(extrapolated);
            if (fe < fOrigin && 2 * (fOrigin - (2 * fx) + fe) * Square(fOrigin - fx - biggestDrop) < biggestDrop * Square(fOrigin - fe))
            {
                (x, fx) = LineMinimum(f, x, fx, move, tolerance, stop);
                directions[biggest] = directions[n - 1];
                directions[n - 1] = move;
            }
        }
    }

    /// <summary>Brent's minimisation of f(x + t d) over the t keeping x + t d inside the cube.</summary>
    private static (double[] Point, double Value) LineMinimum(Func<double[], double> f, double[] x, double fx, double[] d, double tolerance, Func<bool> stop)
    {
        var (low, high) = (double.NegativeInfinity, double.PositiveInfinity);
        for (var k = 0; k < d.Length; k++)
        {
            if (d[k] > 0)
            {
                low = Math.Max(low, -x[k] / d[k]);
                high = Math.Min(high, (1 - x[k]) / d[k]);
            }
            else if (d[k] < 0)
            {
                low = Math.Max(low, (1 - x[k]) / d[k]);
                high = Math.Min(high, -x[k] / d[k]);
            }
        }

        if (!(high > low))
        {
            return (x, fx);
        }

        var point = new double[x.Length];
        double At(double t)
        {
            for (var k = 0; k < x.Length; k++)
            {
                point[k] = x[k] + (t * d[k]);
            }

            return f(Project(point));
        }

        const double Golden = 0.3819660112501051;
        var (a, b) = (low, high);
        var (v, w, u) = (0.0, 0.0, 0.0);
        var best = 0.0;
        var (fBest, fv, fw) = (fx, fx, fx);
        double e = 0, step = 0;
        var scale = tolerance / Math.Max(Norm(d), 1e-300);
        while (!stop())
        {
            var middle = (a + b) / 2;
            var tol1 = (1e-10 * Math.Abs(best)) + scale;
            if (Math.Abs(best - middle) <= (2 * tol1) - ((b - a) / 2))
            {
                break;
            }

            var parabolic = false;
            if (Math.Abs(e) > tol1)
            {
                var r = (best - w) * (fBest - fv);
                var q = (best - v) * (fBest - fw);
                var p = ((best - v) * q) - ((best - w) * r);
                q = 2 * (q - r);
                if (q > 0)
                {
                    p = -p;
                }

                q = Math.Abs(q);
                if (Math.Abs(p) < Math.Abs(q * e / 2) && p > q * (a - best) && p < q * (b - best))
                {
                    e = step;
                    step = p / q;
                    u = best + step;
                    if (u - a < 2 * tol1 || b - u < 2 * tol1)
                    {
                        step = best < middle ? tol1 : -tol1;
                    }

                    parabolic = true;
                }
            }

            if (!parabolic)
            {
                e = best < middle ? b - best : a - best;
                step = Golden * e;
            }

            u = best + (Math.Abs(step) >= tol1 ? step : Math.Sign(step) * tol1);
            var fu = At(u);
            if (fu <= fBest)
            {
                if (u < best)
                {
                    b = best;
                }
                else
                {
                    a = best;
                }

                (v, fv, w, fw, best, fBest) = (w, fw, best, fBest, u, fu);
            }
            else
            {
                if (u < best)
                {
                    a = u;
                }
                else
                {
                    b = u;
                }

                if (fu <= fw || w == best)
                {
                    (v, fv, w, fw) = (w, fw, u, fu);
                }
                else if (fu <= fv || v == best || v == w)
                {
                    (v, fv) = (u, fu);
                }
            }
        }

        var result = new double[x.Length];
        for (var k = 0; k < x.Length; k++)
        {
            result[k] = x[k] + (best * d[k]);
        }

        return (Project(result), fBest);
    }

    /// <summary>The point <paramref name="from"/> + <paramref name="t"/> (<paramref name="to"/> − <paramref name="from"/>).</summary>
    private static double[] Along(double[] from, double[] to, double t)
    {
        var result = new double[from.Length];
        for (var k = 0; k < from.Length; k++)
        {
            result[k] = from[k] + (t * (to[k] - from[k]));
        }

        return result;
    }

    private static double[] Project(double[] x)
    {
        for (var k = 0; k < x.Length; k++)
        {
            x[k] = Math.Clamp(x[k], 0, 1);
        }

        return x;
    }

    private static double Size(double[][] points)
    {
        var size = 0.0;
        for (var i = 1; i < points.Length; i++)
        {
            for (var k = 0; k < points[0].Length; k++)
            {
                size = Math.Max(size, Math.Abs(points[i][k] - points[0][k]));
            }
        }

        return size;
    }

    private static double Norm(double[] x) => Math.Sqrt(x.Sum(v => v * v));

    private static double Square(double x) => x * x;
}
