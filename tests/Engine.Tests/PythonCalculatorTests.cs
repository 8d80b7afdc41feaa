using Tau2Observe.Engine.Domains.Calculator;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Tests;

/// <summary>
/// <c>calculate</c> against CPython 3.11.7: every expected text below was produced by running the
/// reference implementation's expression (character check, <c>eval</c>, <c>round(float(x), 2)</c>).
/// </summary>
public class PythonCalculatorTests
{
    private static string Run(object? expression)
    {
        try { return PythonCalculator.Calculate(expression); }
        catch (ToolCallException e) { return "Error: " + e.Message; }
    }

    [Theory]
    [InlineData("2 + 2", "4.0")]
    [InlineData("1 / 3", "0.33")]
    [InlineData("2 ** 10", "1024.0")]
    [InlineData("10 // 3", "3.0")]
    [InlineData("0.1 + 0.2", "0.3")]
    [InlineData("2.675 * 1", "2.67")]
    [InlineData("123456789012345678901 * 1", "1.2345678901234568e+20")]
    [InlineData("-2 ** 2", "-4.0")]
    [InlineData(".5 + 5.", "5.5")]
    [InlineData("10 / 0", "Error: division by zero")]
    [InlineData("10.0 / 0", "Error: float division by zero")]
    [InlineData("10 // 0", "Error: integer division or modulo by zero")]
    [InlineData("10.0 // 0", "Error: float floor division by zero")]
    [InlineData("0 ** -1", "Error: 0.0 cannot be raised to a negative power")]
    [InlineData("(-2) ** 0.5", "Error: float() argument must be a string or a real number, not 'complex'")]
    [InlineData("()", "Error: float() argument must be a string or a real number, not 'tuple'")]
    [InlineData("3 4", "Error: invalid syntax (<string>, line 1)")]
    [InlineData("", "Error: invalid syntax (<string>, line 0)")]
    [InlineData("   ", "Error: invalid syntax (<string>, line 0)")]
    [InlineData("(1 + 2", "Error: '(' was never closed (<string>, line 1)")]
    [InlineData("01", "Error: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers (<string>, line 1)")]
    [InlineData("1)", "Error: unmatched ')' (<string>, line 1)")]
    [InlineData("x + 1", "Error: Invalid characters in expression")]
    [InlineData("10 % 3", "Error: Invalid characters in expression")]
    [InlineData("2 ** 10000 * 1.0", "Error: int too large to convert to float")]
    [InlineData("10 ** 400 / 10 ** 399", "10.0")]
    [InlineData("0 / -10", "-0.0")]
    [InlineData("7.5 // -2", "-4.0")]
    [InlineData("(1 2)", "Error: invalid syntax. Perhaps you forgot a comma? (<string>, line 1)")]
    [InlineData("(*1)", "Error: cannot use starred expression here (<string>, line 1)")]
    [InlineData("(**1)", "Error: cannot use double starred expression here (<string>, line 1)")]
    [InlineData("1(2)", "Error: 'int' object is not callable")]
    [InlineData("...", "Error: float() argument must be a string or a real number, not 'ellipsis'")]
    [InlineData("1000 - 999.995", "0.0")]
    [InlineData("1.005 * 100", "100.5")]
    [InlineData("100 / 3", "33.33")]
    [InlineData("2 ** 0.5 ** 2", "1.19")]
    [InlineData("-(3 - 5)", "2.0")]
    [InlineData("1e5", "Error: Invalid characters in expression")]
    [InlineData("6-((*4 ", "Error: '(' was never closed (<string>, line 1)")]
    [InlineData(".6( )", "Error: 'float' object is not callable")]
    [InlineData("643(87)", "Error: 'int' object is not callable")]
    [InlineData("11 ** (522.97)", "Error: (34, 'Numerical result out of range')")]
    [InlineData("((3.14159 - 00**- 123456789))", "Error: 0.0 cannot be raised to a negative power")]
    [InlineData("+.../2.675//999999999999999999999 / (--2.675)", "Error: bad operand type for unary +: 'ellipsis'")]
    [InlineData("+() - (999999999999999999999)//999999999999999999999", "Error: bad operand type for unary +: 'tuple'")]
    [InlineData("+-  + ((3))/(2.675)**-...//5.", "Error: bad operand type for unary -: 'ellipsis'")]
    [InlineData("0.1//--()//123456789/(2)", "Error: bad operand type for unary -: 'tuple'")]
    [InlineData("(() + 0.5)", "Error: can only concatenate tuple (not \"float\") to tuple")]
    [InlineData("- --(() + 3)", "Error: can only concatenate tuple (not \"int\") to tuple")]
    [InlineData("(...)*() // 123456789 // (00)**+-... // ()", "Error: can't multiply sequence by non-int of type 'ellipsis'")]
    [InlineData("(3.14159)*()//123456789 // 2 / 2.675", "Error: can't multiply sequence by non-int of type 'float'")]
    [InlineData("... ** (**(...))", "Error: cannot use double starred expression here (<string>, line 1)")]
    [InlineData("(*(00)**3.14159)", "Error: cannot use starred expression here (<string>, line 1)")]
    [InlineData("(3 / 00*1 + 2 // 10)", "Error: division by zero")]
    [InlineData("0.1//(10) / 2/0", "Error: float division by zero")]
    [InlineData("(.5**0*0.1*3)//0", "Error: float floor division by zero")]
    [InlineData("- (0.1 - 123456789)**3.14159", "Error: float() argument must be a string or a real number, not 'complex'")]
    [InlineData("((...))", "Error: float() argument must be a string or a real number, not 'ellipsis'")]
    [InlineData("((()))", "Error: float() argument must be a string or a real number, not 'tuple'")]
    [InlineData("-226 // .1 - 4534 ** 273", "Error: int too large to convert to float")]
    [InlineData("00 // 0", "Error: integer division or modulo by zero")]
    [InlineData("  ", "Error: invalid syntax (<string>, line 0)")]
    [InlineData("**./", "Error: invalid syntax (<string>, line 1)")]
    [InlineData("0.5 - (1..2*2) + (0.5 + 2.675)", "Error: invalid syntax. Perhaps you forgot a comma? (<string>, line 1)")]
    [InlineData("-05", "Error: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers (<string>, line 1)")]
    [InlineData(")3/)0034", "Error: unmatched ')' (<string>, line 1)")]
    [InlineData("(--(...)**...)", "Error: unsupported operand type(s) for ** or pow(): 'ellipsis' and 'ellipsis'")]
    [InlineData("(... ** .5 **  - 10)", "Error: unsupported operand type(s) for ** or pow(): 'ellipsis' and 'float'")]
    [InlineData("... ** (00) / 0.1", "Error: unsupported operand type(s) for ** or pow(): 'ellipsis' and 'int'")]
    [InlineData("-+(...) ** (())", "Error: unsupported operand type(s) for ** or pow(): 'ellipsis' and 'tuple'")]
    [InlineData("2.675**... // 5.*00 ** - .5 ** ()*(()*2)", "Error: unsupported operand type(s) for ** or pow(): 'float' and 'ellipsis'")]
    [InlineData("(10 / .5//.5 ** ()/5.)", "Error: unsupported operand type(s) for ** or pow(): 'float' and 'tuple'")]
    [InlineData("(.5) ** --999999999999999999999 ** ...*.5", "Error: unsupported operand type(s) for ** or pow(): 'int' and 'ellipsis'")]
    [InlineData("((1) ** (()))", "Error: unsupported operand type(s) for ** or pow(): 'int' and 'tuple'")]
    [InlineData("(((()**...)))", "Error: unsupported operand type(s) for ** or pow(): 'tuple' and 'ellipsis'")]
    [InlineData("((3))*(.5 / 3)**() ** 2**(3.14159)**(0)", "Error: unsupported operand type(s) for ** or pow(): 'tuple' and 'float'")]
    [InlineData("(-(2) - 1//3.14159 / () ** 2)", "Error: unsupported operand type(s) for ** or pow(): 'tuple' and 'int'")]
    [InlineData("()**()", "Error: unsupported operand type(s) for ** or pow(): 'tuple' and 'tuple'")]
    [InlineData("(...)*((0.1)) / (--3)", "Error: unsupported operand type(s) for *: 'ellipsis' and 'float'")]
    [InlineData("-((3.14159))*...//1.005", "Error: unsupported operand type(s) for *: 'float' and 'ellipsis'")]
    [InlineData("0*... - (((())))", "Error: unsupported operand type(s) for *: 'int' and 'ellipsis'")]
    [InlineData("(...) + 3.14159 - 0.1*5.//(3) - -00", "Error: unsupported operand type(s) for +: 'ellipsis' and 'float'")]
    [InlineData("... + -00", "Error: unsupported operand type(s) for +: 'ellipsis' and 'int'")]
    [InlineData("(5. + ...)**(() / () / (123456789))", "Error: unsupported operand type(s) for +: 'float' and 'ellipsis'")]
    [InlineData("--5.*0.5 + (()) + 2", "Error: unsupported operand type(s) for +: 'float' and 'tuple'")]
    [InlineData("+0 + ...", "Error: unsupported operand type(s) for +: 'int' and 'ellipsis'")]
    [InlineData("... ** ((10) + ())", "Error: unsupported operand type(s) for +: 'int' and 'tuple'")]
    [InlineData("(... - ((1.005)))", "Error: unsupported operand type(s) for -: 'ellipsis' and 'float'")]
    [InlineData("...-2", "Error: unsupported operand type(s) for -: 'ellipsis' and 'int'")]
    [InlineData("1.005 + 1 ** ((3)) ** -123456789 - ...", "Error: unsupported operand type(s) for -: 'float' and 'ellipsis'")]
    [InlineData("((3//2.675 - ()))", "Error: unsupported operand type(s) for -: 'float' and 'tuple'")]
    [InlineData("+00*00 - ...", "Error: unsupported operand type(s) for -: 'int' and 'ellipsis'")]
    [InlineData("() - 1/3", "Error: unsupported operand type(s) for -: 'tuple' and 'float'")]
    [InlineData("((() - 3*0))", "Error: unsupported operand type(s) for -: 'tuple' and 'int'")]
    [InlineData("(-0.5)**10**0.1//123456789 - (1)", "Error: unsupported operand type(s) for //: 'complex' and 'int'")]
    [InlineData("... // (...)", "Error: unsupported operand type(s) for //: 'ellipsis' and 'ellipsis'")]
    [InlineData("(((...//.5)))", "Error: unsupported operand type(s) for //: 'ellipsis' and 'float'")]
    [InlineData("3 - +3 + 0/--(...//999999999999999999999)", "Error: unsupported operand type(s) for //: 'ellipsis' and 'int'")]
    [InlineData("...//((()))/(3.14159)", "Error: unsupported operand type(s) for //: 'ellipsis' and 'tuple'")]
    [InlineData("(((999999999999999999999) / 123456789//...))", "Error: unsupported operand type(s) for //: 'float' and 'ellipsis'")]
    [InlineData("(999999999999999999999/1.005//(0.5) // ())", "Error: unsupported operand type(s) for //: 'float' and 'tuple'")]
    [InlineData("(999999999999999999999/1 + 00//...)", "Error: unsupported operand type(s) for //: 'int' and 'ellipsis'")]
    [InlineData("(123456789 + (123456789))**--(1 // ())", "Error: unsupported operand type(s) for //: 'int' and 'tuple'")]
    [InlineData(".5 + ()//(...) - --0.5", "Error: unsupported operand type(s) for //: 'tuple' and 'ellipsis'")]
    [InlineData("()//5. + 0.1 - 999999999999999999999 + 10", "Error: unsupported operand type(s) for //: 'tuple' and 'float'")]
    [InlineData("()//00", "Error: unsupported operand type(s) for //: 'tuple' and 'int'")]
    [InlineData(".../...", "Error: unsupported operand type(s) for /: 'ellipsis' and 'ellipsis'")]
    [InlineData(".../(- 3.14159*2.675)", "Error: unsupported operand type(s) for /: 'ellipsis' and 'float'")]
    [InlineData(".../3 - ()**0/+3.14159*2.675//1", "Error: unsupported operand type(s) for /: 'ellipsis' and 'int'")]
    [InlineData("(((...)/()))", "Error: unsupported operand type(s) for /: 'ellipsis' and 'tuple'")]
    [InlineData("(( - .5/...))", "Error: unsupported operand type(s) for /: 'float' and 'ellipsis'")]
    [InlineData("+(0.5/()//1)", "Error: unsupported operand type(s) for /: 'float' and 'tuple'")]
    [InlineData("((10 / ...))//- 123456789*3.14159 // 0", "Error: unsupported operand type(s) for /: 'int' and 'ellipsis'")]
    [InlineData("0 / (3*())/()", "Error: unsupported operand type(s) for /: 'int' and 'tuple'")]
    [InlineData("() / ...//123456789**1.005 // 3**((0))", "Error: unsupported operand type(s) for /: 'tuple' and 'ellipsis'")]
    [InlineData("(((()) / (5.)))", "Error: unsupported operand type(s) for /: 'tuple' and 'float'")]
    [InlineData("(1.005)/1 - () / 123456789 - (3.14159) // 2.675", "Error: unsupported operand type(s) for /: 'tuple' and 'int'")]
    [InlineData("73.3057", "73.31")]
    [InlineData("(-686)", "-686.0")]
    [InlineData("73/4-3", "15.25")]
    [InlineData("817", "817.0")]
    [InlineData("218.3860", "218.39")]
    [InlineData("8606738034489452821555710", "8.606738034489452e+24")]
    [InlineData(" 579", "579.0")]
    [InlineData("(7102567213756803774128)", "7.102567213756804e+21")]
    [InlineData("((3)**+1 ** 3.14159)", "3.0")]
    [InlineData("5210592922897639", "5210592922897639.0")]
    [InlineData("-- + 2 / 10/3.14159", "0.06")]
    [InlineData("330.0", "330.0")]
    public void Matches_cpython(string expression, string expected) => Assert.Equal(expected, Run(expression));

