using Google.Protobuf.WellKnownTypes;
using Grader.Contracts.V1;
using Grader.Core.Courses;
using Grader.Core.Exercises;
using Grader.Core.Progress;
using Grader.Core.Rubrics;
using Grader.Core.Submissions;
using Grader.Sandbox.Grading;
using CourseRecord = Grader.Core.Courses.Course;
using ProgressRecord = Grader.Core.Progress.LearnerProgress;
using SubmissionEventRecord = Grader.Core.Submissions.SubmissionEvent;
using SubmissionRecord = Grader.Core.Submissions.Submission;
using SubmissionStateRecord = Grader.Core.Submissions.SubmissionState;

namespace Grader.Server.Api;

/// <summary>Domain records → API messages. Pure translation: every decision was made by the use case.</summary>
public static class ProtoMapper
{
    public static Contracts.V1.Course ToMessage(CourseRecord course)
    {
        ArgumentNullException.ThrowIfNull(course);
        return new Contracts.V1.Course { Name = ResourceNames.Course(course.Id), Title = course.Title, CreateTime = Timestamp.FromDateTimeOffset(course.CreatedAt) };
    }

    public static Exercise ToMessage(string courseId, ExerciseDefinition exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var message = new Exercise
        {
            Name = ResourceNames.Exercise(courseId, exercise.Id),
            Title = exercise.Title,
            Lesson = exercise.Lesson,
            Version = exercise.Version,
            Xp = exercise.Xp,
        };
        message.Profiles.AddRange(exercise.Profiles.Keys.Order(StringComparer.Ordinal));
        message.Criteria.AddRange(exercise.Criteria
            .Where(c => c.Visibility != CriterionVisibility.Hidden)
            .Select(c => new CriterionSummary { Id = c.Id, Title = c.Title, Points = c.Points }));
        if (exercise.SubmissionLimits is { } limits)
        {
            message.SubmissionLimits = new Contracts.V1.SubmissionLimits
            {
                Count = limits.Count,
                Window = Duration.FromTimeSpan(limits.Window),
                Cooldown = Duration.FromTimeSpan(limits.Cooldown),
            };
        }
        return message;
    }

    public static Contracts.V1.Submission ToMessage(SubmissionRecord submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var message = new Contracts.V1.Submission
        {
            Name = ResourceNames.Submission(submission.CourseId, submission.ExerciseId, submission.Id),
            Exercise = ResourceNames.Exercise(submission.CourseId, submission.ExerciseId),
            Learner = ResourceNames.Learner(submission.CourseId, submission.LearnerId),
            Profile = submission.Profile,
            State = ToMessage(submission.State),
            ExerciseVersion = submission.ExerciseVersion,
            SourceSha256 = submission.SourceHash,
            XpAwarded = submission.XpAwarded,
            CreateTime = Timestamp.FromDateTimeOffset(submission.CreatedAt),
            UpdateTime = Timestamp.FromDateTimeOffset(submission.UpdatedAt),
        };
        message.UnlockedAchievements.AddRange(submission.UnlockedAchievements.Select(a => ResourceNames.Achievement(submission.CourseId, a)));
        if (submission.Result is { } result) message.Result = ToMessage(submission, result);
        return message;
    }

    public static Contracts.V1.SubmissionEvent ToMessage(SubmissionEventRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var message = new Contracts.V1.SubmissionEvent
        {
            Sequence = e.Sequence,
            CreateTime = Timestamp.FromDateTimeOffset(e.Time),
            State = ToMessage(e.State),
            Message = e.Message,
        };
        if (ToProgress(e) is { } progress) message.Progress = progress;
        return message;
    }

