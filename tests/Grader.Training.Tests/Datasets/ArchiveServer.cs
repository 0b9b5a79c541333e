using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Grader.Training.Tests.Datasets;

/// <summary>
/// Serves one file over HTTP on 127.0.0.1 with Range support, and misbehaves on request: cuts
/// responses off half way, ignores Range, or answers with an error status.
/// </summary>
internal sealed class ArchiveServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;

    public ArchiveServer(byte[] content)
    {
        Content = content;
        (_listener, Url) = StartOnFreePort();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>The bytes served; may be swapped between requests.</summary>
    public byte[] Content { get; set; }

    /// <summary>How many of the next responses send only half their body and then drop the connection.</summary>
    public int TruncateNext { get; set; }

    /// <summary>When set, Range headers are ignored and the whole file is sent with 200.</summary>
    public bool IgnoreRange { get; set; }

    /// <summary>When set, every request is answered with this status and no body.</summary>
    public HttpStatusCode? FailWith { get; set; }

    /// <summary>The Range header of each request received (null when absent), in order.</summary>
    public ConcurrentQueue<string?> Requests { get; } = new();

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends by the listener's disposal; how it ends does not matter here.
        }
    }

    private static (HttpListener, Uri) StartOnFreePort()
    {
        for (var attempt = 0; ; attempt++)
        {
            // HttpListener cannot bind port 0, so borrow a free port from the OS first.
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var url = new Uri($"http://127.0.0.1:{port}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(url.ToString());
            try
            {
                listener.Start();
                return (listener, new Uri(url, "cifar-10-binary.tar.gz"));
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            try
            {
                await RespondAsync(context).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The client went away mid-response; the next request is served normally.
            }
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        var range = context.Request.Headers["Range"];
        Requests.Enqueue(range);
        var response = context.Response;
        if (FailWith is { } status)
        {
            response.StatusCode = (int)status;
            response.Close();
            return;
        }

        var content = Content;
        long from = 0;
        if (range is not null && !IgnoreRange)
        {
            from = long.Parse(range["bytes=".Length..].TrimEnd('-'), CultureInfo.InvariantCulture);
            if (from >= content.Length)
            {
                response.StatusCode = (int)HttpStatusCode.RequestedRangeNotSatisfiable;
                response.Close();
                return;
            }
            response.StatusCode = (int)HttpStatusCode.PartialContent;
            response.AddHeader("Content-Range", $"bytes {from}-{content.Length - 1}/{content.Length}");
        }

        var body = content.AsMemory((int)from);
        response.ContentLength64 = body.Length;
        if (TruncateNext > 0)
        {
            TruncateNext--;
            await response.OutputStream.WriteAsync(body[..(body.Length / 2)]).ConfigureAwait(false);
            await response.OutputStream.FlushAsync().ConfigureAwait(false);
            response.Abort();
            return;
        }
        await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
        response.Close();
    }
}
