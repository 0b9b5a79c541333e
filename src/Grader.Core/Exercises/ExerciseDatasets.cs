namespace Grader.Core.Exercises;

/// <summary>
/// Dataset names an exercise file may use. Kept as a closed list so a typo such as <c>cifar-10</c>
/// is caught when the file loads rather than when a runner cannot find the data.
/// </summary>
public static class ExerciseDatasets
{
    /// <summary>The offline, generated dataset (32×32 RGB, 10 classes).</summary>
    public const string Synthetic = "synthetic";

    /// <summary>The real CIFAR-10 dataset.</summary>
    public const string Cifar10 = "cifar10";

    /// <summary>Every dataset name an exercise file may use.</summary>
    public static IReadOnlyList<string> Known { get; } = [Synthetic, Cifar10];

    /// <summary>Whether <paramref name="name"/> is a known dataset (exact, case-sensitive).</summary>
    public static bool IsKnown(string name) => Known.Contains(name, StringComparer.Ordinal);
}
