namespace Grader.Cli.Client;

/// <summary>The "Client" section: which server the client commands (<c>submit</c>, <c>progress</c>) call, and as whom.</summary>
public sealed class ClientOptions
{
    public const string SectionName = "Client";

    /// <summary>The server's address (<c>--server</c>).</summary>
    public string Server { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The API key (<c>--key</c>, or GRADER_Client__Key so it stays out of shell history).</summary>
    public string Key { get; set; } = "";

    /// <summary>The course (<c>--course</c>); empty: the only course the key can see.</summary>
    public string Course { get; set; } = "";
}
