namespace Grader.Training.Datasets;

/// <summary>Which half of CIFAR-10 to read: the five training batches or the test batch.</summary>
public enum Cifar10Split
{
    Train,
    Test,
}
