using System;
using System.Collections.Generic;

namespace Conversations.Emulators;

/// <summary>The emulators' stand-in for a model: a short, deterministic answer to a question, and its tokens.</summary>
public static class CannedReplies
{
    private static readonly string[] Advice =
    [
        "Start small, measure what matters, and keep each step easy to undo.",
        "Write the plan down first, then automate the parts you repeat most often.",
        "Pick one owner, set a date, and check the result against a clear goal.",
        "Begin with the riskiest piece, test it early, and keep the rest simple.",
    ];

    public static string Answer(string assistant, string question)
    {
        string topic = question.Trim().TrimEnd('?', '.', '!');
        int pick = 0;
        foreach (char c in topic)
        {
            pick = (pick * 31 + c) & 0x7fffffff;
        }

        return $"{assistant} (emulated) on \"{topic}\": {Advice[pick % Advice.Length]}";
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
