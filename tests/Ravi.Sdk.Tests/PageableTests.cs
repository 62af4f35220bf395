using System.Globalization;
using System.Net;
using Ravi.Sdk.Models;
using Ravi.Sdk.Tests.Http.Hostile;

namespace Ravi.Sdk.Tests;

/// <summary>Item 4 of issue 12: lists are <see cref="RaviAsyncPageable{T}"/>: pages, continuation tokens, page size hints.</summary>
public sealed class PageableTests
{
    private const string Messages = "/api/email-messages/";

    /// <summary>Email messages in pages of <c>limit</c> (default 2) over <paramref name="total"/> items, with an X-Request-Id per page.</summary>
    private static HostileServer PagedMessages(int total = 5) => HostileServer.Start(HostileServer.Api, x =>
    {
        var query = Query(x.Request.Target);
        var limit = query.TryGetValue("limit", out var l) ? int.Parse(l, CultureInfo.InvariantCulture) : 2;
        var offset = query.TryGetValue("offset", out var o) ? int.Parse(o, CultureInfo.InvariantCulture) : 0;
        var items = Enumerable.Range(offset + 1, Math.Max(0, Math.Min(limit, total - offset)))
            .Select(i => $$"""{"id":{{i}},"subject":"m{{i}}","is_read":{{(i % 2 == 0 ? "true" : "false")}}}""");
        var next = offset + limit < total ? $"\"{Messages}?limit={limit}&offset={offset + limit}\"" : "null";
        return x.RespondAsync(200, $$"""{"count":{{total}},"next":{{next}},"previous":null,"results":[{{string.Join(",", items)}}]}""",
            ("X-Request-Id", $"req-{offset}"), ("X-Page", $"{offset}"));
    });

    private static Dictionary<string, string> Query(string target)
    {
        var q = target.Contains('?', StringComparison.Ordinal) ? target.Split('?', 2)[1] : "";
        return q.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
    }

    [Fact]
    public async Task Await_foreach_still_reads_every_item_across_pages()
    {
        await using var api = PagedMessages();
        using var client = HostileClients.Create(api);

        var ids = new List<long>();
        await foreach (var m in client.EmailMessages.ListAsync())
        {
            ids.Add(m.Id);
        }

        Assert.Equal([1L, 2, 3, 4, 5], ids);
        Assert.Equal(3, api.Requests.Count);
    }

    [Fact]
    public async Task AsPages_yields_each_page_with_its_values_token_and_response()
    {
        await using var api = PagedMessages();
        using var client = HostileClients.Create(api);

        var pages = await client.EmailMessages.ListAsync().AsPages().ToListAsync();

        Assert.Equal([[1L, 2], [3L, 4], [5L]], pages.Select(p => p.Values.Select(m => m.Id).ToArray()).ToArray());
        Assert.Equal(api.Url(Messages + "?limit=2&offset=2"), pages[0].ContinuationToken);
        Assert.Equal(api.Url(Messages + "?limit=2&offset=4"), pages[1].ContinuationToken);
        Assert.Null(pages[2].ContinuationToken);
        Assert.Equal(["req-0", "req-2", "req-4"], pages.Select(p => p.RawResponse.RequestId ?? "").ToArray());
        Assert.Equal(HttpStatusCode.OK, pages[1].RawResponse.StatusCode);
        Assert.Equal("2", pages[1].RawResponse.GetHeader("x-page"));
        Assert.Equal("application/json", pages[1].RawResponse.GetHeader("Content-Type"));
    }

    [Fact]
    public async Task A_listing_resumes_from_a_continuation_token_without_rereading_earlier_pages()
    {
        await using var api = PagedMessages();
        using var client = HostileClients.Create(api);
        var first = await client.EmailMessages.ListAsync().AsPages().FirstAsync();

        using var other = HostileClients.Create(api); // e.g. another process, later
        var rest = await other.EmailMessages.ListAsync().AsPages(first.ContinuationToken).ToListAsync();

        Assert.Equal([3L, 4, 5], rest.SelectMany(p => p.Values).Select(m => m.Id).ToArray());
        Assert.Equal([Messages, Messages + "?limit=2&offset=2", Messages + "?limit=2&offset=4"], api.Requests.Select(r => r.Target).ToArray());
    }

