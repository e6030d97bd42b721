using System;
using System.Collections.Generic;

namespace Conversations.Emulators;

/// <summary>The emulators' stand-in for a model: a short, deterministic answer to a question, and its tokens.</summary>
public static class CannedReplies
{
    public static string Answer(string assistant, string question)
    {
        string topic = question.Trim().TrimEnd('?', '.', '!');
        return $"{assistant} here. You asked: \"{topic}\". In short, start small, measure what matters, and keep each step easy to undo.";
    }

    public static string Title(string question)
    {
        string[] words = question.Trim().TrimEnd('?', '.', '!').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 5 ? string.Join(' ', words) : string.Join(' ', words[..5]) + "...";
    }

    /// <summary>Splits text into tokens the way a model streams them: each word carries the space before it.</summary>
    public static IReadOnlyList<string> Tokens(string text)
    {
        var tokens = new List<string>();
        string[] words = text.Split(' ');
        for (int i = 0; i < words.Length; i++)
        {
            tokens.Add(i == 0 ? words[i] : " " + words[i]);
        }

        return tokens;
    }
}
