namespace Grader.Core.Progress;

/// <summary>One XP ledger entry.</summary>
/// <param name="Key">Unique key, e.g. <c>improvement:{course}:{learner}:{exercise}:{submission}</c> or <c>first-pass:{course}:{learner}:{exercise}</c>.</param>
/// <param name="Amount">XP, positive.</param>
/// <param name="Reason">Human text, e.g. "best score on mlp-vs-cnn rose from 60 to 100".</param>
public sealed record XpAward(string Key, int Amount, string Reason);