    [Fact]
    public async Task The_page_size_hint_is_sent_as_limit_on_every_page_and_capped_at_200()
    {
        await using var api = PagedMessages(total: 7);
        using var client = HostileClients.Create(api);

        var pages = await client.EmailMessages.ListAsync().AsPages(pageSizeHint: 3).ToListAsync();
        var capped = await client.EmailMessages.ListAsync().AsPages(pageSizeHint: 5000).ToListAsync();

        Assert.Equal([3, 3, 1], pages.Select(p => p.Values.Count).ToArray());
        Assert.Equal([Messages + "?limit=3", Messages + "?limit=3&offset=3", Messages + "?limit=3&offset=6"], api.Requests.Take(3).Select(r => r.Target).ToArray());
        Assert.Equal(Messages + "?limit=200", api.Requests.Skip(3).Single().Target);
        Assert.Single(capped);
    }

    [Fact]
    public async Task A_page_size_hint_replaces_the_limit_of_a_resumed_page_link()
    {
        await using var api = PagedMessages(total: 6);
        using var client = HostileClients.Create(api);
        var token = (await client.EmailMessages.ListAsync().AsPages().FirstAsync()).ContinuationToken;

        var rest = await client.EmailMessages.ListAsync().AsPages(token, pageSizeHint: 4).ToListAsync();

        Assert.Equal([3L, 4, 5, 6], rest.SelectMany(p => p.Values).Select(m => m.Id).ToArray());
        Assert.Equal(Messages + "?limit=4&offset=2", api.Requests.Last().Target);
    }

    [Fact]
    public async Task A_bare_array_is_one_page_without_a_token_and_ignores_the_size_hint()
    {
        await using var api = HostileServer.Start(HostileServer.Api, x => x.RespondAsync(200, $"[{HostileClients.IdentityJson}]"));
        using var client = HostileClients.Create(api);

        var pages = await client.Identities.ListAsync().AsPages(pageSizeHint: 10).ToListAsync();

        var page = Assert.Single(pages);
        Assert.Single(page.Values);
        Assert.Null(page.ContinuationToken);
        Assert.Equal("/api/identities/", Assert.Single(api.Requests).Target);
    }

