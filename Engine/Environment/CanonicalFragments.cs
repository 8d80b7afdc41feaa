using System.Runtime.CompilerServices;
using System.Text;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Environment;

/// <summary>
/// Canonical JSON bytes of database records that never change: the records of a pristine database,
/// which environments share until a tool takes its own copy (<see cref="Toolkit.ShallowCopyTables"/>).
/// Hashing a database then costs little more than SHA-256 over its bytes: unchanged records are
/// written once per process, not once per hash.
/// </summary>
public static class CanonicalFragments
{
    private static readonly ConditionalWeakTable<PyRecord, object> FrozenRoots = new();
    private static readonly ConditionalWeakTable<object, Fragment> Fragments = new();

    /// <summary>Declares the records of a pristine root immutable: its record fields, and the entries of its map and list tables.</summary>
    public static void Freeze(PyRecord pristine)
    {
        if (FrozenRoots.TryGetValue(pristine, out _)) return;
        foreach (var (_, value) in pristine)
        {
            switch (value)
            {
                case PyRecord record: Add(record); break;
                case PyDict table: foreach (var (_, entry) in table) Add(entry); break;
                case List<object?> list: foreach (var entry in list) Add(entry); break;
            }
        }
        FrozenRoots.TryAdd(pristine, new object());
    }

    /// <summary>The canonical bytes of <paramref name="value"/> if it is a frozen record.</summary>
    public static byte[]? Find(object value) => Fragments.TryGetValue(value, out var f) ? f.Bytes : null;

    private static void Add(object? entry)
    {
        if (entry is PyDict or List<object?>) Fragments.TryAdd(entry, new Fragment(entry));
    }

    private sealed class Fragment(object value)
    {
        private byte[]? _bytes;

        // computed on first use; a race only computes the same bytes twice
        public byte[] Bytes => _bytes ??= Encoding.UTF8.GetBytes(DbHasher.CanonicalJson(value));
    }
}
