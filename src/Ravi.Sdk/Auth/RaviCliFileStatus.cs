namespace Ravi.Sdk.Auth;

/// <summary>What reading one of the CLI's files found.</summary>
internal enum RaviCliFileStatus
{
    /// <summary>There is no such file (or directory).</summary>
    Missing,

    /// <summary>A JSON object was read.</summary>
    Ok,

    /// <summary>Empty or not a JSON object, even after waiting briefly for a writer to finish (e.g. a corrupt file).</summary>
    Incomplete,

    /// <summary>It cannot be read: a directory, no permission, an I/O error, or larger than the limit.</summary>
    Unreadable,
}
