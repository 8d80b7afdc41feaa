using System.Globalization;
using System.Numerics;
using Tau2Observe.Engine.Environment;

namespace Tau2Observe.Engine.Domains.Calculator;

/// <summary>
/// Compiles a calculator expression the way CPython's <c>eval</c> does for the reachable subset
/// of its grammar (sums, terms, unary signs, <c>**</c>, calls, groups, <c>()</c>, <c>...</c>),
/// reproducing which SyntaxError text CPython reports: tokenizer errors first, then the
/// second-pass diagnoses ("Perhaps you forgot a comma?", starred groups), else "invalid syntax".
/// Parsing is iterative for operator chains so that hostile input cannot exhaust the stack.
/// </summary>
internal sealed class CalculatorParser
{
    // CPython's parser stack limit (MAXSTACK) and the levels each construct costs on the way down
    // to a factor, as measured on CPython 3.11; beyond it CPython raises a bare MemoryError.
    private const int ParserStackLimit = 6000;
    private const int BaseLevels = 24;
    private const int GroupLevels = 28;
    private const int CallArgumentLevels = 24;
    private const int StarredArgumentLevels = 3;
    private const int UnaryLevels = 1;
    private const int PowerLevels = 2;

    /// <summary>
    /// Deepest operator nesting CPython's compiler accepts before "maximum recursion depth
    /// exceeded during compilation": its budget is 3 × 1000 minus 3 per Python frame already on
    /// the stack, counting the innermost operand too. The reference runs <c>eval</c> about 8
    /// frames deep (assumption; the exact limit shifts by 3 per frame).
    /// </summary>
    private const int MaxNestingDepth = 3000 - 3 * 8 - 1;

    private readonly CalculatorTokenizer _tokenizer;
    private readonly List<CalculatorToken> _tokens = [];
    private readonly List<CalculatorInstruction> _code = [];
    private int _pos;
    private int _stackLevels;
    private bool _diagnose;

    private CalculatorParser(string source) => _tokenizer = new CalculatorTokenizer(source);

    public static IReadOnlyList<CalculatorInstruction> Compile(string source)
    {
        var parser = new CalculatorParser(source);
        int depth;
        try
        {
            depth = parser.ParseEval();
        }
        catch (CalculatorParseFailure)
        {
            throw parser.DiagnoseFailure(source);
        }
        if (depth > MaxNestingDepth) throw new ToolCallException("maximum recursion depth exceeded during compilation");
        return parser._code;
    }

    /// <summary>CPython's second pass and final scan after a failed first parse.</summary>
    private ToolCallException DiagnoseFailure(string source)
    {
        _pos = 0;
        _code.Clear();
        _stackLevels = 0;
        _diagnose = true;
        string message;
        try
        {
            ParseEval();
            message = "invalid syntax";
        }
        catch (CalculatorParseFailure failure)
        {
            message = failure.Diagnosis ?? "invalid syntax";
        }
        // a tokenizer error anywhere in the rest of the input replaces a parser's message
        while (_tokenizer.Next(scanning: true).Kind != CalculatorTokenKind.End) { }
        int line = message == "invalid syntax" && source.Trim(' ').Length == 0 ? 0 : 1;
        return CalculatorSyntax.Error(message, line);
    }

    private CalculatorToken Peek()
    {
        while (_pos >= _tokens.Count) _tokens.Add(_tokenizer.Next());
        return _tokens[_pos];
    }

    private bool PeekOperator(string op) => Peek().Is(op);

    private void Expect(string op)
    {
        if (!PeekOperator(op)) throw new CalculatorParseFailure();
        _pos++;
    }

    private void Enter(int levels)
    {
        _stackLevels += levels;
        if (BaseLevels + _stackLevels >= ParserStackLimit) throw new ToolCallException("");
    }

    private void Leave(int levels) => _stackLevels -= levels;

    private void Emit(CalculatorInstruction instruction) => _code.Add(instruction);

    private (int Pos, int Code, int Levels) Mark() => (_pos, _code.Count, _stackLevels);

    /// <summary>PEG backtracking: forget what an alternative that failed consumed and emitted.</summary>
    private void Reset((int Pos, int Code, int Levels) mark)
    {
        _pos = mark.Pos;
        _code.RemoveRange(mark.Code, _code.Count - mark.Code);
        _stackLevels = mark.Levels;
    }

