namespace Grader.Sandbox.Compilation.Policy;

/// <summary>Why something is rejected: a stable diagnostic id and the reason shown to the learner.</summary>
internal sealed record PolicyRule(string Id, string Reason);
