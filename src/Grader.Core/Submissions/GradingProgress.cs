namespace Grader.Core.Submissions;

/// <summary>A progress report from the grading engine.</summary>
/// <param name="Stage">What happened.</param>
/// <param name="Message">Human text.</param>
/// <param name="Fraction">Overall training progress 0..1 when known.</param>
/// <param name="Epoch">The finished epoch, for <see cref="GradingStage.EpochCompleted"/>.</param>
public sealed record GradingProgress(GradingStage Stage, string Message, double? Fraction = null, EpochProgress? Epoch = null);