    /// <summary>Runs an optional continuation of a rule; when it does not match, input and code are restored.</summary>
    private bool Try(Func<int> alternative, out int depth)
    {
        var mark = Mark();
        try
        {
            depth = alternative();
            return true;
        }
        catch (CalculatorParseFailure failure) when (failure.Diagnosis is null)
        {
            Reset(mark);
            depth = 0;
            return false;
        }
    }

    // Each Parse* method emits code and returns the operator nesting depth of what it parsed.

    private int ParseEval()
    {
        int depth = ParseExpression();
        if (Peek().Kind != CalculatorTokenKind.End) throw new CalculatorParseFailure();
        return depth;
    }

    private int ParseExpression()
    {
        int depth = ParseSum();
        if (_diagnose) CheckMissingComma();
        return depth;
    }

    /// <summary>
    /// CPython's invalid_expression rule: an expression directly followed by another one, inside
    /// parentheses, is reported as a probable missing comma.
    /// </summary>
    private void CheckMissingComma()
    {
        if (Peek().Kind is not (CalculatorTokenKind.Number or CalculatorTokenKind.Ellipsis)) return;
        var mark = Mark();
        int lastLevel;
        _diagnose = false;
        try
        {
            ParseSum();
            lastLevel = _tokens[_pos - 1].Level;
        }
        catch (CalculatorParseFailure)
        {
            return;
        }
        finally
        {
            _diagnose = true;
            Reset(mark);
        }
        if (lastLevel > 0) throw new CalculatorParseFailure("invalid syntax. Perhaps you forgot a comma?");
    }

    private int ParseSum()
    {
        int depth = ParseTerm();
        while (PeekOperator("+") || PeekOperator("-"))
        {
            string op = Peek().Text;
            if (!Try(() => { _pos++; return ParseTerm(); }, out int right)) break;
            Emit(new CalculatorInstruction(CalculatorInstructionKind.Binary, Operator: op));
            depth = 1 + Math.Max(depth, right);
        }
        return depth;
    }

    private int ParseTerm()
    {
        int depth = ParseFactor();
        while (PeekOperator("*") || PeekOperator("/") || PeekOperator("//"))
        {
            string op = Peek().Text;
            if (!Try(() => { _pos++; return ParseFactor(); }, out int right)) break;
            Emit(new CalculatorInstruction(CalculatorInstructionKind.Binary, Operator: op));
            depth = 1 + Math.Max(depth, right);
        }
        return depth;
    }

    private int ParseFactor()
    {
        var signs = ParseSigns();
        int depth = ParsePower();
        depth = EmitSigns(signs, depth);
        Leave(signs.Count * UnaryLevels);
        return depth;
    }

    private List<string> ParseSigns()
    {
        var signs = new List<string>();
        while (PeekOperator("+") || PeekOperator("-"))
        {
            signs.Add(Peek().Text);
            _pos++;
            Enter(UnaryLevels);
        }
        return signs;
    }

    /// <summary>Unary operators apply innermost first, i.e. from the last sign written.</summary>
    private int EmitSigns(List<string> signs, int depth)
    {
        for (int i = signs.Count - 1; i >= 0; i--)
        {
            Emit(new CalculatorInstruction(CalculatorInstructionKind.Unary, Operator: signs[i]));
            depth++;
        }
        return depth;
    }

    /// <summary>
    /// power: primary ['**' factor], right-associative; parsed as a chain and folded from the
    /// right. A '**' whose operand does not parse is left for the caller (PEG backtracking).
    /// </summary>
    private int ParsePower()
    {
        int baseDepth = ParsePrimary();
        var exponents = new List<(List<string> Signs, int Depth)>();
        int levels = 0;
        while (PeekOperator("**"))
        {
            var mark = Mark();
            try
            {
                _pos++;
                Enter(PowerLevels);
                var signs = ParseSigns();
                exponents.Add((signs, ParsePrimary()));
                levels += PowerLevels + signs.Count * UnaryLevels;
            }
            catch (CalculatorParseFailure failure) when (failure.Diagnosis is null)
            {
                Reset(mark);
                break;
            }
        }
        if (exponents.Count == 0) return baseDepth;
        int depth = EmitSigns(exponents[^1].Signs, exponents[^1].Depth);
        for (int k = exponents.Count - 1; k >= 0; k--)
        {
            int left = k == 0 ? baseDepth : exponents[k - 1].Depth;
            Emit(new CalculatorInstruction(CalculatorInstructionKind.Binary, Operator: "**"));
            depth = 1 + Math.Max(left, depth);
            if (k >= 1) depth = EmitSigns(exponents[k - 1].Signs, depth);
        }
        Leave(levels);
        return depth;
    }

