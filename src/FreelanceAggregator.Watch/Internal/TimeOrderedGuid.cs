namespace FreelanceAggregator.Watch;

/// <summary>
/// RFC 9562 version 7 UUIDs: the time in milliseconds first, then a counter, then random bits. Alert ids made this way
/// sort by when they were made (strictly, within one process: the counter orders ids of one millisecond, and a clock
/// that steps back does not make an id sort before an earlier one), so the outbox hands alerts out in the order they
/// were recorded and its index grows at one end. The random part only keeps ids apart (an id is no secret), so it
/// comes from <see cref="Random.Shared"/>: a system call for secure random bytes per alert cost more than the rest.
/// </summary>
internal static class TimeOrderedGuid
{
    private const int MaxCounter = 0xFFF;

    private static readonly object Gate = new();
    private static long _lastMilliseconds;
    private static int _counter;

    public static Guid Create(DateTimeOffset now)
    {
        long milliseconds;
        int counter;
        lock (Gate)
        {
            milliseconds = now.ToUnixTimeMilliseconds();
            if (milliseconds > _lastMilliseconds)
            {
                _counter = 0;
            }
            else
            {
                // RFC 9562 section 6.2, method 1: a 12-bit counter in rand_a; when it runs out, borrow the next millisecond.
                milliseconds = _lastMilliseconds;
                if (++_counter > MaxCounter)
                {
                    milliseconds++;
                    _counter = 0;
                }
            }

            _lastMilliseconds = milliseconds;
            counter = _counter;
        }

        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[8..]);
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)milliseconds;
            milliseconds >>= 8;
        }

        bytes[6] = (byte)(0x70 | (counter >> 8));
        bytes[7] = (byte)counter;
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
