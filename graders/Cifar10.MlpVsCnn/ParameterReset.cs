using Grader.Training.Inspection;
using static TorchSharp.torch;

namespace Cifar10.MlpVsCnn;

/// <summary>
/// Overwrites every parameter with the grader's own seeded initialisation, so weights prepared in
/// the learner's source (or a lucky seed of theirs) cannot help. Weights get Kaiming-uniform (the
/// default of linear and convolution layers); biases get U(±1/√fan_in) of their layer's weight;
/// 1-D weights without a bias partner (normalisation scales) get 1, and their biases 0. The tree is read through
/// <see cref="ModuleTree"/> (the root included), so no parameter escapes by an override hiding it.
/// </summary>
internal static class ParameterReset
{
    public static void Apply(nn.Module model, ulong seed)
    {
        random.manual_seed((long)(seed & long.MaxValue));
        using var noGrad = no_grad();
        foreach (var (_, module) in ModuleTree.Modules(model))
        {
            var own = ModuleTree.OwnParameters(module).ToDictionary(p => p.Name, p => p.Parameter);
            long fanIn = 0;
            foreach (var (name, parameter) in own)
            {
                if (parameter.dim() < 2) continue;
                nn.init.kaiming_uniform_(parameter, a: Math.Sqrt(5));
                if (name == "weight") fanIn = parameter.shape[1] * parameter.shape.Skip(2).Aggregate(1L, (a, b) => a * b);
            }
            foreach (var (name, parameter) in own)
            {
                if (parameter.dim() >= 2) continue;
                if (fanIn > 0)
                {
                    var bound = 1 / Math.Sqrt(fanIn);
                    nn.init.uniform_(parameter, -bound, bound);
                }
                else if (name.Contains("weight", StringComparison.Ordinal))
                {
                    nn.init.ones_(parameter);
                }
                else
                {
                    nn.init.zeros_(parameter);
                }
            }
        }
    }
}
