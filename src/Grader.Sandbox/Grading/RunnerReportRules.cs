using Grader.Contracts.Runner.V1;

namespace Grader.Sandbox.Grading;

/// <summary>
/// What the host believes an exercise grader may report, kept on the host side because the runner is not trusted
/// to say it: the models it trains (in order), the measurements it may send with their plausible ranges, and the
/// reasons it may give for a failed run. Test accuracies are not among the measurements: the host computes them.
/// </summary>
/// <param name="Grader">The grader id exercise files name.</param>
/// <param name="Models">Model names, in the order the grader trains them.</param>
/// <param name="Measurements">Per-model measurement suffixes (the runner sends "mlp.parameters") and their ranges.</param>
/// <param name="FailureReasons">Reasons a RunFailed may carry (the protocol's <see cref="LearnerReasons"/>).</param>
public sealed record RunnerReportRules(
    string Grader,
    IReadOnlyList<string> Models,
    IReadOnlyDictionary<string, MeasurementRange> Measurements,
    IReadOnlySet<string> FailureReasons)
{
    /// <summary>The longest RunFailed message passed on to the learner; the rest is cut.</summary>
    public const int MaxFailureMessageLength = 2000;

    /// <summary>Lesson 01: an MLP and a CNN (graders/Cifar10.MlpVsCnn).</summary>
    public static RunnerReportRules MlpVsCnn { get; } = new(
        "cifar10-mlp-vs-cnn",
        ["mlp", "cnn"],
        new Dictionary<string, MeasurementRange>(StringComparer.Ordinal)
        {
            // A billion float32 parameters would need 4 GB before any training; no run here can hold that.
            ["parameters"] = new(1, 1e9, Integral: true),
            ["conv_layers"] = new(0, 1e5, Integral: true),
            ["train_accuracy"] = new(0, 1),
            ["seconds"] = new(0, 1e6),
            ["images_per_second"] = new(0, 1e12),
        },
        LearnerReasons.All);

    private static readonly Dictionary<string, RunnerReportRules> Known = new(StringComparer.Ordinal)
    {
        [MlpVsCnn.Grader] = MlpVsCnn,
    };

    /// <summary>The rules for <paramref name="grader"/>; false for a grader this host does not know.</summary>
    public static bool TryGet(string grader, out RunnerReportRules rules) => Known.TryGetValue(grader, out rules!);
}
