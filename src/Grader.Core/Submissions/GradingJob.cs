using Grader.Core.Exercises;

namespace Grader.Core.Submissions;

/// <summary>What the grading engine needs to grade one submission.</summary>
/// <param name="Submission">The submission (its profile, dataset and seed say how to run it).</param>
/// <param name="Exercise">The exercise that judges it.</param>
/// <param name="Sources">Its files.</param>
public sealed record GradingJob(Submission Submission, ExerciseDefinition Exercise, IReadOnlyList<SubmissionSource> Sources);
