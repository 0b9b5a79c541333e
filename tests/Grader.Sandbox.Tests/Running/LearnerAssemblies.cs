using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Grader.Sandbox.Tests.Running;

/// <summary>
/// Compiles tiny learner assemblies straight with Roslyn. No API policy on purpose: these tests check
/// what the sandbox contains when code gets past the compile step.
/// </summary>
internal static class LearnerAssemblies
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    /// <summary>A working solution whose constructor runs <paramref name="constructorBody"/> first.</summary>
    public static byte[] Solution(string constructorBody = "") => Compile($$"""
        using System;
        using Grader.Sdk;
        using TorchSharp;
        using static TorchSharp.torch;

        public sealed class Solution : IMlpVsCnn
        {
            public Solution()
            {
                {{constructorBody}}
            }

            public nn.Module<Tensor, Tensor> BuildMlp() =>
                nn.Sequential(nn.Flatten(), nn.Linear(3072, 16), nn.ReLU(), nn.Linear(16, 10));

            public nn.Module<Tensor, Tensor> BuildCnn() =>
                nn.Sequential(nn.Conv2d(3, 4, 3, padding: 1), nn.ReLU(), nn.MaxPool2d(4), nn.Flatten(), nn.Linear(256, 10));

            // Used by hostile constructors; recursion deep enough to overflow any stack.
            public static int Recurse(int depth) => Recurse(depth + 1) + 1;
        }
        """);

    public static byte[] Compile(string source)
    {
        var compilation = CSharpCompilation.Create(
            "learner",
            [CSharpSyntaxTree.ParseText(source)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
            throw new InvalidOperationException("Test learner source does not compile:\n" + string.Join('\n', errors));
        }

        return output.ToArray();
    }

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        // The framework's reference set is what this test process runs on; Grader.Sdk and TorchSharp
        // sit next to the test assembly.
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll");
        var ours = new[] { "Grader.Sdk.dll", "TorchSharp.dll" }.Select(f => Path.Combine(AppContext.BaseDirectory, f));
        return [.. framework.Concat(ours).Select(p => MetadataReference.CreateFromFile(p))];
    }
}
