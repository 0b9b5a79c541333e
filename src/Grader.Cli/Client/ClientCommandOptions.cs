using System.CommandLine;
using Grader.Cli.Configuration;
using Microsoft.Extensions.Configuration;

namespace Grader.Cli.Client;

/// <summary>The options every client command shares: <c>--server</c>, <c>--key</c>, <c>--course</c>.</summary>
public sealed class ClientCommandOptions
{
    public Option<string?> Server { get; } = new("--server") { Description = "Server address (default: Client:Server, http://127.0.0.1:5080)" };

    public Option<string?> Key { get; } = new("--key") { Description = "API key (default: Client:Key, e.g. GRADER_Client__Key)" };

    public Option<string?> Course { get; } = new("--course") { Description = "Course id (default: Client:Course, or the only course the key sees)" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Server);
        command.Options.Add(Key);
        command.Options.Add(Course);
    }

    /// <summary>Configuration with the command line on top, bound to <see cref="ClientOptions"/>.</summary>
    public ClientOptions Resolve(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(Server) is { } server) overrides[$"{ClientOptions.SectionName}:Server"] = server;
        if (parse.GetValue(Key) is { } key) overrides[$"{ClientOptions.SectionName}:Key"] = key;
        if (parse.GetValue(Course) is { } course) overrides[$"{ClientOptions.SectionName}:Course"] = course;
        var options = CliHost.BuildConfiguration(overrides).GetSection(ClientOptions.SectionName).Get<ClientOptions>() ?? new ClientOptions();
        if (options.Key.Length == 0) throw new CliException("no API key: pass --key or set GRADER_Client__Key (grader keys create makes one)");
        if (!Uri.TryCreate(options.Server, UriKind.Absolute, out _)) throw new CliException($"'{options.Server}' is not a server address such as http://127.0.0.1:5080");
        return options;
    }

    public static GraderClient Connect(ClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new GraderClient(new Uri(options.Server), options.Key);
    }
}
