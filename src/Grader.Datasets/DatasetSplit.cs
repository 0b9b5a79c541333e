namespace Grader.Datasets;

/// <summary>Which half of a dataset: the images a model learns from, or the held-out images it is judged on.</summary>
public enum DatasetSplit
{
    Train,
    Test,
}
