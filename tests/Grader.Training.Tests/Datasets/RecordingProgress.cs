using Grader.Training.Datasets;

namespace Grader.Training.Tests.Datasets;

/// <summary>Records reports synchronously (Progress&lt;T&gt; would post them later, racing the asserts).</summary>
internal sealed class RecordingProgress : IProgress<DownloadProgress>
{
    public List<DownloadProgress> Reports { get; } = [];

    public void Report(DownloadProgress value) => Reports.Add(value);
}
