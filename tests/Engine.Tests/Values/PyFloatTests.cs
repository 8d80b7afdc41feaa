using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Tests.Values;

public class PyFloatTests
{
    [Theory]
    [InlineData(100.0, "100.0")]
    [InlineData(47.84, "47.84")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1234567890123456.0, "1234567890123456.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1.2345678901234568e+20, "1.2345678901234568e+20")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(5.510000000000002, "5.510000000000002")]
    [InlineData(0.5, "0.5")]
    public void Repr_matches_python(double value, string expected) => Assert.Equal(expected, PyFloat.Repr(value));

    [Theory]
    [InlineData(2.675, 2, 2.67)]
    [InlineData(0.125, 2, 0.12)]
    [InlineData(0.375, 2, 0.38)]
    [InlineData(1.005, 2, 1.0)]
    [InlineData(-2.5, 0, -2.0)]
    [InlineData(3.5, 0, 4.0)]
    public void Round_is_correctly_rounded_half_even(double x, int n, double expected) => Assert.Equal(expected, PyFloat.Round(x, n));

    [Fact]
    public void Json_dumps_uses_python_separators_and_ascii_escapes()
    {
        var d = new PyDict { ["b"] = 1L, ["a"] = new List<object?> { 1.0, "é/<>", true, null } };
        Assert.Equal("{\"b\": 1, \"a\": [1.0, \"\\u00e9/<>\", true, null]}", PyJson.Dumps(d));
        Assert.Equal("{\"a\": [1.0, \"\\u00e9/<>\", true, null], \"b\": 1}", PyJson.Dumps(d, sortKeys: true));
    }

    [Fact]
    public void Parse_keeps_integer_and_float_kinds()
    {
        var d = (PyDict)PyJson.Parse("{\"i\": 100, \"f\": 100.0, \"s\": \"100\"}")!;
        Assert.IsType<long>(d["i"]);
        Assert.IsType<double>(d["f"]);
        Assert.IsType<string>(d["s"]);
        Assert.True(PyEquality.Equals(d["i"], d["f"]));
        Assert.False(PyEquality.Equals(d["i"], d["s"]));
    }
}

public class PythonRandomTests
{
    [Fact]
    public void Trial_seeds_for_run_seed_300_match_tau2()
    {
        long[] expected = [626729, 373753, 361454, 1567, 514337, 363271, 554706, 863145, 940547, 444018];
        Assert.Equal(expected, Tau2Observe.Engine.Simulation.PythonRandom.TrialSeeds(300, 10));
    }
}
