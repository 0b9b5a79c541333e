using System.Globalization;

namespace Grader.Core.Rubrics;

/// <summary>Formats measured values and thresholds for feedback text, the same way everywhere.</summary>
public static class MeasurementFormat
{
    /// <summary>
    /// At most four significant digits (0.4213, 1.113, 0.1), and whole numbers from 1000 up as integers
    /// (a parameter count of 98,762 reads 98762, not 9.876E+04). Invariant culture.
    /// </summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "infinity" : "-infinity";
        }

        if (Math.Abs(value) >= 1000)
        {
            return Math.Round(value, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);
        }

        var rounded = double.Parse(value.ToString("G4", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return rounded.ToString("0.##########", CultureInfo.InvariantCulture);
    }
}
