namespace Grader.Core.Submissions;

/// <summary>What a progress report from the grading engine announces.</summary>
public enum GradingStage
{
    /// <summary>Compilation succeeded and the sandboxed runner started training (state TRAINING).</summary>
    TrainingStarted,

    /// <summary>An epoch of one model finished (progress within TRAINING).</summary>
    EpochCompleted,

    /// <summary>Training finished; the rubric judges the measurements (state EVALUATING).</summary>
    Evaluating,
}
