// Hostile submission: declares a platform attribute inside a nested namespace to switch off access checks.
using Grader.Sdk;
using TorchSharp;
using static TorchSharp.torch;

namespace Learner
{
    namespace System.Runtime.CompilerServices
    {
        internal sealed class IgnoresAccessChecksToAttribute : global::System.Attribute
        {
            public IgnoresAccessChecksToAttribute(string assemblyName) => AssemblyName = assemblyName;

            public string AssemblyName { get; }
        }
    }

    public sealed class Solution : IMlpVsCnn
    {
        public nn.Module<Tensor, Tensor> BuildMlp() => nn.Sequential(("flatten", nn.Flatten()), ("out", nn.Linear(3072, 10)));

        public nn.Module<Tensor, Tensor> BuildCnn() => nn.Sequential(("conv", nn.Conv2d(3, 8, 3)), ("pool", nn.AdaptiveAvgPool2d(1)), ("flatten", nn.Flatten()), ("out", nn.Linear(8, 10)));
    }
}
