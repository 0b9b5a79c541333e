using Grader.Datasets;

namespace Grader.Training.Datasets;

/// <summary>CIFAR-10's binary distribution as tensors: <see cref="Cifar10Records"/> reads the bytes, this wraps them.</summary>
public static class Cifar10Binary
{
    public const string DatasetName = Cifar10Records.DatasetName;

    /// <summary>
    /// Loads <paramref name="split"/> from <paramref name="directory"/>, which may be the
    /// <c>cifar-10-batches-bin</c> folder itself or the folder that contains it.
    /// </summary>
    /// <param name="limit">When positive, only the first <paramref name="limit"/> records are read.</param>
    /// <param name="layout">The expected layout; <see cref="Cifar10Layout.Official"/> when null.</param>
    /// <exception cref="DatasetFormatException">A file is missing, has the wrong size, or holds a label outside 0..9.</exception>
    public static ImageDataset Load(string directory, DatasetSplit split, int limit = 0, Cifar10Layout? layout = null) =>
        ImageDataset.From(Cifar10Records.Read(directory, split, limit, layout));
}
