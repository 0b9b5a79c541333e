namespace Grader.Core.Exercises;

/// <summary>The optimizer a recipe trains with.</summary>
public enum OptimizerKind
{
    /// <summary>Adam (<c>adam</c>).</summary>
    Adam,

    /// <summary>Stochastic gradient descent, optionally with momentum (<c>sgd</c>).</summary>
    Sgd,
}
