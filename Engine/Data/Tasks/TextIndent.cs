using System.Text;

namespace Tau2Observe.Engine.Data.Tasks;

/// <summary>Python's <c>textwrap.indent</c>: prefix every line that has non-whitespace content, keep line endings.</summary>
public static class TextIndent
{
    public static string Indent(string text, string prefix)
    {
        var sb = new StringBuilder(text.Length + 16);
        int start = 0;
        while (start < text.Length)
        {
            int end = start;
            while (end < text.Length && text[end] != '\n' && text[end] != '\r') end++;
            if (end < text.Length)
            {
                if (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n') end += 2; else end += 1;
            }
            var line = text.AsSpan(start, end - start);
            if (!line.IsWhiteSpace()) sb.Append(prefix);
            sb.Append(line);
            start = end;
        }
        return sb.ToString();
    }
}
