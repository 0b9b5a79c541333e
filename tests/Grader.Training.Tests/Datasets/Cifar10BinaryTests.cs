using Grader.Datasets;
using Grader.Training.Datasets;
using TorchSharp;

namespace Grader.Training.Tests.Datasets;

public sealed class Cifar10BinaryTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly IReadOnlyDictionary<string, byte[]> _batches = Cifar10TestData.Batches();
    private readonly Cifar10Layout _layout = Cifar10TestData.Layout;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_GoodTrainFiles_RoundTripsEveryPixelAndLabel()
    {
        Cifar10TestData.WriteBatches(_temp.Path, _batches);

        using var data = Cifar10Binary.Load(_temp.Path, DatasetSplit.Train, layout: _layout);

        var records = _layout.TrainFiles.SelectMany(name => Records(_batches[name])).ToArray();
        Assert.Equal("cifar10", data.Name);
        Assert.Equal(10, data.ClassCount);
        Assert.Equal(new long[] { 100, 3, 32, 32 }, data.Images.shape);
        Assert.Equal(torch.ScalarType.Byte, data.Images.dtype);
        Assert.Equal(new long[] { 100 }, data.Labels.shape);
        Assert.Equal(torch.ScalarType.Int64, data.Labels.dtype);
        Assert.Equal(records.Select(r => (long)r[0]).ToArray(), data.Labels.data<long>().ToArray());
        Assert.Equal(records.SelectMany(r => r[1..]).ToArray(), data.Images.data<byte>().ToArray());
    }

    [Fact]
    public void Load_GoodFile_MapsBytesToChannelRowColumn()
    {
        var folder = Cifar10TestData.WriteBatches(_temp.Path, _batches);

        using var data = Cifar10Binary.Load(folder, DatasetSplit.Test, layout: _layout);

        // Record 3 of the test batch: green plane (channel 1), row 5, column 7.
        var record = Records(_batches["test_batch.bin"])[3];
        Assert.Equal(record[1 + 1024 + 5 * 32 + 7], data.Images[3, 1, 5, 7].item<byte>());
        Assert.Equal(record[0], data.Labels[3].item<long>());
        Assert.Equal(_layout.RecordsPerBatch, data.Count);
    }

    [Fact]
    public void Load_LimitAcrossFiles_ReadsFirstRecordsInOrder()
    {
        Cifar10TestData.WriteBatches(_temp.Path, _batches);

        using var data = Cifar10Binary.Load(_temp.Path, DatasetSplit.Train, limit: 25, layout: _layout);

        var expected = Records(_batches["data_batch_1.bin"]).Concat(Records(_batches["data_batch_2.bin"]).Take(5)).ToArray();
        Assert.Equal(25, data.Count);
        Assert.Equal(expected.Select(r => (long)r[0]).ToArray(), data.Labels.data<long>().ToArray());
        Assert.Equal(expected.SelectMany(r => r[1..]).ToArray(), data.Images.data<byte>().ToArray());
    }

    [Fact]
    public void Load_TruncatedFile_ThrowsWithExpectedAndActualBytes()
    {
        var folder = Cifar10TestData.WriteBatches(_temp.Path, _batches);
        var path = Path.Combine(folder, "data_batch_3.bin");
        File.WriteAllBytes(path, _batches["data_batch_3.bin"][..^100]);

        var error = Assert.Throws<DatasetFormatException>(() => Cifar10Binary.Load(_temp.Path, DatasetSplit.Train, limit: 1, layout: _layout));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains($"has {_layout.BatchFileBytes - 100} bytes, expected {_layout.BatchFileBytes}", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WholeRecordsButWrongCount_ThrowsWrongRecordCount()
    {
        var folder = Cifar10TestData.WriteBatches(_temp.Path, _batches);
        File.WriteAllBytes(Path.Combine(folder, "test_batch.bin"), Cifar10TestData.Batch(_layout.RecordsPerBatch + 1, seed: 9));

        var error = Assert.Throws<DatasetFormatException>(() => Cifar10Binary.Load(folder, DatasetSplit.Test, layout: _layout));

        Assert.Contains($"expected {_layout.BatchFileBytes} ({_layout.RecordsPerBatch} records of 3073 bytes): wrong record count", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OfficialLayoutOnSmallFiles_RejectsThem()
    {
        Cifar10TestData.WriteBatches(_temp.Path, _batches);

        var error = Assert.Throws<DatasetFormatException>(() => Cifar10Binary.Load(_temp.Path, DatasetSplit.Test));

        Assert.Contains("expected 30730000 (10000 records", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LabelOutOfRange_ThrowsNamingRecordAndLabel()
    {
        var folder = Cifar10TestData.WriteBatches(_temp.Path, _batches);
        var bytes = _batches["test_batch.bin"].ToArray();
        bytes[4 * Cifar10Layout.RecordBytes] = 10;
        File.WriteAllBytes(Path.Combine(folder, "test_batch.bin"), bytes);

        var error = Assert.Throws<DatasetFormatException>(() => Cifar10Binary.Load(folder, DatasetSplit.Test, layout: _layout));

        Assert.Contains("record 4: label 10 is outside 0..9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingFile()
    {
        var folder = Cifar10TestData.WriteBatches(_temp.Path, _batches);
        File.Delete(Path.Combine(folder, "data_batch_5.bin"));

        var error = Assert.Throws<DatasetFormatException>(() => Cifar10Binary.Load(_temp.Path, DatasetSplit.Train, layout: _layout));

        Assert.Contains($"CIFAR-10 file missing: {Path.Combine(folder, "data_batch_5.bin")}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NegativeLimit_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cifar10Binary.Load(_temp.Path, DatasetSplit.Train, limit: -1));
    }

    private static byte[][] Records(byte[] batch) => batch.Chunk(Cifar10Layout.RecordBytes).ToArray();
}
