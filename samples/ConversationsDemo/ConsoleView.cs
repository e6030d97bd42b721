using System;

namespace ConversationsDemo;

/// <summary>How the demo prints: a heading per API, one labelled line per step, and replies as they stream in.</summary>
internal static class ConsoleView
{
    public static void Title(string text)
    {
        Console.WriteLine(text);
        Console.WriteLine();
    }

    public static void Api(string name, string where)
    {
        Console.WriteLine($"== {name} ({where})");
    }

    public static void Step(string label, string text) => Console.WriteLine($"   {label,-10} {text}");

    private static string? _pendingReply;
    private static bool _inReply;

    /// <summary>Names the reply that follows; the label is printed with its first token, so a failed call leaves no empty line.</summary>
    public static void ReplyStart(string label) => _pendingReply = label;

    public static void Token(string token)
    {
        if (_pendingReply is not null)
        {
            Console.Write($"   {_pendingReply,-10} ");
            _pendingReply = null;
            _inReply = true;
        }

        Console.Write(token);
    }

    public static void ReplyEnd()
    {
        if (_inReply)
        {
            Console.WriteLine();
        }

        _pendingReply = null;
        _inReply = false;
    }

    public static void Problem(string text)
    {
        if (_inReply)
        {
            ReplyEnd();
        }

        Console.WriteLine($"   {"!",-10} {text}");
    }

    public static void EndApi() => Console.WriteLine();

    public static string Short(string? id) => id is null ? "(none)" : id.Length <= 14 ? id : id[..6] + ".." + id[^6..];
}