    [Fact]
    public void Non_string_arguments_fail_where_python_fails()
    {
        Assert.Equal("Error: 'int' object is not iterable", Run(42L));
        Assert.Equal("Error: 'NoneType' object is not iterable", Run(null));
        Assert.Equal("Error: 'in <string>' requires string as left operand, not int", Run(new List<object?> { "1", 2L }));
        Assert.Equal("Error: eval() arg 1 must be a string, bytes or code object", Run(new List<object?> { "1", "+" }));
    }

    [Fact]
    public void Huge_intermediate_ints_are_bounded()
    {
        // CPython would grind on 9 ** 9 ** 9 (about 1.2e9 bits); the product refuses early on purpose
        Assert.Equal("Error: int too large to convert to float", Run("9 ** 9 ** 9"));
        Assert.Equal("Error: int too large to convert to float", Run("7 ** 300000 * 7 ** 300000"));
        // many large results in one expression exhaust the work budget
        Assert.Equal("Error: int too large to convert to float", Run(string.Join(" + ", Enumerable.Repeat("3 ** 100000", 120))));
    }

    [Theory]
    [InlineData("1", "1", 1.0)]
    [InlineData("10", "3", 3.3333333333333335)]
    [InlineData("9007199254740993", "1", 9007199254740992.0)]
    [InlineData("9007199254740995", "1", 9007199254740996.0)]
    [InlineData("1", "-10", -0.1)]
    public void Int_ratios_round_to_nearest_even(string num, string den, double expected) =>
        Assert.Equal(expected, PythonNumbers.TrueDivide(System.Numerics.BigInteger.Parse(num), System.Numerics.BigInteger.Parse(den)));
}
