using System.Net;
using System.Net.Sockets;
using System.Text;
using Ravi.Sdk.Http;
using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Support;

namespace Ravi.Sdk.Tests.Http.Resilience;

/// <summary>The POST retry rules against real sockets: what .NET reports for a refused connection vs. a dropped one.</summary>
public sealed class RealSocketTests
{
    private static ComposeEmailRequest Email => new() { To = "someone@example.com", Subject = "s", Body = "b" };

    private static RaviClient Client(Uri baseAddress, HttpMessageHandler transport)
    {
        var options = TestClients.Options(TimeProvider.System, "ravi_id_key");
        options.BaseAddress = baseAddress;
        options.MaxRetries = 2;
        options.AttemptTimeout = TimeSpan.FromSeconds(10);
        return TestClients.Create(options, transport).ForIdentity(TestClients.Identity);
    }

    [Fact]
    public async Task Post_to_a_refused_port_is_retried_because_nothing_was_sent()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop(); // nothing listens there now
        using var counter = new CountingHandler(RaviTransport.CreateDefault());

        var failure = await Assert.ThrowsAsync<RaviConnectionException>(() => Client(new Uri($"http://127.0.0.1:{port}/"), counter).EmailMessages.ComposeAsync(Email));

        var ex = Assert.IsType<HttpRequestException>(failure.InnerException);
        Assert.Equal(HttpRequestError.ConnectionError, ex.HttpRequestError);
        Assert.True(RaviRetryClassifier.FailedBeforeSending(ex));
        Assert.Equal(3, counter.Attempts);
        Assert.Equal(3, failure.Attempts);
    }

    [Fact]
    public async Task Post_whose_connection_drops_after_sending_is_not_retried()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = 0;
        using var stop = new CancellationTokenSource();
        var server = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var socket = await listener.AcceptSocketAsync(stop.Token);
                Interlocked.Increment(ref accepted);
                var buffer = new byte[8192];
                var received = new StringBuilder();
                while (!received.ToString().Contains("\"b\"", StringComparison.Ordinal)) // read the whole request, body included
                {
                    var n = await socket.ReceiveAsync(buffer, stop.Token);
                    if (n == 0)
                    {
                        break;
                    }

                    received.Append(Encoding.UTF8.GetString(buffer, 0, n));
                }

                socket.Close(); // the email "was sent", then the connection died before any response
            }
        });
        using var counter = new CountingHandler(RaviTransport.CreateDefault());

        try
        {
            var failure = await Assert.ThrowsAsync<RaviConnectionException>(() => Client(new Uri($"http://127.0.0.1:{port}/"), counter).EmailMessages.ComposeAsync(Email));

            var ex = Assert.IsType<HttpRequestException>(failure.InnerException);
            Assert.False(RaviRetryClassifier.FailedBeforeSending(ex));
            Assert.Equal(1, failure.Attempts);
            Assert.Equal(1, counter.Attempts);
            Assert.Equal(1, Volatile.Read(ref accepted));
        }
        finally
        {
            await stop.CancelAsync();
            listener.Stop();
            await Task.WhenAny(server, Task.Delay(1000));
        }
    }

    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
