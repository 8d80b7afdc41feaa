namespace Tau2Observe.Engine.Domains.Retail.Calculator;

/// <summary>
/// CPython's tokenizer restricted to the characters <c>calculate</c> admits (digits, <c>+-*/().</c>
/// and space). The whole input is tokenized before parsing because CPython reports tokenizer
/// errors (leading zeros, unmatched ')', nesting depth) ahead of any parser error.
/// </summary>
public static class CalculatorTokenizer
{
    /// <summary>CPython's MAXLEVEL for nested brackets.</summary>
    private const int MaxDepth = 200;

    public static List<CalculatorToken> Tokenize(string source)
    {
        var tokens = new List<CalculatorToken>();
        int depth = 0, i = 0;
        while (i < source.Length)
        {
            char c = source[i];
            if (c == ' ') { i++; continue; }
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < source.Length && char.IsAsciiDigit(source[i + 1])))
            {
                tokens.Add(new CalculatorToken(CalculatorToken.Number, ReadNumber(source, ref i), depth));
                continue;
            }
            switch (c)
            {
                case '.':
                    if (i + 2 < source.Length && source[i + 1] == '.' && source[i + 2] == '.')
                    {
                        tokens.Add(new CalculatorToken(CalculatorToken.Ellipsis, "...", depth));
                        i += 3;
                    }
                    else
                    {
                        tokens.Add(new CalculatorToken(CalculatorToken.Op, ".", depth));
                        i++;
                    }
                    break;
                case '*' or '/':
                    bool doubled = i + 1 < source.Length && source[i + 1] == c;
                    tokens.Add(new CalculatorToken(CalculatorToken.Op, doubled ? $"{c}{c}" : c.ToString(), depth));
                    i += doubled ? 2 : 1;
                    break;
                case '+' or '-':
                    tokens.Add(new CalculatorToken(CalculatorToken.Op, c.ToString(), depth));
                    i++;
                    break;
                case '(':
                    if (depth >= MaxDepth) throw new CalculatorSyntaxError("too many nested parentheses");
                    depth++;
                    tokens.Add(new CalculatorToken(CalculatorToken.Op, "(", depth));
                    i++;
                    break;
                case ')':
                    if (depth == 0) throw new CalculatorSyntaxError("unmatched ')'");
                    depth--;
                    tokens.Add(new CalculatorToken(CalculatorToken.Op, ")", depth));
                    i++;
                    break;
                default:
                    throw new CalculatorSyntaxError("invalid character in expression");
            }
        }
        tokens.Add(new CalculatorToken(CalculatorToken.End, "", depth));
        return tokens;
    }

    /// <summary>A decimal integer or float literal (no exponent: 'e' is not an admitted character).</summary>
    private static string ReadNumber(string s, ref int i)
    {
        int start = i;
        if (s[i] == '0')
        {
            while (i < s.Length && s[i] == '0') i++;
            bool nonzero = false;
            while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; nonzero = true; }
            if (i < s.Length && s[i] == '.') ReadFraction(s, ref i);
            else if (nonzero)
                throw new CalculatorSyntaxError("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
            return s[start..i];
        }
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        if (i < s.Length && s[i] == '.') ReadFraction(s, ref i);
        return s[start..i];
    }

    private static void ReadFraction(string s, ref int i)
    {
        i++; // the '.'
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
    }
}
