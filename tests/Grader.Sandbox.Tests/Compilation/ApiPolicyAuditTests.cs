using System.Text.RegularExpressions;
using Grader.Sandbox.Compilation;
using Grader.Sandbox.Compilation.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Grader.Sandbox.Tests.Compilation;

/// <summary>
/// Audits the allow-list against the whole of TorchSharp rather than against the doors someone thought of: every
/// public type and member whose name says it touches files, native memory or the grader's global state must be
/// denied, unless it is on the reviewed list below with the reason it is harmless.
/// </summary>
public sealed partial class ApiPolicyAuditTests
{
    /// <summary>Names that match the patterns but were read and judged harmless, with why.</summary>
    private static readonly Dictionary<string, string> Reviewed = new(StringComparer.Ordinal)
    {
        ["TorchSharp.torch.Generator.initial_seed"] = "reads the seed of a generator the learner made",
        ["TorchSharp.torch.initial_seed"] = "reads the global seed; changing it stays denied",
        ["TorchSharp.torch.get_num_threads"] = "reads the thread count; setting it stays denied",
        ["TorchSharp.torch.get_num_interop_threads"] = "reads the thread count; setting it stays denied",
        ["TorchSharp.torch.are_deterministic_algorithms_enabled"] = "reads a setting",
        ["TorchSharp.torch.is_deterministic_algorithms_warn_only_enabled"] = "reads a setting",
        ["TorchSharp.torch.get_deterministic_debug_mode"] = "reads a setting",
        ["TorchSharp.torch.is_warn_always_enabled"] = "reads a setting",
        ["TorchSharp.torch.Tensor.is_pinned"] = "reads whether a tensor is in pinned memory",
        ["TorchSharp.torch.Tensor.pin_memory"] = "copies a tensor to page-locked memory: still a tensor, no address",
        ["TorchSharp.torch.autograd.AutogradContext.save_for_backward"] = "keeps tensors for a custom backward pass, in memory",
        ["TorchSharp.torch.autograd.AutogradContext.save_data"] = "keeps values for a custom backward pass, in memory",
        ["TorchSharp.torch.Tensor.set_grad"] = "sets the gradient of the learner's own tensor",
        ["TorchSharp.torch.autograd.AutogradContext.get_saved_variables"] = "reads what save_for_backward kept",
        ["TorchSharp.torch.nn.HuberLoss"] = "a loss function (\"hub\" in its name)",
        ["TorchSharp.Modules.HuberLoss"] = "a loss function (\"hub\" in its name)",
        ["TorchSharp.torch.nn.functional.huber_loss"] = "a loss function (\"hub\" in its name)",
        ["TorchSharp.torch.distributions.transforms.ExpTransform"] = "a distribution transform (\"pTr\" in its name)",
    };

    [Fact]
    public void LearnerPolicy_EveryRiskyTorchSharpName_IsDeniedOrReviewed()
    {
        var compilation = CSharpCompilation.Create("Audit", references: LearnerReferences.All);
        var torch = compilation.References.Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>().Single(a => a.Name == "TorchSharp");
        var allowed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in AllTypes(torch.GlobalNamespace).Where(t => t.DeclaredAccessibility == Accessibility.Public))
        {
            var typeKey = SymbolNames.TypeKey(type);
            if (type.TypeKind != TypeKind.Enum && Risky().IsMatch(type.Name) && ApiPolicy.LearnerCode.CheckType(type, compilation.Assembly) is null)
                allowed.Add(typeKey);
            // Members of a denied type are out of reach already; enums only name values.
            if (type.TypeKind == TypeKind.Enum || ApiPolicy.LearnerCode.CheckType(type, compilation.Assembly) is not null)
                continue;

            // Accessors are judged through their property: C# code cannot name get_X or set_X.
            foreach (var member in type.GetMembers().Where(m => m is not INamedTypeSymbol and not IMethodSymbol { AssociatedSymbol: not null }
                && m.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected))
            {
                if (Risky().IsMatch(member.Name) && ApiPolicy.LearnerCode.CheckMember(member, compilation.Assembly) is null)
                    allowed.Add($"{typeKey}.{member.Name}");
            }
        }

        var unreviewed = allowed.Where(name => !Reviewed.ContainsKey(name)).ToList();
        Assert.True(unreviewed.Count == 0, "allowed but not reviewed:" + Environment.NewLine + string.Join(Environment.NewLine, unreviewed));
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns) =>
        ns.GetTypeMembers().SelectMany(Nested).Concat(ns.GetNamespaceMembers().SelectMany(AllTypes));

    private static IEnumerable<INamedTypeSymbol> Nested(INamedTypeSymbol type) => [type, .. type.GetTypeMembers().SelectMany(Nested)];

    // Files and serialisation; native memory; the grader's global state (seeds, threads, defaults, modes).
    [GeneratedRegex(
        "save|load|file|stream|download|export|jit|hub|script|url|"
        + "handle|ptr|unsafe|native|dangerous|pinned|readcpu|"
        + "seed|rng|_state$|^set_default|^set_num|determinis|^set_grad|printoptions|stringstyle|warn_always|anomaly|^default$|^get_default$",
        RegexOptions.IgnoreCase)]
    private static partial Regex Risky();
}
