namespace Grader.Sandbox.Compilation;

/// <summary>
/// A compiler or policy message about the learner's code. <paramref name="Severity"/> is "error" or "warning";
/// <paramref name="Line"/> and <paramref name="Column"/> are 1-based, or 0 when the message concerns the whole
/// submission rather than a position (for example the size cap).
/// </summary>
public sealed record CompileDiagnostic(string Severity, string Id, string Message, string File, int Line, int Column)
{
    public const string Error = "error";
    public const string Warning = "warning";

    public bool IsError => Severity == Error;

    public override string ToString() =>
        Line > 0 ? $"{File}({Line},{Column}): {Severity} {Id}: {Message}" : $"{File}: {Severity} {Id}: {Message}";
}
