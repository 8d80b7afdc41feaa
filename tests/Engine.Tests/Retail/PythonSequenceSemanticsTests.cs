using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Tests.Retail;

/// <summary>The Python built-ins the retail tools apply to unvalidated id lists (PySequence, PyMembership).</summary>
public class PythonSequenceSemanticsTests
{
    private static string Error(Action a) => Assert.Throws<ToolCallException>(a).Message;

    [Fact]
    public void Strings_iterate_and_count_by_character()
    {
        Assert.Equal(["a", "b", "c"], PySequence.Iterate("abc"));
        Assert.Equal(3, PySequence.Len("a\U0001F600c"));
        Assert.Equal(2, PySequence.Count("abab", "ab"));
        Assert.Equal(4, PySequence.Count("abc", ""));
        Assert.Equal(2, PySequence.Count(new List<object?> { 1L, 1.0, "1" }, 1L));
    }

    [Fact]
    public void Wrong_kinds_raise_cpython_errors()
    {
        Assert.Equal("'NoneType' object is not iterable", Error(() => PySequence.Iterate(null).ToList()));
        Assert.Equal("object of type 'float' has no len()", Error(() => PySequence.Len(1.5)));
        Assert.Equal("'dict' object has no attribute 'count'", Error(() => PySequence.Count(new PyDict(), "a")));
        Assert.Equal("must be str, not int", Error(() => PySequence.Count("abc", 1L)));
        Assert.Equal("unhashable type: 'list'", Error(() => PyMembership.InDict(new PyDict(), new List<object?>())));
        Assert.False(PyMembership.InDict(new PyDict { ["1"] = null }, 1L));
    }

    [Fact]
    public void Sorted_orders_by_code_point_and_is_stable()
    {
        Assert.Equal(["B", "a", "b", "\uFFFD", "\U0001F600"], PySequence.Sorted(new List<object?> { "\U0001F600", "b", "\uFFFD", "a", "B" }));
        Assert.Equal(["1", "1", "2"], PySequence.Sorted("121"));
        var sorted = PySequence.Sorted(new List<object?> { 2L, 1.0, 1L, true });
        Assert.Equal([1.0, 1L, true, 2L], sorted);
    }

    [Theory]
    [InlineData("[1, \"a\"]", "'<' not supported between instances of 'str' and 'int'")]
    [InlineData("[\"a\", \"b\", 1]", "'<' not supported between instances of 'int' and 'str'")]
    [InlineData("[1, 0, 5, \"a\"]", "'<' not supported between instances of 'str' and 'int'")]
    [InlineData("[null, null]", "'<' not supported between instances of 'NoneType' and 'NoneType'")]
    public void Sorted_fails_on_the_pair_cpython_compares_first(string json, string expected) =>
        Assert.Equal(expected, Error(() => PySequence.Sorted(PyJson.Parse(json))));
}
