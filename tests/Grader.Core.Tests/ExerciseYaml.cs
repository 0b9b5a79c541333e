namespace Grader.Core.Tests;

/// <summary>A small valid exercise file and a way to break one part of it per test.</summary>
internal static class ExerciseYaml
{
    public const string Valid = """
        id: demo
        version: 2
        title: Demo exercise
        lesson: 01-demo
        xp: 50
        grader: demo-grader
        profiles:
          quick:
            dataset: synthetic
            device: cpu
            recipe:
              optimizer: sgd
              learning_rate: 0.01
              batch_size: 32
              epochs: 2
              time_limit_seconds: 10
              momentum: 0.9
            limits:
              wall_clock_seconds: 20
              memory_mb: 1024
          full:
            dataset: cifar10
            device: cuda-preferred
            recipe:
              optimizer: adam
              learning_rate: 0.001
              batch_size: 128
              epochs: 3
              train_limit: 100
              test_limit: 50
              time_limit_seconds: 60
              weight_decay: 0.0001
            limits:
              wall_clock_seconds: 120
              memory_mb: 2048
        criteria:
          - id: gap
            title: Gap
            expression: b.score - a.score
            comparison: ">="
            threshold:
              synthetic: 0.1
              cifar10: 0.2
            points: 30
            feedback:
              pass: gap {measured} meets {threshold}
              fail: gap {measured} is below {threshold}
          - id: small
            title: Small
            kind: measure
            expression: a.size
            comparison: "<"
            threshold: 100
            points: 20
            visibility: after_due
            feedback:
              pass: ok
              fail: too big
        submission_limits:
          count: 5
          window: 2h
          cooldown: 1m
        """;

    /// <summary><see cref="Valid"/> with one exact piece of text replaced (the piece must occur once).</summary>
    public static string With(string find, string replace)
    {
        var at = Valid.IndexOf(find, StringComparison.Ordinal);
        if (at < 0 || Valid.IndexOf(find, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"'{find}' must occur exactly once in the sample exercise.", nameof(find));
        }

        return string.Concat(Valid.AsSpan(0, at), replace, Valid.AsSpan(at + find.Length));
    }
}