    /// <summary>The progress an event reports; null for a plain state change.</summary>
    public static SubmissionProgress? ToProgress(SubmissionEventRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Kind != SubmissionEventKind.Progress || (e.Epoch is null && e.Fraction is null)) return null;
        var progress = new SubmissionProgress { Fraction = e.Fraction ?? 0 };
        if (e.Epoch is { } epoch)
        {
            progress.Model = epoch.Model;
            progress.Epoch = epoch.Epoch;
            progress.Epochs = epoch.Epochs;
            progress.TrainLoss = epoch.TrainLoss;
            progress.TrainAccuracy = epoch.TrainAccuracy;
            progress.TestAccuracy = epoch.TestAccuracy;
        }
        return progress;
    }

    public static Contracts.V1.SubmissionState ToMessage(SubmissionStateRecord state) => state switch
    {
        SubmissionStateRecord.Queued => Contracts.V1.SubmissionState.Queued,
        SubmissionStateRecord.Compiling => Contracts.V1.SubmissionState.Compiling,
        SubmissionStateRecord.Training => Contracts.V1.SubmissionState.Training,
        SubmissionStateRecord.Evaluating => Contracts.V1.SubmissionState.Evaluating,
        SubmissionStateRecord.Succeeded => Contracts.V1.SubmissionState.Succeeded,
        SubmissionStateRecord.Failed => Contracts.V1.SubmissionState.Failed,
        SubmissionStateRecord.Error => Contracts.V1.SubmissionState.Error,
        SubmissionStateRecord.Cancelled => Contracts.V1.SubmissionState.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "unknown submission state"),
    };

    public static Contracts.V1.LearnerProgress ToMessage(ProgressRecord progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var message = new Contracts.V1.LearnerProgress
        {
            Name = ResourceNames.Progress(progress.CourseId, progress.LearnerId),
            Xp = progress.Xp,
            Level = progress.Level,
            LevelTitle = progress.LevelTitle,
            XpIntoLevel = progress.XpIntoLevel,
            XpForNextLevel = progress.XpForNextLevel,
            StreakDays = progress.Streak,
        };
        message.Achievements.AddRange(progress.Achievements.Select(a => new Contracts.V1.UnlockedAchievement
        {
            Achievement = ResourceNames.Achievement(progress.CourseId, a.Achievement.Id),
            Title = a.Achievement.Title,
            Description = a.Achievement.Description,
            UnlockTime = Timestamp.FromDateTimeOffset(a.UnlockedAt),
            Submission = a.SubmissionId,
        }));
        message.Grades.AddRange(progress.Grades.Select(g => new Contracts.V1.ExerciseGrade
        {
            Exercise = ResourceNames.Exercise(g.CourseId, g.ExerciseId),
            BestScore = g.BestScore,
            MaxScore = g.MaxScore,
            Passed = g.Passed,
            BestSubmission = g.BestSubmissionId,
            UpdateTime = Timestamp.FromDateTimeOffset(g.UpdatedAt),
        }));
        return message;
    }

    public static Achievement ToMessage(string courseId, AchievementView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var message = new Achievement
        {
            Name = ResourceNames.Achievement(courseId, view.Id),
            Title = view.Title,
            Description = view.Description,
            Hidden = view.Hidden,
            Unlocked = view.UnlockedAt is not null,
        };
        if (view.UnlockedAt is { } at) message.UnlockTime = Timestamp.FromDateTimeOffset(at);
        return message;
    }

    private static GradingResult ToMessage(SubmissionRecord submission, SubmissionResult result)
    {
        var message = new GradingResult
        {
            State = result.State switch
            {
                SubmissionStateRecord.Succeeded => GradingState.Succeeded,
                SubmissionStateRecord.Failed => GradingState.Failed,
                _ => GradingState.Error,
            },
            Reason = result.Reason,
            Summary = result.Summary,
            Score = result.Score,
            MaxScore = result.MaxScore,
            Dataset = result.Dataset,
            Profile = submission.Profile,
            Exercise = submission.ExerciseId,
            Seed = submission.Seed,
            Device = result.Device,
            Logs = result.Logs,
            ElapsedSeconds = result.ElapsedSeconds,
        };
        message.Criteria.AddRange(result.Criteria.Select(c => c.ToMessage()));
        foreach (var (name, value) in result.Measurements) message.Measurements[name] = value;
        message.Curves.AddRange(result.Curves.Select(c =>
        {
            var curve = new Curve { Name = c.Name };
            curve.Values.AddRange(c.Values);
            return curve;
        }));
        message.Diagnostics.AddRange(result.Diagnostics.Select(d => new Diagnostic
        {
            Severity = d.Severity,
            Id = d.Id,
            Message = d.Message,
            File = d.File,
            Line = d.Line,
            Column = d.Column,
        }));
        return message;
    }
}
