using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Dapper;
using Grader.Core.Courses;

namespace Grader.Data.Stores;

/// <summary>Courses and members in <c>courses</c> and <c>course_members</c>.</summary>
internal sealed class SqlCourseStore(DbDataSource dataSource) : ICourseStore
{
    public Task<bool> InsertCourseAsync(Course course, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO courses (id, title, created_at) VALUES (@Id, @Title, @CreatedAt) ON CONFLICT (id) DO NOTHING",
            course, cancellationToken);

    public async Task<Course?> GetCourseAsync(string courseId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<CourseRow>("SELECT id, title, created_at FROM courses WHERE id = @courseId", new { courseId }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToCourse()).SingleOrDefault();
    }

    public async Task<IReadOnlyList<Course>> ListCoursesAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<CourseRow>("SELECT id, title, created_at FROM courses ORDER BY id", null, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToCourse())];
    }

    public Task<bool> AddMemberAsync(CourseMember member, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO course_members (course_id, learner_id, display_name, joined_at) VALUES (@CourseId, @LearnerId, @DisplayName, @JoinedAt) ON CONFLICT (course_id, learner_id) DO NOTHING",
            member, cancellationToken);

    public async Task<CourseMember?> GetMemberAsync(string courseId, string learnerId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<MemberRow>(
            "SELECT course_id, learner_id, display_name, joined_at FROM course_members WHERE course_id = @courseId AND learner_id = @learnerId",
            new { courseId, learnerId }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToMember()).SingleOrDefault();
    }

    public async Task<IReadOnlyList<CourseMember>> ListMembersAsync(string courseId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<MemberRow>(
            "SELECT course_id, learner_id, display_name, joined_at FROM course_members WHERE course_id = @courseId ORDER BY learner_id",
            new { courseId }, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToMember())];
    }

    private async Task<bool> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
        }
    }

    private async Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    [SuppressMessage("Performance", "CA1812", Justification = "Instantiated by Dapper.")]
    private sealed class CourseRow
    {
        public string Id { get; set; } = "";
        public string Title { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }

        public Course ToCourse() => new(Id, Title, CreatedAt);
    }

    [SuppressMessage("Performance", "CA1812", Justification = "Instantiated by Dapper.")]
    private sealed class MemberRow
    {
        public string CourseId { get; set; } = "";
        public string LearnerId { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public DateTimeOffset JoinedAt { get; set; }

        public CourseMember ToMember() => new(CourseId, LearnerId, DisplayName, JoinedAt);
    }
}
