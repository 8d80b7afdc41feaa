namespace Tau2Observe.Engine.Domains.Retail.Calculator;

/// <summary>
/// Parses what Python's <c>eval</c> accepts within the admitted characters: <c>+ - * / // **</c>,
/// unary <c>+ -</c>, parentheses, calls (<c>2(3)</c> parses, and fails later as "not callable"),
/// the empty tuple <c>()</c> and <c>...</c>. Syntax errors carry CPython 3.11's texts: the missing
/// comma hint for two adjacent operands inside brackets, "'(' was never closed" when the input
/// ends inside a bracket, otherwise "invalid syntax".
/// </summary>
public sealed class CalculatorParser
{
    /// <summary>CPython's default limit on digits when converting a decimal literal to int.</summary>
    private const int MaxIntDigits = 4300;

    private readonly List<CalculatorToken> _tokens;
    private int _pos;

    private CalculatorParser(List<CalculatorToken> tokens) => _tokens = tokens;

    public static CalculatorNode Parse(string source)
    {
        // eval() strips leading spaces and tabs; an empty remainder is an error on line 0
        var tokens = CalculatorTokenizer.Tokenize(source.TrimStart(' ', '\t'));
        if (tokens.Count == 1) throw new CalculatorSyntaxError("invalid syntax", line: 0);
        var parser = new CalculatorParser(tokens);
        var node = parser.ParseExpression();
        var next = parser.Peek;
        if (next.Kind != CalculatorToken.End) throw parser.Unexpected(next);
        return node;
    }

    /// <summary>The next token. Like CPython, reading the end of input inside an open bracket fails at once.</summary>
    private CalculatorToken Peek => _tokens[_pos] is { Kind: CalculatorToken.End, Depth: > 0 } ? throw Unclosed() : _tokens[_pos];

    private CalculatorToken Advance() => _tokens[_pos++];

    private CalculatorNode ParseExpression() => ParseChain(ParseTerm, "+", "-");

    private CalculatorNode ParseTerm() => ParseChain(ParseFactor, "*", "/", "//");

    private CalculatorNode ParseChain(Func<CalculatorNode> operand, params string[] ops)
    {
        var first = operand();
        if (!ops.Any(Peek.Is)) return first;
        var chain = new CalculatorNode { Kind = "chain", Operands = [first] };
        while (ops.Any(Peek.Is))
        {
            chain.Operators.Add(Advance().Text);
            chain.Operands.Add(operand());
        }
        return chain;
    }

    private CalculatorNode ParseFactor()
    {
        var prefixes = ParsePrefixes();
        var power = ParsePower();
        return prefixes.Count == 0 ? power : new CalculatorNode { Kind = "unary", Operators = prefixes, Operands = [power] };
    }

    private List<string> ParsePrefixes()
    {
        var prefixes = new List<string>();
        while (Peek.Is("+") || Peek.Is("-")) prefixes.Add(Advance().Text);
        return prefixes;
    }

    private CalculatorNode ParsePower()
    {
        var first = ParsePrimary();
        if (!Peek.Is("**")) return first;
        var power = new CalculatorNode { Kind = "power", Operands = [first], Prefixes = [[]] };
        while (Peek.Is("**"))
        {
            Advance();
            power.Prefixes.Add(ParsePrefixes());
            power.Operands.Add(ParsePrimary());
        }
        return power;
    }

    private CalculatorNode ParsePrimary()
    {
        var node = ParseAtom();
        while (true)
        {
            if (Peek.Is("."))
            {
                // an attribute trailer: CPython fetches the token after '.', hitting the end inside a bracket
                var after = _tokens[_pos + 1];
                if (after.Kind == CalculatorToken.End && after.Depth > 0) throw Unclosed();
                break;
            }
            if (!Peek.Is("(")) break;
            Advance();
            var call = new CalculatorNode { Kind = "call", Operands = [node] };
            if (!Peek.Is(")"))
            {
                if (Peek.Is("*") || Peek.Is("**")) Advance(); // f(*x) / f(**x): the callee fails first anyway
                call.Operands.Add(ParseExpression());
            }
            ExpectClose();
            node = call;
        }
        return node;
    }

    private CalculatorNode ParseAtom()
    {
        var t = Peek;
        switch (t.Kind)
        {
            case CalculatorToken.Number:
                Advance();
                if (!t.Text.Contains('.') && t.Text.Length > MaxIntDigits)
                    throw new CalculatorSyntaxError(
                        $"Exceeds the limit ({MaxIntDigits} digits) for integer string conversion: value has {t.Text.Length} digits; " +
                        "use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.");
                return new CalculatorNode { Kind = "number", Literal = t.Text };
            case CalculatorToken.Ellipsis:
                Advance();
                return new CalculatorNode { Kind = "ellipsis" };
        }
        if (!t.Is("(")) throw Unexpected(t);
        Advance();
        if (Peek.Is(")"))
        {
            Advance();
            return new CalculatorNode { Kind = "tuple" };
        }
        if (Peek.Is("*") || Peek.Is("**"))
        {
            bool doubled = Advance().Text == "**";
            ParseExpression();
            if (Peek.Is(")")) throw new CalculatorSyntaxError(doubled ? "cannot use double starred expression here" : "cannot use starred expression here");
            throw Unexpected(Peek);
        }
        var inner = ParseExpression();
        ExpectClose();
        return inner;
    }

    private void ExpectClose()
    {
        if (!Peek.Is(")")) throw Unexpected(Peek);
        Advance();
    }

    /// <summary>
    /// The error for a token the grammar cannot take here. An operand right after a complete
    /// expression makes CPython's second pass parse that operand to suggest a missing comma
    /// (only inside brackets); if that parse reaches the end inside an open bracket, the
    /// unclosed bracket is reported instead.
    /// </summary>
    private CalculatorSyntaxError Unexpected(CalculatorToken t)
    {
        if (t.Kind is CalculatorToken.Number or CalculatorToken.Ellipsis)
        {
            ProbeOperand(_pos);
            return new CalculatorSyntaxError(t.Depth > 0 ? "invalid syntax. Perhaps you forgot a comma?" : "invalid syntax");
        }
        if (t.Kind == CalculatorToken.End && t.Depth > 0) return Unclosed();
        return new CalculatorSyntaxError("invalid syntax");
    }

    private void ProbeOperand(int start)
    {
        try
        {
            new CalculatorParser(_tokens) { _pos = start }.ParseExpression();
        }
        catch (CalculatorSyntaxError e) when (!e.Unclosed)
        {
            // the operand parsed as far as it could; only an unclosed bracket matters here
        }
    }

    private static CalculatorSyntaxError Unclosed() => new("'(' was never closed") { Unclosed = true };
}
