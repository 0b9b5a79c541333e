namespace Grader.Core.Submissions;

/// <summary>A training curve, e.g. <c>cnn.test_accuracy</c> per epoch.</summary>
/// <param name="Name">Curve name.</param>
/// <param name="Values">One value per epoch.</param>
public sealed record ResultCurve(string Name, IReadOnlyList<double> Values);