    [Fact]
    public async Task The_unread_filter_applies_to_each_page()
    {
        await using var api = PagedMessages();
        using var client = HostileClients.Create(api);

        var pages = await client.EmailMessages.ListAsync(unreadOnly: true).AsPages().ToListAsync();

        Assert.Equal([[1L], [3L], [5L]], pages.Select(p => p.Values.Select(m => m.Id).ToArray()).ToArray());
        Assert.All(api.Requests.Skip(1), r => Assert.Contains("limit=2", r.Target, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("foreign")]
    [InlineData("other-port")]
    [InlineData("other-listing")]
    [InlineData("relative")]
    [InlineData("not-a-url")]
    [InlineData("user-info")]
    public async Task A_token_that_leaves_the_listing_or_the_origin_is_refused_before_any_request(string kind)
    {
        await using var api = PagedMessages();
        await using var foreign = HostileServer.Start(HostileServer.Foreign, x => x.RespondAsync(200, "[]"));
        using var client = HostileClients.Create(api);
        var token = kind switch
        {
            "foreign" => foreign.Url(Messages + "?offset=2"),
            // The API's host on a port it does not listen on (the foreign server's port on 127.0.0.2 may equal the API's).
            "other-port" => new UriBuilder(api.BaseAddress) { Port = api.BaseAddress.Port == 65535 ? 65534 : api.BaseAddress.Port + 1, Path = Messages }.Uri.AbsoluteUri,
            "other-listing" => api.Url("/api/vault/?offset=2"),
            "relative" => Messages + "?offset=2",
            "not-a-url" => "page-2",
            _ => new UriBuilder(api.Url(Messages + "?offset=2")) { UserName = "me", Password = "pw" }.Uri.AbsoluteUri,
        };

        var ex = Assert.ThrowsAny<ArgumentException>(() => client.EmailMessages.ListAsync().AsPages(token));

        Assert.Equal("continuationToken", ex.ParamName);
        Assert.Empty(api.Requests);
        Assert.Empty(foreign.Requests);
    }

    [Fact]
    public async Task A_resumed_listing_is_capped_at_MaxPages_and_the_limit_error_resumes_it()
    {
        await using var api = PagedMessages(total: 100);
        using var client = HostileClients.Create(api, o => o.MaxPages = 2);
        var start = (await client.EmailMessages.ListAsync().AsPages().FirstAsync()).ContinuationToken;
        var seen = new List<long>();

        var ex = await HostileClients.Failure(async () =>
        {
            await foreach (var page in client.EmailMessages.ListAsync().AsPages(start))
            {
                seen.AddRange(page.Values.Select(m => m.Id));
            }
        });

        var cap = Assert.IsType<RaviPageLimitException>(ex);
        Assert.Equal([3L, 4, 5, 6], seen);
        Assert.Equal(api.Url(Messages + "?limit=2&offset=6"), cap.ContinuationToken);
        var next = await client.EmailMessages.ListAsync().AsPages(cap.ContinuationToken).FirstAsync();
        Assert.Equal([7L, 8], next.Values.Select(m => m.Id).ToArray());
    }

    [Fact]
    public async Task The_token_given_to_the_list_cancels_its_pages()
    {
        await using var api = PagedMessages();
        using var client = HostileClients.Create(api);
        using var cts = new CancellationTokenSource();

        var ex = await HostileClients.Failure(async () =>
        {
            await foreach (var page in client.EmailMessages.ListAsync(cancellationToken: cts.Token).AsPages())
            {
                await cts.CancelAsync();
            }
        });

        Assert.IsAssignableFrom<OperationCanceledException>(ex);
        Assert.Single(api.Requests);
    }

    [Fact]
    public void A_page_size_hint_must_be_positive()
    {
        using var client = new RaviClient(new RaviClientOptions { AccessToken = "ravi_id_x", UseCliConfiguration = false });

        Assert.Throws<ArgumentOutOfRangeException>(() => client.EmailMessages.ListAsync().AsPages(pageSizeHint: 0));
    }

    [Fact]
    public async Task Fakes_build_lists_from_pages_and_resume_after_a_page_token()
    {
        var ok = new RaviResponse(HttpStatusCode.OK);
        var list = RaviAsyncPageable.FromPages([
            new RaviPage<string>(["a", "b"], "t1", ok),
            new RaviPage<string>(["c"], "t2", ok),
            new RaviPage<string>(["d"], null, ok),
        ]);

        Assert.Equal(["a", "b", "c", "d"], await list.ToListAsync());
        Assert.Equal(["c", "d"], await list.AsPages("t1").SelectMany(p => p.Values.ToAsyncEnumerable()).ToListAsync());
        Assert.Throws<ArgumentException>(() => list.AsPages("nope"));
        Assert.Equal(["x"], await RaviAsyncPageable.FromValues(["x"]).ToListAsync());
    }

    [Fact]
    public async Task Totp_enrolments_page_along_the_vault_pages()
    {
        await using var api = HostileServer.Start(HostileServer.Api, x => x.Request.Path == "/api/vault/"
            ? x.RespondAsync(200, """[{"uuid":"3f2b8c1e-3333-4222-8333-944455556666","key":"NOT_TOTP","value":null}]""", ("X-Request-Id", "vault-page"))
            : x.RespondAsync(404, """{"detail":"no"}"""));
        using var client = HostileClients.Create(api);

        var pages = await client.ForIdentity(HostileClients.Identity).Totp.ListAsync().AsPages().ToListAsync();

        var page = Assert.Single(pages);
        Assert.Empty(page.Values);
        Assert.Equal("vault-page", page.RawResponse.RequestId);
    }

    [Fact]
    public async Task Every_list_of_the_surface_is_pageable()
    {
        var lists = typeof(RaviClient).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly))
            .Where(m => m.Name.StartsWith("List", StringComparison.Ordinal) && m.Name.EndsWith("Async", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(lists);
        Assert.All(lists, m => Assert.True(
            m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(RaviAsyncPageable<>),
            $"{m.DeclaringType!.Name}.{m.Name} returns {m.ReturnType.Name}"));
        await Task.CompletedTask;
    }
}
