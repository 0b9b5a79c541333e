namespace Grader.Server.Hosting;

/// <summary>What one <c>grader serve</c> process does; several processes share one database to scale out.</summary>
public enum ServerRole
{
    /// <summary>API, dashboard and grading jobs in one process (the embedded default).</summary>
    All,

    /// <summary>The gRPC API and the dashboard; enqueues jobs but runs none.</summary>
    Api,

    /// <summary>Runs grading jobs from the shared queue; serves only gRPC health.</summary>
    Worker,
}
