namespace Grader.Core.Submissions;

/// <summary>Classifications of <see cref="SubmissionState"/> the use cases and stores share.</summary>
public static class SubmissionStateExtensions
{
    /// <summary>SUCCEEDED, FAILED, ERROR or CANCELLED: the state never changes again.</summary>
    public static bool IsTerminal(this SubmissionState state) => state >= SubmissionState.Succeeded;

    /// <summary>COMPILING, TRAINING or EVALUATING: a worker holds it (or held it before a crash).</summary>
    public static bool IsRunning(this SubmissionState state) =>
        state is SubmissionState.Compiling or SubmissionState.Training or SubmissionState.Evaluating;

    /// <summary>SUCCEEDED or FAILED: a verdict on the learner's code, which counts for XP and achievements.</summary>
    public static bool IsGraded(this SubmissionState state) =>
        state is SubmissionState.Succeeded or SubmissionState.Failed;

    /// <summary>Whether the submission counts against submission limits: everything but a platform ERROR.</summary>
    public static bool CountsAgainstLimits(this SubmissionState state) => state != SubmissionState.Error;

    /// <summary>Upper-case name as the API and the database spell it, e.g. <c>SUCCEEDED</c>.</summary>
    public static string ToName(this SubmissionState state) => state.ToString().ToUpperInvariant();

    /// <summary>Parses <see cref="ToName"/>'s spelling (any case); false for anything else.</summary>
    public static bool TryParseName(string? name, out SubmissionState state)
    {
        state = default;
        return name is not null
            && !int.TryParse(name, out _)
            && Enum.TryParse(name, ignoreCase: true, out state)
            && Enum.IsDefined(state);
    }
}
