namespace Grader.Training.Grading;

/// <summary>Recognises running out of memory, whether the .NET heap or libtorch's allocator hit the limit.</summary>
public static class MemoryExhaustion
{
    // libtorch's CPU allocator says "DefaultCPUAllocator: can't allocate memory: you tried to allocate N bytes";
    // CUDA's says "CUDA out of memory". TorchSharp rethrows both as ExternalException with that text.
    private static readonly string[] NativeMessages = ["can't allocate memory", "out of memory", "std::bad_alloc"];

    public static bool IsOutOfMemory(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is OutOfMemoryException)
                return true;
            if (current is System.Runtime.InteropServices.ExternalException
                && NativeMessages.Any(m => current.Message.Contains(m, StringComparison.OrdinalIgnoreCase)))
                return true;
        }

        return false;
    }
}
