using System.Globalization;

namespace Grader.Core.Rubrics;

/// <summary>
/// A criterion's threshold: one value for every dataset, or one value per dataset (a harder dataset
/// may need a different bar).
/// </summary>
public sealed record CriterionThreshold
{
    private CriterionThreshold(double? value, IReadOnlyDictionary<string, double> perDataset)
    {
        Value = value;
        PerDataset = perDataset;
    }

    /// <summary>The value for every dataset, or null when the threshold is per dataset.</summary>
    public double? Value { get; }

    /// <summary>Values by dataset name; empty when <see cref="Value"/> applies to all.</summary>
    public IReadOnlyDictionary<string, double> PerDataset { get; }

    /// <summary>One threshold for every dataset.</summary>
    public static CriterionThreshold ForAll(double value) =>
        new(value, new Dictionary<string, double>(StringComparer.Ordinal));

    /// <summary>A threshold per dataset; at least one entry.</summary>
    public static CriterionThreshold ByDataset(IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("A per-dataset threshold needs at least one dataset.", nameof(values));
        }

        return new(null, new Dictionary<string, double>(values, StringComparer.Ordinal).AsReadOnly());
    }

    /// <summary>The threshold that applies to <paramref name="dataset"/>, if any.</summary>
    public bool TryGetFor(string dataset, out double value)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (Value is { } single)
        {
            value = single;
            return true;
        }

        if (PerDataset.TryGetValue(dataset, out var specific))
        {
            value = specific;
            return true;
        }

        value = double.NaN;
        return false;
    }

    public override string ToString() => Value is { } single
        ? single.ToString("R", CultureInfo.InvariantCulture)
        : string.Join(", ", PerDataset.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}: {p.Value:R}")));
}
