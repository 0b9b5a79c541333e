namespace Grader.Sandbox.Compilation;

/// <summary>
/// Stable ids of the grader's own compile diagnostics (Roslyn's keep their CSxxxx ids). Clients and tests may
/// match on them, so an id never changes meaning; a new rule gets a new id.
/// </summary>
public static class CompileDiagnosticIds
{
    // API allow-list: the learner's code binds to something outside it. One id per reason.
    public const string NotAllowed = "GRD0001";
    public const string FileSystem = "GRD0002";
    public const string Network = "GRD0003";
    public const string Processes = "GRD0004";
    public const string Reflection = "GRD0005";
    public const string NativeInterop = "GRD0006";
    public const string Threading = "GRD0007";
    public const string RuntimeEnvironment = "GRD0008";
    public const string ConsoleRedirection = "GRD0009";
    public const string TorchFiles = "GRD0010";
    public const string GlobalState = "GRD0011";
    public const string ModuleInternals = "GRD0012";

    // Language features the policy forbids, whatever they bind to.
    public const string UnsafeCode = "GRD0020";
    public const string Dynamic = "GRD0021";
    public const string Extern = "GRD0022";
    public const string ModuleInitializer = "GRD0023";
    public const string StaticConstructor = "GRD0024";
    public const string UndocumentedKeyword = "GRD0025";
    public const string Finalizer = "GRD0026";
    public const string ReservedNamespace = "GRD0027";

    // The submission itself: checked before anything is parsed.
    public const string EmptySubmission = "GRD0100";
    public const string SubmissionTooLarge = "GRD0101";
    public const string TooManyFiles = "GRD0102";
    public const string NotText = "GRD0103";
    public const string InvalidFileName = "GRD0104";
    public const string CompileTimeout = "GRD0105";
    public const string DiagnosticsTruncated = "GRD0106";
}
