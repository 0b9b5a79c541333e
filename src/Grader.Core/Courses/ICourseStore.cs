namespace Grader.Core.Courses;

/// <summary>Port: persistence of courses and their members.</summary>
public interface ICourseStore
{
    /// <summary>Inserts the course; false (and nothing changed) when one with the same id exists.</summary>
    Task<bool> InsertCourseAsync(Course course, CancellationToken cancellationToken);

    /// <summary>The course, or null.</summary>
    Task<Course?> GetCourseAsync(string courseId, CancellationToken cancellationToken);

    /// <summary>Every course, ordered by id.</summary>
    Task<IReadOnlyList<Course>> ListCoursesAsync(CancellationToken cancellationToken);

    /// <summary>Adds the member; an existing membership is left as it is (returned false).</summary>
    Task<bool> AddMemberAsync(CourseMember member, CancellationToken cancellationToken);

    /// <summary>The membership, or null.</summary>
    Task<CourseMember?> GetMemberAsync(string courseId, string learnerId, CancellationToken cancellationToken);

    /// <summary>Members of the course, ordered by learner id.</summary>
    Task<IReadOnlyList<CourseMember>> ListMembersAsync(string courseId, CancellationToken cancellationToken);
}
