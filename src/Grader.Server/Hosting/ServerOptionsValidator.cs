using Microsoft.Extensions.Options;

namespace Grader.Server.Hosting;

/// <summary>Checks <see cref="ServerOptions"/> at start, so a typo fails with its setting's name rather than at the first call.</summary>
public sealed class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!ListenAddress.TryParse(options.Listen, out _))
            failures.Add($"Server:Listen must be host:port with an IP address or 'localhost' and a port 0-65535 (got '{options.Listen}').");
        if (options.DashboardListen.Length > 0 && !ListenAddress.TryParse(options.DashboardListen, out _))
            failures.Add($"Server:DashboardListen must be empty or host:port like Server:Listen (got '{options.DashboardListen}').");
        if (!Enum.IsDefined(options.Role))
            failures.Add($"Server:Role must be all, api or worker (got '{options.Role}').");
        if (options.Workers is < 1 or > 64)
            failures.Add($"Server:Workers must be 1-64 (got {options.Workers}).");
        if (!options.DashboardPath.StartsWith('/') || options.DashboardPath.Length < 2 || options.DashboardPath.EndsWith('/'))
            failures.Add($"Server:DashboardPath must start with '/' and not end with one (got '{options.DashboardPath}').");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
