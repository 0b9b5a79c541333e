using Grader.Sandbox.Compilation;
using Microsoft.Extensions.Options;
using static Grader.Sandbox.Tests.Compilation.LearnerSources;
using Ids = Grader.Sandbox.Compilation.CompileDiagnosticIds;

namespace Grader.Sandbox.Tests.Compilation;

/// <summary>
/// Code a hostile learner might submit. Each case must fail to compile with the expected id on the line marked
/// <c>//!</c>. CSxxxx ids are for APIs whose assemblies are not referenced at all, so they cannot even resolve.
/// </summary>
public sealed class HostileSubmissionTests
{
    private static readonly SubmissionCompiler Compiler = new(Options.Create(new SubmissionCompilerOptions()), TimeProvider.System);

    public static TheoryData<string, string, string> Cases => new()
    {
        // File system and network
        { "global-qualified File", InMethod("var s = global::System.IO.File.ReadAllText(\"/etc/passwd\"); //!"), Ids.FileSystem },
        { "namespace alias", "using IO = System.IO; //!\npublic static class P { public static bool Run() => IO.File.Exists(\"/\"); }", Ids.FileSystem },
        { "using static File", "using static System.IO.File; //!\npublic static class P { }", Ids.FileSystem },
        { "unused using System.IO", "using System.IO; //!\npublic static class P { }", Ids.FileSystem },
        { "method group of File", InMethod("Func<string, string> read = System.IO.File.ReadAllText; //!"), Ids.FileSystem },
        { "FileStream constructor", InMethod("var s = new System.IO.FileStream(\"/x\", System.IO.FileMode.Create); //!"), Ids.FileSystem },
        { "HttpClient", InMethod("var c = new System.Net.Http.HttpClient(); //!"), "CS0234" },
        { "Socket", InMethod("var s = new System.Net.Sockets.Socket(default, default, default); //!"), "CS0234" },
        { "Process.Start", InMethod("System.Diagnostics.Process.Start(\"/bin/sh\"); //!"), "CS0234" },
        { "Debugger", InMethod("System.Diagnostics.Debugger.Break(); //!"), Ids.Processes },

        // Reflection and code loading
        { "reflection by string", InMethod("var t = typeof(object).Assembly.GetType(\"System.IO.File\"); //!"), Ids.Reflection },
        { "Type.GetType", InMethod("var t = Type.GetType(\"System.IO.File\"); //!"), Ids.Reflection },
        { "Activator", InMethod("var o = Activator.CreateInstance<List<int>>(); //!"), Ids.Reflection },
        { "GetType().GetMethod", InMethod("var m = value.GetType().GetMethod(\"ToString\"); //!"), Ids.Reflection },
        { "Assembly.Load", InMethod("System.Reflection.Assembly.Load(new byte[1]); //!"), Ids.Reflection },
        { "delegate Method", InMethod("Func<int> f = () => 1; var m = f.Method; //!"), Ids.Reflection },
        { "typeof", InMethod("var t = typeof(string); //!"), Ids.Reflection },
        { "dynamic", InMethod("dynamic d = value; //!"), Ids.Dynamic },

        // Native code, raw memory, type confusion
        { "DllImport", "using System.Runtime.InteropServices; //!\npublic static class P { [DllImport(\"libc\")] public static extern int getpid(); }", Ids.NativeInterop },
        { "extern method", "public static class P\n{\n    public static extern int Native(); //!\n}", Ids.Extern },
        { "Marshal", InMethod("var p = System.Runtime.InteropServices.Marshal.AllocHGlobal(64); //!"), Ids.NativeInterop },
        { "Unsafe.As", InMethod("var s = System.Runtime.CompilerServices.Unsafe.As<string>(value); //!"), Ids.NativeInterop },
        { "StructLayout", "[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit)] //!\npublic struct Overlap { public int A; }", Ids.NativeInterop },
        { "FieldOffset", "public struct Overlap\n{\n    [System.Runtime.InteropServices.FieldOffset(0)] public object A; //!\n}", Ids.NativeInterop },
        { "Span", InMethod("Span<int> s = new int[4]; //!"), Ids.NativeInterop },
        { "unsafe pointer", "public static unsafe class P //!\n{\n    public static int Read(int* p) => *p;\n}", Ids.UnsafeCode },
        { "stackalloc", InMethod("var n = stackalloc int[4].Length; //!"), Ids.UnsafeCode },
        { "function pointer", "public static class P\n{\n    public static void Call(delegate*<void> f) { } //!\n}", Ids.UnsafeCode },
        { "__makeref", InMethod("int x = 1; var r = __makeref(x); //!"), Ids.UndocumentedKeyword },
        { "tensor handle", InMethod("var h = tensor.Handle; //!"), Ids.NativeInterop },
        { "module from a forged handle", "using static TorchSharp.torch;\npublic sealed class Evil : nn.Module<Tensor, Tensor>\n{\n    public Evil() : base(0x1234, 0) { } //!\n    public override Tensor forward(Tensor x) => x;\n}", Ids.NativeInterop },
        { "optimizer from a forged handle", InMethod("var o = new TorchSharp.Modules.LBFGS(12345, 0.1); //!"), Ids.NativeInterop },
        { "AsSpan", InMethod("var s = \"abc\".AsSpan(); //!"), Ids.NativeInterop },
        { "__arglist parameter", "public static class P\n{\n    public static void V(__arglist) { } //!\n}", Ids.UndocumentedKeyword },

        // Code that runs outside the grader's control
        { "ModuleInitializer", "public static class P\n{\n    [System.Runtime.CompilerServices.ModuleInitializer] //!\n    public static void Init() { }\n}", Ids.ModuleInitializer },
        { "static constructor", "public sealed class P\n{\n    static P() { } //!\n}", Ids.StaticConstructor },
        { "finalizer", "public sealed class P\n{\n    ~P() { } //!\n}", Ids.Finalizer },
        { "reserved namespace", "namespace System.Runtime.CompilerServices; //!\ninternal sealed class IgnoresAccessChecksToAttribute { }", Ids.ReservedNamespace },

        // Threads and the runtime
        { "Thread", InMethod("new System.Threading.Thread(() => { }).Start(); //!"), Ids.Threading },
        { "Task.Run", InMethod("System.Threading.Tasks.Task.Run(() => { }); //!"), Ids.Threading },
        { "ThreadPool", InMethod("System.Threading.ThreadPool.QueueUserWorkItem(_ => { }); //!"), Ids.Threading },
        { "Environment variable", InMethod("var v = Environment.GetEnvironmentVariable(\"HOME\"); //!"), Ids.RuntimeEnvironment },
        { "Environment.Exit", InMethod("Environment.Exit(0); //!"), Ids.RuntimeEnvironment },
        { "GC.Collect", InMethod("GC.Collect(); //!"), Ids.RuntimeEnvironment },
        { "AppContext switch", InMethod("AppContext.SetSwitch(\"x\", true); //!"), Ids.RuntimeEnvironment },
        { "Console.SetOut", InMethod("Console.SetOut(Console.Error); //!"), Ids.ConsoleRedirection },
        { "Console.Out", InMethod("Console.Out.WriteLine(\"x\"); //!"), Ids.ConsoleRedirection },
        { "Console.ReadLine", InMethod("var line = Console.ReadLine(); //!"), Ids.ConsoleRedirection },
        { "unseeded Random", InMethod("var r = new Random(); //!"), Ids.GlobalState },
        { "shared Random", InMethod("var n = Random.Shared.Next(); //!"), Ids.GlobalState },

        // TorchSharp doors
        { "torch.save", InMethod("torch.save(tensor, \"/tmp/w.pt\"); //!"), Ids.TorchFiles },
        { "torch.load", InMethod("var t = torch.load(\"/tmp/w.pt\"); //!"), Ids.TorchFiles },
        { "Module.load", InMethod("model.load(\"/tmp/weights.bin\"); //!"), Ids.TorchFiles },
        { "Module.save", InMethod("model.save(\"/tmp/weights.bin\"); //!"), Ids.TorchFiles },
        { "load_state_dict", InMethod("model.load_state_dict(new Dictionary<string, Tensor>()); //!"), Ids.TorchFiles },
        { "from_file", InMethod("var t = torch.from_file(\"/etc/passwd\"); //!"), Ids.TorchFiles },
        { "tensorboard writer", InMethod("var w = torch.utils.tensorboard.SummaryWriter(\"/tmp/runs\"); //!"), Ids.TorchFiles },
        { "jit.load", InMethod("var m = torch.jit.load(\"/tmp/m.pt\"); //!"), Ids.TorchFiles },
        { "hub download", InMethod("torch.hub.download_url_to_file(\"http://x\", \"/tmp/x\"); //!"), Ids.TorchFiles },
        { "random.manual_seed", InMethod("torch.random.manual_seed(1); //!"), Ids.GlobalState },
        { "torch.manual_seed", InMethod("torch.manual_seed(1); //!"), Ids.GlobalState },
        { "cuda.manual_seed", InMethod("torch.cuda.manual_seed(1); //!"), Ids.GlobalState },
        { "set_num_threads", InMethod("torch.set_num_threads(64); //!"), Ids.GlobalState },
        { "set_default_dtype", InMethod("torch.set_default_dtype(torch.float64); //!"), Ids.GlobalState },
        { "set_grad_enabled", InMethod("torch.set_grad_enabled(false); //!"), Ids.GlobalState },
        { "default generator", InMethod("var g = torch.Generator.Default; //!"), Ids.GlobalState },
        { "generator set_state", InMethod("var g = new torch.Generator(1); g.set_state(tensor); //!"), Ids.GlobalState },
        { "anomaly mode", InMethod("var a = new TorchSharp.AnomalyMode(true, false); //!"), Ids.GlobalState },
        { "UnsafeCreateTensor", InMethod("var t = torch.Tensor.UnsafeCreateTensor(12345); //!"), Ids.NativeInterop },
        { "raw element read", InMethod("var b = tensor.ReadCpuByte(1L << 40); //!"), Ids.NativeInterop },
        { "optimizer state to a stream", InMethod("TorchSharp.Modules.OptimizerState.LoadConditionalStateTensor(null!, ref tensor); //!"), Ids.TorchFiles },

        // A module that misreports itself: the grader counts, resets and trains what TorchSharp says it has
        { "override named_parameters", LyingModule("public override IEnumerable<(string name, TorchSharp.Modules.Parameter parameter)> named_parameters(bool recurse = true) => []; //!"), Ids.ModuleInternals },
        { "override parameters", LyingModule("public override IEnumerable<TorchSharp.Modules.Parameter> parameters(bool recurse = true) => []; //!"), Ids.ModuleInternals },
        { "override named_modules", LyingModule("public override IEnumerable<(string name, nn.Module module)> named_modules() => []; //!"), Ids.ModuleInternals },
        { "override state_dict", LyingModule("public override Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null) => new(); //!"), Ids.ModuleInternals },
        { "override train", LyingModule("public override void train(bool on = true) { } //!"), Ids.ModuleInternals },
        { "override through Sequential", "using TorchSharp.Modules;\nusing static TorchSharp.torch;\npublic sealed class Liar : Sequential\n{\n    public Liar() : base([]) { }\n    public override IEnumerable<(string name, nn.Module module)> named_children() => []; //!\n}", Ids.ModuleInternals },
    };

