using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Ravi.Sdk.Tests.Http;

/// <summary>
/// The pager's loop guard (RaviListing keeps the first page without a set and builds one from the second page on): a
/// <c>next</c> link back to a page already read ends the listing after each page was read once, whether it points at the
/// first page, at itself or at a later page.
/// </summary>
public sealed class ListingLoopTests
{
    private const string First = "/api/identities/";

    [Fact]
    public async Task A_next_link_to_the_page_itself_ends_a_one_page_listing()
    {
        using var pages = new PagesHandler { [First] = First };
        using var client = Client(pages);

        var all = await client.Identities.ListAsync().AsPages().ToListAsync();

        var page = Assert.Single(all);
        Assert.Null(page.ContinuationToken);
        Assert.Equal([First], pages.Requested);
    }

    [Fact]
    public async Task A_next_link_back_to_the_first_page_ends_the_listing_after_both_pages()
    {
        using var pages = new PagesHandler { [First] = First + "?page=2", [First + "?page=2"] = First };
        using var client = Client(pages);

        var items = await client.Identities.ListAsync().ToListAsync();

        Assert.Equal(["i-/api/identities/", "i-/api/identities/?page=2"], items.Select(i => i.Name));
        Assert.Equal([First, First + "?page=2"], pages.Requested);
    }

    [Fact]
    public async Task A_next_link_back_to_a_later_page_ends_the_listing_after_each_page_once()
    {
        using var pages = new PagesHandler
        {
            [First] = First + "?page=2",
            [First + "?page=2"] = First + "?page=3",
            [First + "?page=3"] = First + "?page=2",
        };
        using var client = Client(pages);

        var all = await client.Identities.ListAsync().AsPages().ToListAsync();

        Assert.Equal(3, all.Count);
        Assert.Null(all[^1].ContinuationToken);
        Assert.Equal([First, First + "?page=2", First + "?page=3"], pages.Requested);
    }

    private static RaviClient Client(PagesHandler pages) =>
        new(new HttpClient(pages, disposeHandler: false),
            new RaviClientOptions { BaseAddress = PagesHandler.Base, AccessToken = "ravi_mgmt_test_key", UseCliConfiguration = false });

    /// <summary>Answers GET <c>path?query</c> with a one-item page whose <c>next</c> is the mapped link (bounded: 10 requests).</summary>
    private sealed class PagesHandler : HttpMessageHandler, IEnumerable<KeyValuePair<string, string>>
    {
        public static readonly Uri Base = new("http://127.0.0.1:9/");

        private readonly Dictionary<string, string> _next = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<string> _requested = new();

        public string[] Requested => [.. _requested];

        public string this[string page]
        {
            set => _next[page] = value;
        }

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _next.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var page = request.RequestUri!.PathAndQuery;
            _requested.Enqueue(page);
            Assert.True(_requested.Count <= 10, "the listing kept following links");
            var body = $$"""{"count":null,"next":"{{_next[page]}}","previous":null,"results":[{"uuid":"6f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b","name":"i-{{page}}"}]}""";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
                RequestMessage = request,
            });
        }
    }
}
