using System.Reflection;
using Grader.Contracts.Runner.V1;
using Grader.Sdk;
using Grader.Training.Grading;
using static TorchSharp.torch;

namespace Cifar10.MlpVsCnn;

/// <summary>Finds the learner's <see cref="IMlpVsCnn"/> and builds both models, blaming the learner for what fails.</summary>
internal static class LearnerModels
{
    public static IMlpVsCnn FindSolution(Assembly learner)
    {
        var candidates = learner.GetTypes()
            .Where(t => typeof(IMlpVsCnn).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .ToList();
        if (candidates.Count == 0)
            throw new LearnerCodeException(LearnerReasons.EntryPointMissing, "no class implements Grader.Sdk.IMlpVsCnn; write `public sealed class Solution : IMlpVsCnn` with BuildMlp() and BuildCnn()");
        if (candidates.Count > 1)
            throw new LearnerCodeException(LearnerReasons.EntryPointAmbiguous, $"more than one class implements IMlpVsCnn ({string.Join(", ", candidates.Select(c => c.Name))}); keep exactly one");
        var type = candidates[0];
        if (!type.IsPublic || type.GetConstructor(Type.EmptyTypes) is null)
            throw new LearnerCodeException(LearnerReasons.EntryPointMissing, $"{type.Name} must be public with a public parameterless constructor");
        return (IMlpVsCnn)Invoke(() => Activator.CreateInstance(type)!, $"constructing {type.Name}");
    }

    public static nn.Module<Tensor, Tensor> Build(Func<nn.Module<Tensor, Tensor>> build, string what) =>
        Invoke(build, what) ?? throw new LearnerCodeException(LearnerReasons.ModelError, $"{what} returned null");

    /// <summary>
    /// Runs learner code (or grader code working on the learner's objects); any exception it throws is the
    /// learner's, reported without our stack. Running out of memory, managed or in libtorch, is its own reason.
    /// </summary>
    public static T Invoke<T>(Func<T> learnerCode, string what)
    {
        try
        {
            return learnerCode();
        }
        catch (Exception ex) when (ex is not LearnerCodeException and not OperationCanceledException)
        {
            var inner = ex is TargetInvocationException { InnerException: { } i } ? i : ex;
            if (MemoryExhaustion.IsOutOfMemory(inner))
                throw new LearnerCodeException(LearnerReasons.MemoryLimit, $"memory limit: {what} ran out of memory ({FirstLine(inner.Message)})", inner);
            throw new LearnerCodeException(LearnerReasons.ModelError, $"{what} threw {inner.GetType().Name}: {FirstLine(inner.Message)}", inner);
        }
    }

    /// <summary>Checks a model maps [N, 3, 32, 32] to [N, 10] before any training time is spent.</summary>
    public static void CheckOutputShape(nn.Module<Tensor, Tensor> model, string name, Device device)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var probe = zeros(2, 3, 32, 32, device: device);
        var output = Invoke(() => model.forward(probe), $"{name}.forward");
        if (output.dim() != 2 || output.shape[0] != 2 || output.shape[1] != 10)
            throw new LearnerCodeException(LearnerReasons.ModelError, $"{name} must map [N, 3, 32, 32] to logits [N, 10]; for N = 2 it returned [{string.Join(", ", output.shape)}]");
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length <= 300 ? line : line[..300] + "…";
    }
}
