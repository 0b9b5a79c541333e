namespace Grader.Sandbox.Compilation.Policy;

/// <summary>The reasons the policy gives. The API table and the syntax checks refer to these by name.</summary>
internal static class PolicyRules
{
    public static readonly PolicyRule NotAllowed = new(
        CompileDiagnosticIds.NotAllowed,
        "learner code may only use Grader.Sdk, TorchSharp's model-building API and a small part of the base library (math, collections, LINQ, strings)");

    public static readonly PolicyRule FileSystem = new(CompileDiagnosticIds.FileSystem, "file system access");
    public static readonly PolicyRule Network = new(CompileDiagnosticIds.Network, "network access");
    public static readonly PolicyRule Processes = new(CompileDiagnosticIds.Processes, "process and debugger access");
    public static readonly PolicyRule Reflection = new(CompileDiagnosticIds.Reflection, "reflection and dynamic code loading");
    public static readonly PolicyRule NativeInterop = new(CompileDiagnosticIds.NativeInterop, "native code, handles and raw memory access");
    public static readonly PolicyRule Threading = new(CompileDiagnosticIds.Threading, "threads, tasks and timers");
    public static readonly PolicyRule RuntimeEnvironment = new(CompileDiagnosticIds.RuntimeEnvironment, "control of the runtime, the process or its environment");

    public static readonly PolicyRule ConsoleRedirection = new(
        CompileDiagnosticIds.ConsoleRedirection, "console input and redirection (only Console.Write and Console.WriteLine are allowed)");

    public static readonly PolicyRule TorchFiles = new(
        CompileDiagnosticIds.TorchFiles, "TorchSharp file, serialisation, script and download access (the grader owns data and weights)");

    public static readonly PolicyRule GlobalState = new(
        CompileDiagnosticIds.GlobalState, "it changes global state the grader controls (random seeds, thread counts, default types and devices)");

    public static readonly PolicyRule UnseededRandom = new(
        CompileDiagnosticIds.GlobalState, "unseeded randomness makes runs unrepeatable; pass a seed, as in new Random(42)");

    public static readonly PolicyRule ModuleInternals = new(
        CompileDiagnosticIds.ModuleInternals,
        "the grader reads TorchSharp's own record of a module's parameters and submodules, so a module may override forward and Dispose only (an autograd function also backward and Name)");

    public static readonly PolicyRule UnsafeCode = new(CompileDiagnosticIds.UnsafeCode, "unsafe code, pointers and stack allocation");
    public static readonly PolicyRule Dynamic = new(CompileDiagnosticIds.Dynamic, "dynamic binding bypasses the compile-time checks");
    public static readonly PolicyRule Extern = new(CompileDiagnosticIds.Extern, "extern members call native code");
    public static readonly PolicyRule ModuleInitializer = new(CompileDiagnosticIds.ModuleInitializer, "module initialisers run code as soon as the assembly loads");
    public static readonly PolicyRule StaticConstructor = new(CompileDiagnosticIds.StaticConstructor, "static constructors run code at a time the grader does not choose; build models in BuildMlp/BuildCnn");
    public static readonly PolicyRule UndocumentedKeyword = new(CompileDiagnosticIds.UndocumentedKeyword, "__arglist, __makeref, __reftype, __refvalue and TypedReference reach raw memory");
    public static readonly PolicyRule Finalizer = new(CompileDiagnosticIds.Finalizer, "finalizers run on the garbage collector's thread, outside the grader's control");
    public static readonly PolicyRule ReservedNamespace = new(CompileDiagnosticIds.ReservedNamespace, "namespaces System, Microsoft, TorchSharp, Tensorboard and Grader belong to the platform");
}
