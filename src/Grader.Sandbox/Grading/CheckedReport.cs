namespace Grader.Sandbox.Grading;

/// <summary>A run's report after the host checked it: the measurements to judge (test accuracies computed here) and the curves.</summary>
internal sealed record CheckedReport(IReadOnlyDictionary<string, double> Measurements, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> Curves);