    /// <summary>
    /// primary: atom followed by calls, each with at most one (possibly starred) argument. A call
    /// that does not parse, or an attribute access (never valid here: no names), is left unconsumed.
    /// </summary>
    private int ParsePrimary()
    {
        int depth = ParseAtom();
        while (true)
        {
            if (Peek().Kind == CalculatorTokenKind.Dot)
            {
                // primary '.' NAME: CPython fetches the token after the dot before giving up
                _pos++;
                Peek();
                _pos--;
                break;
            }
            if (!PeekOperator("(") || !Try(ParseCall, out int argumentDepth)) break;
            depth = 1 + Math.Max(depth, argumentDepth);
        }
        return depth;
    }

    private int ParseCall()
    {
        _pos++;
        Enter(CallArgumentLevels);
        string argument = "";
        int argumentDepth = 0;
        if (!PeekOperator(")"))
        {
            argument = PeekOperator("*") ? "*" : PeekOperator("**") ? "**" : "arg";
            int extra = argument == "arg" ? 0 : StarredArgumentLevels;
            if (extra > 0) _pos++;
            Enter(extra);
            argumentDepth = ParseExpression();
            Leave(extra);
        }
        Expect(")");
        Leave(CallArgumentLevels);
        Emit(new CalculatorInstruction(CalculatorInstructionKind.Call, CallArgument: argument));
        return argumentDepth;
    }

    private int ParseAtom()
    {
        var token = Peek();
        switch (token.Kind)
        {
            case CalculatorTokenKind.Number:
                _pos++;
                Emit(new CalculatorInstruction(CalculatorInstructionKind.Push, Literal(token.Text)));
                return 0;
            case CalculatorTokenKind.Ellipsis:
                _pos++;
                Emit(new CalculatorInstruction(CalculatorInstructionKind.Push, CalculatorSentinel.Ellipsis));
                return 0;
            case CalculatorTokenKind.Operator when token.Text == "(":
                _pos++;
                Enter(GroupLevels);
                int depth = 0;
                if (PeekOperator(")")) Emit(new CalculatorInstruction(CalculatorInstructionKind.Push, CalculatorSentinel.EmptyTuple));
                else
                {
                    if (PeekOperator("*")) TryStarredTuple();
                    if (_diagnose && (PeekOperator("*") || PeekOperator("**"))) DiagnoseStarredGroup();
                    depth = ParseExpression();
                }
                Expect(")");
                Leave(GroupLevels);
                return depth;
            default:
                throw new CalculatorParseFailure();
        }
    }

    /// <summary>
    /// CPython's tuple rule reads <c>(*x</c> as the start of a tuple display, which then needs a
    /// comma that this character set cannot produce; the attempt still reads (and may hit the end of) the input.
    /// </summary>
    private void TryStarredTuple()
    {
        var mark = Mark();
        try
        {
            _pos++;
            ParseSum();
        }
        catch (CalculatorParseFailure failure) when (failure.Diagnosis is null)
        {
        }
        Reset(mark);
    }

    /// <summary>CPython's invalid_group rule: <c>(*x)</c> and <c>(**x)</c>.</summary>
    private void DiagnoseStarredGroup()
    {
        bool doubled = PeekOperator("**");
        _pos++;
        ParseExpression();
        Expect(")");
        throw new CalculatorParseFailure(doubled ? "cannot use double starred expression here" : "cannot use starred expression here");
    }

    private static object Literal(string text) =>
        text.Contains('.')
            ? double.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)
            : BigInteger.Parse(text, CultureInfo.InvariantCulture);
}
