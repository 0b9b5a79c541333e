using System.Collections.Concurrent;
using System.Reflection;
using Grader.Contracts.Runner.V1;
using Grader.Training.Grading;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Grader.Training.Inspection;

/// <summary>
/// A model's modules and parameters as the grader may believe them. TorchSharp answers through virtual members
/// (<c>parameters()</c>, <c>named_parameters()</c>, <c>named_modules()</c>, …), which a learner's module could
/// override to hide weights from counting, re-initialisation and training. So before any of them is called on a
/// module, its type is checked: a type from outside TorchSharp may override <c>forward</c> and <c>Dispose</c> and
/// nothing else of TorchSharp's. Only then are TorchSharp's own implementations asked. The compile-time policy
/// rejects such overrides already; this is the same rule where the grader relies on it. A module can also lie by
/// omission, keeping layers or tensors in fields it never registers (no <c>RegisterComponents()</c>): those would
/// escape counting, the grader's initialisation and training, so every module or tensor held in a field of a
/// learner's module (directly, or in an array or list there) must be part of the registered tree.
/// </summary>
public static class ModuleTree
{
    private const BindingFlags AllInstance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
    private const BindingFlags AllStatic = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    private static readonly Assembly TorchSharpAssembly = typeof(nn.Module).Assembly;
    private static readonly string[] OverridableMembers = ["forward", "Dispose"];
    private static readonly ConcurrentDictionary<Type, string?> Verdicts = new();

    /// <summary>Every module of the tree, the root first (named ""), then TorchSharp's named_modules() order.</summary>
    /// <exception cref="LearnerCodeException">A module overrides a TorchSharp member the grader relies on.</exception>
    public static IReadOnlyList<(string Name, nn.Module Module)> Modules(nn.Module root)
    {
        EnsureHonest(root);
        var seen = new HashSet<nn.Module>(ReferenceEqualityComparer.Instance) { root };
        var found = new List<(string, nn.Module)> { (string.Empty, root) };
        found.AddRange(root.named_modules().Where(m => seen.Add(m.module)));
        return found;
    }

    /// <summary>The parameters registered directly on <paramref name="module"/> (not its children's).</summary>
    /// <exception cref="LearnerCodeException">A module overrides a TorchSharp member the grader relies on.</exception>
    public static IReadOnlyList<(string Name, Parameter Parameter)> OwnParameters(nn.Module module)
    {
        EnsureHonest(module);
        return module.named_parameters(recurse: false).ToList();
    }

    /// <summary>Every parameter of the tree, each once.</summary>
    /// <exception cref="LearnerCodeException">A module overrides a TorchSharp member the grader relies on.</exception>
    public static IReadOnlyList<(string Name, Parameter Parameter)> Parameters(nn.Module root)
    {
        EnsureHonest(root);
        return root.named_parameters().ToList();
    }

    /// <summary>
    /// Checks every module type in the tree, each before its own members are asked for its children, so an
    /// override never runs. Visits each module once: a module registered as its own descendant ends the walk.
    /// </summary>
    private static void EnsureHonest(nn.Module root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var seen = new HashSet<nn.Module>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<nn.Module>();
        pending.Push(root);
        while (pending.TryPop(out var module))
        {
            if (!seen.Add(module))
                continue;
            if (Verdicts.GetOrAdd(module.GetType(), FindOverride) is { } overridden)
                throw new LearnerCodeException(
                    LearnerReasons.ModelError,
                    $"{module.GetType().Name} overrides {overridden}; a module may override forward and Dispose only, because the grader reads TorchSharp's own record of its parameters and submodules");
            foreach (var (_, child) in module.named_children())
            {
                if (child is not null)
                    pending.Push(child);
            }
        }

        EnsureNothingUnregistered(root, seen);
    }

    private static void EnsureNothingUnregistered(nn.Module root, HashSet<nn.Module> modules)
    {
        var learnerModules = modules.Where(m => m.GetType().Assembly != TorchSharpAssembly).ToList();
        if (learnerModules.Count == 0)
            return;
        var tensors = root.named_parameters().Select(p => p.parameter.Handle)
            .Concat(root.named_buffers().Select(b => b.buffer.Handle))
            .ToHashSet();
        foreach (var module in learnerModules)
        {
            foreach (var (field, value) in HeldValues(module))
            {
                var registered = value switch
                {
                    nn.Module held => modules.Contains(held),
                    Tensor held => held.IsInvalid || tensors.Contains(held.Handle),
                    _ => true,
                };
                if (!registered)
                    throw new LearnerCodeException(
                        LearnerReasons.ModelError,
                        $"{module.GetType().Name}.{field.Name} holds a {(value is nn.Module ? "module" : "tensor")} that is not registered, so the grader could not count, initialise or train it; call RegisterComponents() at the end of the constructor and keep layers in fields, ModuleList or ModuleDict (not static fields)");
            }
        }
    }

    /// <summary>The modules and tensors a learner's module holds in its own fields, static ones included, and in arrays or lists there.</summary>
    private static IEnumerable<(FieldInfo Field, object Value)> HeldValues(nn.Module module)
    {
        for (var type = module.GetType(); type is not null && type.Assembly != TorchSharpAssembly; type = type.BaseType)
        {
            foreach (var field in type.GetFields(AllInstance | AllStatic | BindingFlags.DeclaredOnly))
            {
                var value = field.GetValue(field.IsStatic ? null : module);
                if (value is nn.Module or Tensor)
                    yield return (field, value);
                else if (value is System.Collections.IEnumerable items and not string)
                {
                    foreach (var item in items)
                    {
                        if (item is nn.Module or Tensor)
                            yield return (field, item);
                    }
                }
            }
        }
    }

    /// <summary>The first TorchSharp member <paramref name="type"/> overrides outside TorchSharp, other than forward and Dispose.</summary>
    private static string? FindOverride(Type type)
    {
        for (var current = type; current is not null && current.Assembly != TorchSharpAssembly; current = current.BaseType)
        {
            foreach (var method in current.GetMethods(AllInstance | BindingFlags.DeclaredOnly))
            {
                var definition = method.GetBaseDefinition();
                if (definition != method
                    && definition.DeclaringType?.Assembly == TorchSharpAssembly
                    && !OverridableMembers.Contains(method.Name, StringComparer.Ordinal))
                    return $"{definition.DeclaringType.Name}.{method.Name}";
            }
        }

        return null;
    }
}
