namespace FreelanceAggregator;

internal static class BoundedRead
{
    /// <summary>Reads a whole stream, or returns <see langword="null"/> as soon as it passes <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, long maxBytes, Progress? progress, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
            if (progress is not null)
            {
                progress.Bytes = buffer.Length;
            }
        }
    }

    /// <summary>How much of a body has arrived so far, for the message when the rest does not.</summary>
    public sealed class Progress
    {
        public long Bytes { get; set; }
    }
}
