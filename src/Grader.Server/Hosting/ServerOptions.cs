namespace Grader.Server.Hosting;

/// <summary>The "Server" section: where <c>grader serve</c> listens and what it runs.</summary>
public sealed class ServerOptions
{
    public const string SectionName = "Server";

    /// <summary>
    /// <c>host:port</c> for gRPC (cleartext HTTP/2). Loopback by default: put TLS in front (a reverse proxy)
    /// before exposing it. Port 0 picks a free port.
    /// </summary>
    public string Listen { get; set; } = "127.0.0.1:5080";

    /// <summary>
    /// <c>host:port</c> for the dashboard (HTTP/1.1, for browsers), api and all roles. A port of its own because
    /// Kestrel speaks cleartext HTTP/2 only on endpoints that speak nothing else. Empty: no dashboard.
    /// </summary>
    public string DashboardListen { get; set; } = "127.0.0.1:5081";

    /// <summary>What this process runs (<c>--role</c>).</summary>
    public ServerRole Role { get; set; } = ServerRole.All;

    /// <summary>Grading jobs this process runs at once (worker and all roles). Each trains on the CPU, so 1 on small machines.</summary>
    public int Workers { get; set; } = 1;

    /// <summary>Where the Hangfire dashboard is served (api and all roles); it requires an admin key.</summary>
    public string DashboardPath { get; set; } = "/hangfire";

    /// <summary>Whether <see cref="Role"/> serves the gRPC API and the dashboard.</summary>
    public bool ServesApi => Role is ServerRole.All or ServerRole.Api;

    /// <summary>Whether <see cref="Role"/> runs grading jobs.</summary>
    public bool RunsJobs => Role is ServerRole.All or ServerRole.Worker;
}
