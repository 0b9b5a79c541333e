using System.Runtime.CompilerServices;

// The benchmark times the launch chain itself (bench/Grader.Bench/SandboxOverhead.cs), without a job.
[assembly: InternalsVisibleTo("Grader.Bench")]
