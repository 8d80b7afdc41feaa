namespace Tau2Observe.Engine.Domains.Calculator;

/// <summary>
/// CPython's tokenizer restricted to the calculator's characters (digits, + - * / ( ) . and
/// space). Tokens are produced on demand because CPython raises a tokenizer error only when
/// the parser (or its final error scan) reaches that token.
/// </summary>
internal sealed class CalculatorTokenizer(string source)
{
    /// <summary>CPython's MAXLEVEL: the 201st unclosed parenthesis is an error.</summary>
    private const int MaxLevel = 200;

    private int _pos;
    private int _level;

    /// <summary>
    /// The next token. At the end of the input with parentheses still open, the parser gets
    /// CPython's "never closed" error, while the final error scan (<paramref name="scanning"/>) just stops.
    /// </summary>
    public CalculatorToken Next(bool scanning = false)
    {
        while (_pos < source.Length && source[_pos] == ' ') _pos++;
        if (_pos >= source.Length)
        {
            if (_level > 0 && !scanning) throw CalculatorSyntax.Error("'(' was never closed");
            return new CalculatorToken(CalculatorTokenKind.End, "", _level);
        }
        char c = source[_pos];
        if (char.IsAsciiDigit(c)) return Number();
        if (c == '.')
        {
            if (_pos + 1 < source.Length && char.IsAsciiDigit(source[_pos + 1])) return Number();
            if (string.CompareOrdinal(source, _pos, "...", 0, 3) == 0)
            {
                _pos += 3;
                return new CalculatorToken(CalculatorTokenKind.Ellipsis, "...", _level);
            }
            _pos++;
            return new CalculatorToken(CalculatorTokenKind.Dot, ".", _level);
        }
        switch (c)
        {
            case '(':
                if (_level >= MaxLevel) throw CalculatorSyntax.Error("too many nested parentheses");
                _pos++;
                _level++;
                return Op("(");
            case ')':
                if (_level == 0) throw CalculatorSyntax.Error("unmatched ')'");
                _pos++;
                _level--;
                return Op(")");
            case '*':
            case '/':
                bool doubled = _pos + 1 < source.Length && source[_pos + 1] == c;
                _pos += doubled ? 2 : 1;
                return Op(doubled ? $"{c}{c}" : c.ToString());
            default: // '+' or '-'
                _pos++;
                return Op(c.ToString());
        }
    }

    private CalculatorToken Op(string text) => new(CalculatorTokenKind.Operator, text, _level);

    /// <summary>Integer or float literal; a non-zero integer with leading zeros is an error, "00" and "01.5" are fine.</summary>
    private CalculatorToken Number()
    {
        int start = _pos;
        if (source[_pos] == '0')
        {
            while (_pos < source.Length && source[_pos] == '0') _pos++;
            bool nonZero = false;
            while (_pos < source.Length && char.IsAsciiDigit(source[_pos])) { _pos++; nonZero = true; }
            if (_pos < source.Length && source[_pos] == '.') { _pos++; Digits(); }
            else if (nonZero)
                throw CalculatorSyntax.Error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        }
        else
        {
            Digits();
            if (_pos < source.Length && source[_pos] == '.') { _pos++; Digits(); }
        }
        return new CalculatorToken(CalculatorTokenKind.Number, source[start.._pos], _level);
    }

    private void Digits()
    {
        while (_pos < source.Length && char.IsAsciiDigit(source[_pos])) _pos++;
    }
}