    private static string LyingModule(string member) => $$"""
        using System.Collections.Generic;
        using TorchSharp;
        using static TorchSharp.torch;
        public sealed class Liar : nn.Module<Tensor, Tensor>
        {
            public Liar() : base("liar") { }
            public override Tensor forward(Tensor x) => x;
            {{member}}
        }
        """;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compile_HostileCode_RejectedOnTheMarkedLine(string name, string source, string expectedId)
    {
        var result = Compiler.Compile([new SourceFile("Hostile.cs", source)]);

        Assert.False(result.Succeeded, $"{name} compiled");
        Assert.Null(result.Assembly);
        var expectedLine = MarkedLine(source);
        Assert.True(
            result.Errors.Any(e => e.Id == expectedId && e.Line == expectedLine && e.File == "Hostile.cs"),
            $"{name}: expected {expectedId} on line {expectedLine}, got:{Environment.NewLine}{SubmissionCompilerTests.Describe(result)}");
    }

    [Fact]
    public void Cases_CoverEveryApiRuleId()
    {
        var covered = Cases.Select(row => (string)row[2]).ToHashSet();
        string[] apiIds =
        [
            Ids.FileSystem, Ids.Processes, Ids.Reflection, Ids.NativeInterop, Ids.Threading, Ids.RuntimeEnvironment,
            Ids.ConsoleRedirection, Ids.TorchFiles, Ids.GlobalState, Ids.ModuleInternals, Ids.UnsafeCode, Ids.Dynamic, Ids.Extern,
            Ids.ModuleInitializer, Ids.StaticConstructor, Ids.UndocumentedKeyword, Ids.Finalizer, Ids.ReservedNamespace,
        ];

        Assert.Empty(apiIds.Except(covered));
    }

    private static int MarkedLine(string source) =>
        source.Split('\n').Select((line, index) => (line, index)).Single(l => l.line.Contains("//!", StringComparison.Ordinal)).index + 1;
}
