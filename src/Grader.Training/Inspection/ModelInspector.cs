using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Grader.Training.Inspection;

/// <summary>
/// Structural facts about a model: parameter count and which layer types it uses. Everything is read through
/// <see cref="ModuleTree"/>, so a module cannot misreport itself by overriding TorchSharp's members.
/// </summary>
public static class ModelInspector
{
    /// <summary>Total number of trainable scalars.</summary>
    public static long CountParameters(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        long total = 0;
        foreach (var (_, parameter) in ModuleTree.Parameters(model))
            total += parameter.numel();
        return total;
    }

    /// <summary>How many modules of each type the model tree holds (the root included).</summary>
    public static IReadOnlyDictionary<string, int> LayerTypes(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, module) in ModuleTree.Modules(model))
        {
            var name = module.GetType().Name;
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }
        return counts;
    }

    /// <summary>
    /// Convolution layers, counted as convolution modules or, failing that, as parameters shaped like
    /// convolution kernels (rank 3 or more): a functional convolution hidden in a custom module still counts.
    /// </summary>
    public static int CountConvolutions(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var modules = ModuleTree.Modules(model).Count(m => m.Module is Conv1d or Conv2d or Conv3d or ConvTranspose1d or ConvTranspose2d or ConvTranspose3d);
        if (modules > 0) return modules;
        return ModuleTree.Parameters(model).Count(p => p.Parameter.dim() >= 3);
    }
}
