namespace Ravi.Sdk.Otp;

/// <summary>The one way a message source collects the ids of the unread conversations or threads worth reading.</summary>
internal static class OtpInboxListing
{
    /// <summary>Enumerates <paramref name="items"/> (every page) and keeps the id of each one <paramref name="keep"/> accepts.</summary>
    public static async Task<List<string>> IdsAsync<TItem>(IAsyncEnumerable<TItem> items, Func<TItem, bool> keep, Func<TItem, string> id)
    {
        var ids = new List<string>();
        await foreach (var item in items.ConfigureAwait(false))
        {
            if (keep(item))
            {
                ids.Add(id(item));
            }
        }

        return ids;
    }
}
