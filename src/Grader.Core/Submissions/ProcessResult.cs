namespace Grader.Core.Submissions;

/// <summary>The outcome of one run of the grading job.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Submission">The submission as it ended up; null for <see cref="ProcessOutcome.NotFound"/>.</param>
/// <param name="Attempt">Which attempt this run was (1 normally; more after a crash or retry); 0 when it did not start one.</param>
/// <param name="Fault">The platform fault's exception, for <see cref="ProcessOutcome.PlatformError"/> raised by the engine.</param>
public sealed record ProcessResult(ProcessOutcome Outcome, Submission? Submission, int Attempt, Exception? Fault = null);
