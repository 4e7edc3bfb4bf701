using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FreelanceAggregator.Testing;

/// <summary>How <see cref="DroppingTestServer"/> drops a connection.</summary>
public enum ConnectionDrop
{
    /// <summary>Read the request, then close the connection without answering.</summary>
    BeforeAnswering,

    /// <summary>Send the status and headers of an answer (with its full length), half of its body, then close.</summary>
    MidAnswer,

    /// <summary>Send the status and headers at once, then the body one byte every 200 ms: a site that stalls without closing.</summary>
    Trickle,
}

/// <summary>
/// A loopback HTTP server that drops every connection, for the one fault WireMock.Net cannot make: its
/// <c>EMPTY_RESPONSE</c> fault is a 200 with an empty body, and its <c>MALFORMED_RESPONSE_CHUNK</c> a complete answer
/// with random bytes in it, whereas here the connection really breaks.
/// </summary>
public sealed class DroppingTestServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly ConnectionDrop _drop;
    private readonly byte[] _body;
    private readonly string _contentType;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    /// <summary>Initializes a new instance and starts listening on a free loopback port.</summary>
    /// <param name="drop">How to drop each connection.</param>
    /// <param name="body">The answer whose first half is sent before a drop <see cref="ConnectionDrop.MidAnswer"/>.</param>
    /// <param name="contentType">The answer's content type.</param>
    public DroppingTestServer(ConnectionDrop drop, string body = "", string contentType = "text/html; charset=utf-8")
    {
        ArgumentNullException.ThrowIfNull(body);
        _drop = drop;
        _body = Encoding.UTF8.GetBytes(body);
        _contentType = contentType;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>Gets the server's base address, with a trailing slash.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>Gets how many connections were accepted (and dropped).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <inheritdoc/>
    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends with the listener; how it ends does not matter to a test that is over.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => DropAsync(client));
        }
    }

    private async Task DropAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                await ReadRequestAsync(stream).ConfigureAwait(false);
                if (_drop == ConnectionDrop.Trickle)
                {
                    var head = $"HTTP/1.1 200 OK\r\nContent-Type: {_contentType}\r\nContent-Length: {_body.Length.ToString(CultureInfo.InvariantCulture)}\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token).ConfigureAwait(false);
                    for (var i = 0; i < _body.Length; i++)
                    {
                        await stream.WriteAsync(_body.AsMemory(i, 1), _stop.Token).ConfigureAwait(false);
                        await stream.FlushAsync(_stop.Token).ConfigureAwait(false);
                        await Task.Delay(200, _stop.Token).ConfigureAwait(false);
                    }
                }
                else if (_drop == ConnectionDrop.MidAnswer)
                {
                    var head = $"HTTP/1.1 200 OK\r\nContent-Type: {_contentType}\r\nContent-Length: {_body.Length.ToString(CultureInfo.InvariantCulture)}\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token).ConfigureAwait(false);
                    await stream.WriteAsync(_body.AsMemory(0, _body.Length / 2), _stop.Token).ConfigureAwait(false);
                    await stream.FlushAsync(_stop.Token).ConfigureAwait(false);
                }

                // Abort rather than close gracefully: the client sees the connection break, as when a site's server dies.
                client.Client.LingerState = new LingerOption(true, 0);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client may give up first; the connection is dropped either way.
            }
        }
    }

    // Reads the request line, the headers and a body of the declared length, so that a POST is fully sent before the drop.
    private async Task ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new byte[16 * 1024];
        var received = new List<byte>();
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        var headers = Encoding.ASCII.GetString([.. received.Take(headerEnd)]);
        var length = headers.Split("\r\n")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(parts => int.Parse(parts[1].Trim(), CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var bodyReceived = received.Count - headerEnd - 4;
        while (bodyReceived < length)
        {
            var read = await stream.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            bodyReceived += read;
        }
    }

    private static int IndexOfHeaderEnd(List<byte> bytes)
    {
        for (var i = 3; i < bytes.Count; i++)
        {
            if (bytes[i - 3] == '\r' && bytes[i - 2] == '\n' && bytes[i - 1] == '\r' && bytes[i] == '\n')
            {
                return i - 3;
            }
        }

        return -1;
    }
}
