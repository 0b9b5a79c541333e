using System.Text;
using Grader.Contracts.V1;
using Grader.Core.Errors;
using Grader.Core.Submissions;
using Grader.Server.Auth;
using Grpc.Core;
using SubmissionRecord = Grader.Core.Submissions.Submission;

namespace Grader.Server.Api;

/// <summary>grader.v1.SubmissionService: translates to <see cref="Core.Submissions.SubmissionService"/>.</summary>
public sealed class SubmissionApi(Core.Submissions.SubmissionService submissions) : Contracts.V1.SubmissionService.SubmissionServiceBase
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public override async Task<CreateSubmissionResponse> CreateSubmission(CreateSubmissionRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (courseId, exerciseId) = ResourceNames.ParseExercise(request.Parent, "parent");
        var submission = request.Submission ?? new Contracts.V1.Submission();
        var learnerId = "";
        if (submission.Learner.Length > 0)
        {
            (var learnerCourse, learnerId) = ResourceNames.ParseLearner(submission.Learner, "submission.learner");
            if (learnerCourse != courseId)
                throw new InvalidArgumentException("submission.learner", $"the learner must be in the parent's course '{courseId}'");
        }

        var created = await submissions.CreateAsync(
            context.Principal(), courseId, exerciseId, learnerId, DecodeSources(submission.Sources),
            request.RequestId, submission.Profile, context.CancellationToken);
        return new CreateSubmissionResponse { Submission = ProtoMapper.ToMessage(created.Submission), Reused = created.Reused };
    }

    public override async Task<GetSubmissionResponse> GetSubmission(GetSubmissionRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var submission = await LoadAsync(request.Name, context);
        return new GetSubmissionResponse { Submission = ProtoMapper.ToMessage(submission) };
    }

    public override async Task<ListSubmissionsResponse> ListSubmissions(ListSubmissionsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (courseId, exerciseId) = ResourceNames.ParseExercise(request.Parent, "parent", allowWildcard: true);
        var page = await submissions.ListAsync(
            context.Principal(),
            new SubmissionQuery(courseId, exerciseId, null, request.Filter, request.PageSize, request.PageToken),
            context.CancellationToken);
        var response = new ListSubmissionsResponse { NextPageToken = page.NextPageToken };
        response.Submissions.AddRange(page.Submissions.Select(ProtoMapper.ToMessage));
        return response;
    }

    public override async Task<CancelSubmissionResponse> CancelSubmission(CancelSubmissionRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await LoadAsync(request.Name, context);
        var cancelled = await submissions.CancelAsync(context.Principal(), found.Id, context.CancellationToken);
        return new CancelSubmissionResponse { Submission = ProtoMapper.ToMessage(cancelled) };
    }

    /// <summary>
    /// The snapshot (with its latest stored progress), then each stored event after <c>after_sequence</c> as it
    /// happens, each with the submission as of that event; the terminal event carries the final submission with
    /// its result and XP.
    /// </summary>
    public override async Task WatchSubmission(WatchSubmissionRequest request, IServerStreamWriter<WatchSubmissionResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        if (request.AfterSequence < 0)
            throw new InvalidArgumentException("after_sequence", $"must be 0 or a sequence number; got {request.AfterSequence}");
        var actor = context.Principal();
        var token = context.CancellationToken;
        var loaded = await LoadAsync(request.Name, context);
        var snapshot = ProtoMapper.ToMessage(loaded);
        var history = await submissions.EventsAfterAsync(actor, loaded.Id, 0, token);
        if (history.Where(e => e.Sequence <= loaded.LastEventSequence).Select(ProtoMapper.ToProgress).LastOrDefault(p => p is not null) is { } latest)
            snapshot.Progress = latest;
        await responseStream.WriteAsync(new WatchSubmissionResponse { Submission = snapshot }, token);

        var asOf = snapshot.Clone();
        asOf.Result = null;
        asOf.XpAwarded = 0;
        asOf.UnlockedAchievements.Clear();
        asOf.Progress = null;
        await foreach (var e in submissions.WatchAsync(actor, loaded.Id, request.AfterSequence, token))
        {
            var message = ProtoMapper.ToMessage(e);
            if (e.Kind == SubmissionEventKind.StateChanged && e.State.IsTerminal())
            {
                var final = ProtoMapper.ToMessage(await submissions.GetAsync(actor, loaded.Id, token));
                final.Progress = asOf.Progress;
                await responseStream.WriteAsync(new WatchSubmissionResponse { Submission = final, Event = message }, token);
                return;
            }
            asOf = asOf.Clone();
            asOf.State = message.State;
            asOf.UpdateTime = message.CreateTime;
            if (message.Progress is not null) asOf.Progress = message.Progress;
            await responseStream.WriteAsync(new WatchSubmissionResponse { Submission = asOf, Event = message }, token);
        }
    }

    /// <summary>Loads by name; a name whose course or exercise is not the submission's is NOT_FOUND, like an unknown id.</summary>
    private async Task<SubmissionRecord> LoadAsync(string name, ServerCallContext context)
    {
        var (courseId, exerciseId, submissionId) = ResourceNames.ParseSubmission(name, "name");
        var submission = await submissions.GetAsync(context.Principal(), submissionId, context.CancellationToken);
        return submission.CourseId == courseId && submission.ExerciseId == exerciseId
            ? submission
            : throw new NotFoundException("submission", name);
    }

    /// <summary>Sources travel as bytes so that invalid UTF-8 is refused with its position instead of being silently replaced.</summary>
    private static List<SubmissionSource> DecodeSources(Google.Protobuf.Collections.RepeatedField<SourceFile> files)
    {
        var violations = new List<FieldViolation>();
        var sources = new List<SubmissionSource>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            try
            {
                sources.Add(new SubmissionSource(files[i].Path, StrictUtf8.GetString(files[i].Content.Span)));
            }
            catch (DecoderFallbackException ex)
            {
                violations.Add(new FieldViolation($"submission.sources[{i}].content", $"is not valid UTF-8 (first bad byte at offset {ex.Index})"));
            }
        }
        return violations.Count == 0 ? sources : throw new InvalidArgumentException(violations);
    }
}
