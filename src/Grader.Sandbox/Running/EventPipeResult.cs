using Grader.Contracts.Runner.V1;

namespace Grader.Sandbox.Running;

/// <summary>What the host read from the event pipe.</summary>
/// <param name="Final">The RunCompleted or RunFailed event, if one came.</param>
/// <param name="Violation">Why the stream broke the protocol, if it did.</param>
/// <param name="EndedMidMessage">The writer went away in the middle of a message.</param>
internal sealed record EventPipeResult(RunnerEvent? Final, string? Violation, bool EndedMidMessage);
