using System.Net;

namespace Ravi.Sdk;

/// <summary>Builds <see cref="RaviAsyncPageable{T}"/> lists from values, for fakes and tests.</summary>
public static class RaviAsyncPageable
{
    /// <summary>A list made of the given pages. A page's continuation token resumes after that page.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="pages">The pages, in order.</param>
    /// <returns>The list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pages"/> is null.</exception>
    public static RaviAsyncPageable<T> FromPages<T>(IEnumerable<RaviPage<T>> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return new RaviAsyncPageable<T>.StaticPageable([.. pages]);
    }

    /// <summary>A one-page list of the given values with a 200 response.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="values">The items.</param>
    /// <returns>The list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public static RaviAsyncPageable<T> FromValues<T>(IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new RaviAsyncPageable<T>.StaticPageable([new RaviPage<T>([.. values], null, new RaviResponse(HttpStatusCode.OK))]);
    }
}
