namespace Grader.Core.Submissions;

/// <summary>One stored event of a submission; Watch replays them in <see cref="Sequence"/> order.</summary>
/// <param name="SubmissionId">The submission.</param>
/// <param name="Sequence">1, 2, 3, … per submission, without gaps.</param>
/// <param name="Time">When it happened (UTC).</param>
/// <param name="Kind">State change or progress.</param>
/// <param name="State">The submission's state after this event.</param>
/// <param name="Message">Human text, e.g. "training started on cpu (synthetic, 6000 images)".</param>
/// <param name="Fraction">Overall progress 0..1 when known (training epochs done / total); null otherwise.</param>
/// <param name="Epoch">The epoch that finished, for progress events from training.</param>
public sealed record SubmissionEvent(
    string SubmissionId,
    long Sequence,
    DateTimeOffset Time,
    SubmissionEventKind Kind,
    SubmissionState State,
    string Message,
    double? Fraction,
    EpochProgress? Epoch);
