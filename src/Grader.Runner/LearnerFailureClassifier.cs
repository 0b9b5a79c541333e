using System.Diagnostics;
using System.Reflection;
using Grader.Contracts.Runner.V1;
using Grader.Training.Grading;

namespace Grader.Runner;

/// <summary>
/// Decides whether an exception that escaped a grader is the learner's fault (a FAILED result) or a
/// platform fault (an ERROR). Learner faults are a <see cref="LearnerCodeException"/> anywhere in the
/// chain, an exception that passed through a frame of the learner's assembly, or one thrown inside
/// TorchSharp (a shape or dtype mismatch in the layers the learner chose). Running out of memory once the
/// learner's code has run is the learner's too: only its models compete with the grader for memory then.
/// </summary>
internal static class LearnerFailureClassifier
{
    public const string ModelError = LearnerReasons.ModelError;

    public static bool TryClassify(Exception exception, Assembly learner, bool learnerCodeRan, out RunFailed failed)
    {
        var chain = Flatten(exception).ToList();

        if (chain.OfType<LearnerCodeException>().FirstOrDefault() is { } learnerCode)
        {
            failed = new RunFailed { Reason = learnerCode.Reason, Message = learnerCode.Message };
            return true;
        }

        if (learnerCodeRan && chain.FirstOrDefault(MemoryExhaustion.IsOutOfMemory) is { } memory)
        {
            failed = new RunFailed { Reason = LearnerReasons.MemoryLimit, Message = $"memory limit: the models used more memory than the run allows ({Describe(memory)})" };
            return true;
        }

        // The innermost exception that touched learner code says best what went wrong; the outer ones
        // are usually TargetInvocationException wrappers.
        var blamed = chain.LastOrDefault(e => HasFrameFrom(e, a => a == learner))
            ?? chain.LastOrDefault(e => ThrownInside(e, IsTorchSharp));
        if (blamed is null)
        {
            failed = new RunFailed();
            return false;
        }

        failed = new RunFailed { Reason = ModelError, Message = Describe(blamed) };
        return true;
    }

    /// <summary>Type and message only: stack traces would show the runner's internals and paths.</summary>
    public static string Describe(Exception exception) => $"{exception.GetType().FullName}: {exception.Message}";

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        yield return exception;
        var inner = exception is AggregateException aggregate ? aggregate.InnerExceptions : [.. NonNull(exception.InnerException)];
        foreach (var child in inner)
        {
            foreach (var descendant in Flatten(child))
            {
                yield return descendant;
            }
        }
    }

    private static IEnumerable<Exception> NonNull(Exception? exception) => exception is null ? [] : [exception];

    private static bool HasFrameFrom(Exception exception, Func<Assembly, bool> predicate) =>
        new StackTrace(exception, fNeedFileInfo: false).GetFrames()
            .Select(f => f.GetMethod()?.DeclaringType?.Assembly)
            .Any(a => a is not null && predicate(a));

    private static bool ThrownInside(Exception exception, Func<Assembly, bool> predicate)
    {
        var top = new StackTrace(exception, fNeedFileInfo: false).GetFrames().FirstOrDefault();
        var assembly = top?.GetMethod()?.DeclaringType?.Assembly;
        return assembly is not null && predicate(assembly);
    }

    private static bool IsTorchSharp(Assembly assembly) => assembly.GetName().Name == "TorchSharp";
}
