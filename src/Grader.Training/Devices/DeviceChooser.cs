using static TorchSharp.torch;

namespace Grader.Training.Devices;

/// <summary>CUDA when allowed and present, otherwise the CPU; the training code is the same.</summary>
public static class DeviceChooser
{
    public static Device Choose(bool allowCuda) =>
        allowCuda && cuda.is_available() ? CUDA : CPU;
}
