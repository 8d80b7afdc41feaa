using System.Reflection;

namespace Tau2Observe.Gateway;

/// <summary>
/// The results page at <c>/results</c> (with or without the trailing slash): plain HTML, CSS and JS embedded in the gateway assembly
/// (no build step), reading the REST results API. The page holds no data itself, so it is served
/// without the API key; the key typed into it goes only to the API calls.
/// </summary>
public static class ResultsPage
{
    public const string Path = "/results";

    private static readonly (string File, string ContentType)[] Files =
        [("index.html", "text/html; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8"), ("style.css", "text/css; charset=utf-8")];

    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var (file, type) in Files)
        {
            byte[] content = Load(file);
            var result = Results.Bytes(content, type);
            app.MapGet(file == "index.html" ? Path : $"{Path}/{file}", (HttpResponse response) =>
            {
                response.Headers.XContentTypeOptions = "nosniff";
                response.Headers.ContentSecurityPolicy = "default-src 'self'; object-src 'none'; frame-ancestors 'none'";
                return result;
            });
        }
    }

    private static byte[] Load(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ResultsPage/" + file)
            ?? throw new InvalidOperationException($"The results page file '{file}' is not embedded in the gateway.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
