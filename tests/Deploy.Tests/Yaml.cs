using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tau2Observe.Deploy.Tests;

/// <summary>Small helpers over YamlDotNet's representation model. Merge keys (&lt;&lt;: *anchor) are resolved.</summary>
public static class Yaml
{
    public static IReadOnlyList<YamlMappingNode> LoadDocuments(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(reader)));
        return stream.Documents
            .Select(d => d.RootNode)
            .Where(n => n is not YamlScalarNode { Value: null or "" })
            .Select(n => n as YamlMappingNode ?? throw new InvalidDataException($"{path}: a document is not a mapping"))
            .ToList();
    }

    public static YamlMappingNode LoadSingle(string path) => LoadDocuments(path) switch
    {
        [var only] => only,
        var docs => throw new InvalidDataException($"{path}: expected one document, found {docs.Count}"),
    };

    public static YamlNode? Get(this YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlNode? At(this YamlNode? node, params string[] path)
    {
        foreach (var key in path) node = node.Get(key);
        return node;
    }

    public static string? Str(this YamlNode? node) => (node as YamlScalarNode)?.Value;

    public static YamlMappingNode Map(this YamlNode? node, string what) =>
        node as YamlMappingNode ?? throw new InvalidDataException($"{what} is not a mapping");

    public static IEnumerable<YamlNode> Items(this YamlNode? node) =>
        node is YamlSequenceNode seq ? seq.Children : [];

    public static IEnumerable<(string Key, YamlNode Value)> Entries(this YamlNode? node) =>
        node is YamlMappingNode map ? map.Children.Select(kv => (((YamlScalarNode)kv.Key).Value!, kv.Value)) : [];

    /// <summary>Every scalar in a tree, with a dotted path for messages.</summary>
    public static IEnumerable<(string Path, string Value)> Scalars(this YamlNode node, string path = "")
    {
        switch (node)
        {
            case YamlScalarNode s when s.Value is not null:
                yield return (path, s.Value);
                break;
            case YamlMappingNode m:
                foreach (var (k, v) in m.Children)
                    foreach (var x in Scalars(v, path + "." + (k as YamlScalarNode)?.Value)) yield return x;
                break;
            case YamlSequenceNode q:
                for (var i = 0; i < q.Children.Count; i++)
                    foreach (var x in Scalars(q.Children[i], $"{path}[{i}]")) yield return x;
                break;
        }
    }
}
