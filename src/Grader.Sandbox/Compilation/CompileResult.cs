namespace Grader.Sandbox.Compilation;

/// <summary>
/// The outcome of compiling a submission. <see cref="Assembly"/> holds the DLL image when, and only when,
/// compilation succeeded with no error from Roslyn nor from the API policy.
/// </summary>
public sealed record CompileResult(bool Succeeded, byte[]? Assembly, IReadOnlyList<CompileDiagnostic> Diagnostics)
{
    public IEnumerable<CompileDiagnostic> Errors => Diagnostics.Where(d => d.IsError);

    internal static CompileResult Failed(IReadOnlyList<CompileDiagnostic> diagnostics) => new(false, null, diagnostics);
}
