using Grader.Core.Access;
using Grader.Core.Errors;
using Grader.Core.Exercises;

namespace Grader.Core.Courses;

/// <summary>
/// Courses and their members (stored) and the exercises they offer (from content: every course offers the
/// content tree's exercises).
/// </summary>
public sealed class CourseService(ICourseStore courses, CourseContent content, TimeProvider time)
{
    /// <summary>Creates the course, or returns the existing one with that id (so set-up scripts can rerun). Admin only.</summary>
    /// <exception cref="InvalidArgumentException">Bad id, or an empty/over-long title.</exception>
    public async Task<Course> CreateCourseAsync(Principal actor, string courseId, string title, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var violations = new List<FieldViolation>();
        if (!ResourceIds.IsValidCourseId(courseId))
        {
            violations.Add(new FieldViolation("course_id", $"'{courseId}' is not a valid course id (lower-case letters, digits and '-', at most 63)"));
        }

        if (string.IsNullOrWhiteSpace(title) || title.Length > 200)
        {
            violations.Add(new FieldViolation("course.title", "must be 1-200 characters"));
        }

        if (violations.Count > 0)
        {
            throw new InvalidArgumentException(violations);
        }

        AccessRules.CheckRole(actor, "create courses", Role.Admin);
        var course = new Course(courseId, title.Trim(), time.GetUtcNow());
        if (await courses.InsertCourseAsync(course, cancellationToken).ConfigureAwait(false))
        {
            return course;
        }

        return await courses.GetCourseAsync(courseId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Course '{courseId}' conflicted on insert but cannot be read.");
    }

    /// <summary>The course, if the caller may see it.</summary>
    public async Task<Course> GetCourseAsync(Principal actor, string courseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        AccessRules.CheckCourse(actor, courseId);
        return await courses.GetCourseAsync(courseId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("course", courseId);
    }

    /// <summary>The courses the caller may see: every course for an admin, else its own.</summary>
    public async Task<IReadOnlyList<Course>> ListCoursesAsync(Principal actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var all = await courses.ListCoursesAsync(cancellationToken).ConfigureAwait(false);
        return [.. all.Where(c => actor.CanAccessCourse(c.Id))];
    }

    /// <summary>Enrols a learner (idempotent). Admins, and instructor or lms keys of the course.</summary>
    public async Task<CourseMember> AddMemberAsync(Principal actor, string courseId, string learnerId, string displayName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!ResourceIds.IsValidLearnerId(learnerId))
        {
            throw new InvalidArgumentException("learner", $"'{learnerId}' is not a valid learner id (letters, digits, '.', '_' and '-', at most 64)");
        }

        if ((displayName ?? "").Length > 200)
        {
            throw new InvalidArgumentException("display_name", "at most 200 characters");
        }

        await GetCourseAsync(actor, courseId, cancellationToken).ConfigureAwait(false);
        AccessRules.CheckRole(actor, "enrol learners", Role.Admin, Role.Instructor, Role.Lms);
        var member = new CourseMember(courseId, learnerId, displayName ?? "", time.GetUtcNow());
        await courses.AddMemberAsync(member, cancellationToken).ConfigureAwait(false);
        return await courses.GetMemberAsync(courseId, learnerId, cancellationToken).ConfigureAwait(false) ?? member;
    }

    /// <summary>The course's members; not for learner keys.</summary>
    public async Task<IReadOnlyList<CourseMember>> ListMembersAsync(Principal actor, string courseId, CancellationToken cancellationToken)
    {
        await GetCourseAsync(actor, courseId, cancellationToken).ConfigureAwait(false);
        AccessRules.CheckRole(actor, "list members", Role.Admin, Role.Instructor, Role.Lms);
        return await courses.ListMembersAsync(courseId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The exercises the course offers, ordered by id.</summary>
    public async Task<IReadOnlyList<ExerciseDefinition>> ListExercisesAsync(Principal actor, string courseId, CancellationToken cancellationToken)
    {
        await GetCourseAsync(actor, courseId, cancellationToken).ConfigureAwait(false);
        return content.Exercises.Exercises;
    }

    /// <summary>One exercise of the course.</summary>
    /// <exception cref="NotFoundException">Unknown course or exercise.</exception>
    public async Task<ExerciseDefinition> GetExerciseAsync(Principal actor, string courseId, string exerciseId, CancellationToken cancellationToken)
    {
        await GetCourseAsync(actor, courseId, cancellationToken).ConfigureAwait(false);
        return content.Exercises.TryGet(exerciseId ?? "", out var exercise)
            ? exercise
            : throw new NotFoundException("exercise", exerciseId ?? "");
    }
}
