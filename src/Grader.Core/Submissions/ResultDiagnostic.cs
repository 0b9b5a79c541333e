namespace Grader.Core.Submissions;

/// <summary>A compiler or policy diagnostic.</summary>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Id">e.g. <c>CS1002</c> or <c>GRD0001</c>.</param>
/// <param name="Message">The message.</param>
/// <param name="File">Source path.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record ResultDiagnostic(string Severity, string Id, string Message, string File, int Line, int Column);
