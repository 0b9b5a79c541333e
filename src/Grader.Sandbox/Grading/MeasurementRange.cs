namespace Grader.Sandbox.Grading;

/// <summary>The values a reported measurement may take: finite, within [<paramref name="Min"/>, <paramref name="Max"/>], whole if <paramref name="Integral"/>.</summary>
public sealed record MeasurementRange(double Min, double Max, bool Integral = false)
{
    public bool Contains(double value) =>
        double.IsFinite(value) && value >= Min && value <= Max && (!Integral || Math.Floor(value) == value);

    public override string ToString() => Integral ? $"a whole number in [{Min}, {Max}]" : $"a finite number in [{Min}, {Max}]";
}
