namespace Grader.Core.Submissions;

/// <summary>One source file of a submission.</summary>
/// <param name="Path">File name, e.g. <c>Solution.cs</c>: letters, digits, '.', '_' or '-', ending in <c>.cs</c>.</param>
/// <param name="Text">The file's text (decoded strictly as UTF-8 by the API).</param>
public sealed record SubmissionSource(string Path, string Text);
