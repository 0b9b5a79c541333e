namespace Grader.Core.Submissions;

/// <summary>Port: persistence of submissions, their events and results (implemented in Grader.Data).</summary>
public interface ISubmissionStore
{
    /// <summary>The submission with its result, or null.</summary>
    Task<Submission?> GetAsync(string submissionId, CancellationToken cancellationToken);

    /// <summary>The learner's submission created with <paramref name="requestId"/>, or null.</summary>
    Task<Submission?> FindByRequestIdAsync(string courseId, string learnerId, string requestId, CancellationToken cancellationToken);

    /// <summary>
    /// The learner's newest submission of the same sources for the same exercise version and profile that did not
    /// end in ERROR or CANCELLED, or null.
    /// </summary>
    Task<Submission?> FindReusableAsync(
        string courseId, string learnerId, string exerciseId, int exerciseVersion, string profile, string sourceHash, CancellationToken cancellationToken);

    /// <summary>Creation times (newest first) of the learner's submissions to the exercise since <paramref name="since"/> that count against limits (not ERROR).</summary>
    Task<IReadOnlyList<DateTimeOffset>> CountedSubmissionTimesAsync(
        string courseId, string learnerId, string exerciseId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Inserts everything in <paramref name="submission"/> in one transaction; false (nothing written) when the learner already used its request id.</summary>
    Task<bool> InsertAsync(NewSubmission submission, CancellationToken cancellationToken);

    /// <summary>The submission's files in the order submitted.</summary>
    Task<IReadOnlyList<SubmissionSource>> GetSourcesAsync(string submissionId, CancellationToken cancellationToken);

    /// <summary>A page of submissions, newest first.</summary>
    Task<IReadOnlyList<Submission>> ListAsync(SubmissionListing listing, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the submission to <paramref name="target"/> and appends a state event, only if its current state is in
    /// <paramref name="from"/>; returns the event, or null when the state was not in <paramref name="from"/>
    /// (e.g. cancelled meanwhile). <paramref name="startsAttempt"/> increments the attempt counter.
    /// </summary>
    Task<SubmissionEvent?> TransitionAsync(
        string submissionId,
        IReadOnlyCollection<SubmissionState> from,
        SubmissionState target,
        string message,
        DateTimeOffset at,
        bool startsAttempt,
        CancellationToken cancellationToken);

    /// <summary>Appends a progress event while the submission is in <paramref name="state"/>; null when it no longer is.</summary>
    Task<SubmissionEvent?> AppendProgressAsync(
        string submissionId,
        SubmissionState state,
        string message,
        double? fraction,
        EpochProgress? epoch,
        DateTimeOffset at,
        CancellationToken cancellationToken);

    /// <summary>Events with sequence greater than <paramref name="afterSequence"/>, in order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<SubmissionEvent>> EventsAfterAsync(string submissionId, long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// In ONE transaction: if the submission is still running (COMPILING, TRAINING or EVALUATING), reads the
    /// learner's <see cref="AwardContext"/>, calls <paramref name="decide"/> (pure), and writes the result,
    /// measurements, terminal state + event, grade, XP ledger entries and achievements. Returns the completed
    /// submission, or null when it was not running (already terminal or cancelled): then nothing is written,
    /// which is what makes a second completion of the same submission change nothing.
    /// </summary>
    Task<Submission?> CompleteAsync(
        string submissionId,
        SubmissionResult result,
        Func<AwardContext, AwardDecision> decide,
        DateTimeOffset at,
        CancellationToken cancellationToken);
}
