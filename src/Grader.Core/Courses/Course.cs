namespace Grader.Core.Courses;

/// <summary>A course run: learners are members of it and submit to its exercises.</summary>
/// <param name="Id">Resource id (<c>courses/{Id}</c>).</param>
/// <param name="Title">Display title.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
public sealed record Course(string Id, string Title, DateTimeOffset CreatedAt);
