namespace Grader.Core.Exercises;

/// <summary>Where a profile trains.</summary>
public enum DevicePreference
{
    /// <summary>Always the CPU (<c>cpu</c>), so results repeat on any machine.</summary>
    Cpu,

    /// <summary>CUDA when present, else the CPU (<c>cuda-preferred</c>).</summary>
    CudaPreferred,
}
