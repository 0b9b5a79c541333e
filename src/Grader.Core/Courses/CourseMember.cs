namespace Grader.Core.Courses;

/// <summary>A learner enrolled in a course (an LMS key may act only for members of its course).</summary>
/// <param name="CourseId">The course.</param>
/// <param name="LearnerId">The learner's id, unique within the course.</param>
/// <param name="DisplayName">Name to show; may be empty.</param>
/// <param name="JoinedAt">When the learner was added (UTC).</param>
public sealed record CourseMember(string CourseId, string LearnerId, string DisplayName, DateTimeOffset JoinedAt);
