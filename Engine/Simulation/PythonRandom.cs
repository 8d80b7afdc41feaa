namespace Tau2Observe.Engine.Simulation;

/// <summary>
/// CPython's <c>random.Random</c> for what tau2 uses: seeding from an int (MT19937
/// <c>init_by_array</c>) and <c>randint</c>, so per-trial seeds equal tau2's for the same run seed.
/// </summary>
public sealed class PythonRandom
{
    private const int N = 624, M = 397;
    private readonly uint[] _mt = new uint[N];
    private int _index = N + 1;

    public PythonRandom(long seed)
    {
        ulong key = (ulong)Math.Abs(seed);
        var words = new List<uint>();
        do { words.Add((uint)(key & 0xFFFFFFFF)); key >>= 32; } while (key != 0);
        InitByArray(words.ToArray());
    }

    private void InitGenRand(uint s)
    {
        _mt[0] = s;
        for (int i = 1; i < N; i++) _mt[i] = 1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i;
        _index = N;
    }

    private void InitByArray(uint[] key)
    {
        InitGenRand(19650218u);
        int i = 1, j = 0;
        for (int k = Math.Max(N, key.Length); k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint)j;
            i++; j++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
            if (j >= key.Length) j = 0;
        }
        for (int k = N - 1; k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1566083941u)) - (uint)i;
            i++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
        }
        _mt[0] = 0x80000000u;
    }

    private uint NextUInt32()
    {
        if (_index >= N)
        {
            for (int k = 0; k < N; k++)
            {
                uint y = (_mt[k] & 0x80000000u) | (_mt[(k + 1) % N] & 0x7fffffffu);
                _mt[k] = _mt[(k + M) % N] ^ (y >> 1) ^ ((y & 1) != 0 ? 0x9908b0dfu : 0u);
            }
            _index = 0;
        }
        uint x = _mt[_index++];
        x ^= x >> 11;
        x ^= (x << 7) & 0x9d2c5680u;
        x ^= (x << 15) & 0xefc60000u;
        x ^= x >> 18;
        return x;
    }

    /// <summary><c>random.randint(a, b)</c> (inclusive), via CPython's rejection sampling on <c>getrandbits</c>.</summary>
    public long RandInt(long a, long b)
    {
        ulong n = (ulong)(b - a + 1);
        int bits = 64 - System.Numerics.BitOperations.LeadingZeroCount(n);
        if (bits > 32) throw new NotSupportedException("ranges wider than 32 bits are not needed here");
        ulong r;
        do { r = NextUInt32() >> (32 - bits); } while (r >= n);
        return a + (long)r;
    }

    /// <summary>tau2's per-trial seeds: one <c>randint(0, 1000000)</c> per trial from the run seed.</summary>
    public static IReadOnlyList<long> TrialSeeds(long runSeed, int trials)
    {
        var rng = new PythonRandom(runSeed);
        return Enumerable.Range(0, trials).Select(_ => rng.RandInt(0, 1_000_000)).ToList();
    }
}
