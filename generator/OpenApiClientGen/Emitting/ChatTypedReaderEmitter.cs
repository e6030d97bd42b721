using System.Collections.Generic;
using OpenApiClientGen.Model;

namespace OpenApiClientGen.Emitting;

/// <summary>
/// Writes the adapter's <c>TryRead</c>: for each answer or event type with a <see cref="ChatTypedReaderSpec"/>, static
/// methods that read the chat's parts straight from the typed members, so a chunk costs no JSON. Any other value, and
/// an item that carries tool calls, returns false and is read through its JSON.
/// </summary>
internal static class ChatTypedReaderEmitter
{
    private const string Support = "global::OpenApiClientGen.ChatClients.";

    public static void Write(SourceWriter writer, ChatClientTarget api)
    {
        EquatableArray<ChatTypedReaderSpec> readers = api.Chat.TypedReaders;
        if (readers.IsEmpty)
        {
            return;
        }

        writer.WriteLine();
        writer.OpenBlock($"protected override bool TryRead(object? data, ref {Support}ChatParts parts)");
        writer.OpenBlock("switch (data)");
        for (int i = 0; i < readers.Count; i++)
        {
            writer.WriteLine($"case global::{api.Namespace}.{readers[i].TypeName} value{i}:");
            writer.WriteLine($"    return Read{i}(value{i}, ref parts);");
        }

        writer.WriteLine("default:");
        writer.WriteLine("    return false;");
        writer.CloseBlock();
        writer.CloseBlock();
        for (int i = 0; i < readers.Count; i++)
        {
            WriteReader(writer, api, readers[i], i);
        }
    }

    private static void WriteReader(SourceWriter writer, ChatClientTarget api, ChatTypedReaderSpec reader, int index)
    {
        string type = $"global::{api.Namespace}.{reader.TypeName}";
        writer.WriteLine();
        writer.OpenBlock($"private static bool Read{index}({type} data, ref {Support}ChatParts parts)");
        if (!reader[ChatAnswerPart.ToolCalls].IsEmpty)
        {
            writer.OpenBlock($"if (ToolCalls{index}(data))");
            writer.WriteLine("return false;");
            writer.CloseBlock();
            writer.WriteLine();
        }

        if (!reader[ChatAnswerPart.Text].IsEmpty)
        {
            writer.WriteLine($"parts.Text = Text{index}(data);");
        }

        foreach (ChatResolvedPart part in reader.Parts)
        {
            if (part.Part is not (ChatAnswerPart.Text or ChatAnswerPart.ToolCalls))
            {
                writer.WriteLine($"parts.{part.Part} = {part.Part}{index}(data);");
            }
        }

        writer.WriteLine("return true;");
        writer.CloseBlock();

        if (!reader[ChatAnswerPart.ToolCalls].IsEmpty)
        {
            WriteFirst(writer, $"private static bool ToolCalls{index}({type} data)", reader[ChatAnswerPart.ToolCalls], value => $"if ({value}.Count > 0) return true;", "return false;");
        }

        if (!reader[ChatAnswerPart.Text].IsEmpty)
        {
            writer.WriteLine();
            writer.OpenBlock($"private static string? Text{index}({type} data)");
            writer.WriteLine("string? text = null;");
            writer.WriteLine("global::System.Text.StringBuilder? more = null;");
            foreach (ChatMemberPathSpec path in reader[ChatAnswerPart.Text])
            {
                WriteChain(writer, path, 0, "data", value => $"AppendText({value}, ref text, ref more);");
                writer.OpenBlock("if (text is not null)");
                writer.WriteLine("return more?.ToString() ?? text;");
                writer.CloseBlock();
            }

            writer.WriteLine("return null;");
            writer.CloseBlock();
        }

        foreach (ChatResolvedPart part in reader.Parts)
        {
            if (part.Part is not (ChatAnswerPart.Text or ChatAnswerPart.ToolCalls))
            {
                string returns = ChatAnswerParts.Leaves(part.Part)[0] == ChatLeafKind.Integer ? "long?" : "string?";
                WriteFirst(writer, $"private static {returns} {part.Part}{index}({type} data)", part.Paths, value => $"return {value};", "return null;");
            }
        }
    }

    /// <summary>A method that tries each path in turn and stops at the first value the leaf statement returns.</summary>
    private static void WriteFirst(SourceWriter writer, string signature, EquatableArray<ChatMemberPathSpec> paths, System.Func<string, string> leaf, string otherwise)
    {
        writer.WriteLine();
        writer.OpenBlock(signature);
        foreach (ChatMemberPathSpec path in paths)
        {
            WriteChain(writer, path, 0, "data", leaf);
        }

        writer.WriteLine(otherwise);
        writer.CloseBlock();
    }

    /// <summary>Reads step <paramref name="step"/> of the path from <paramref name="owner"/>, going into each element of a list.</summary>
    private static void WriteChain(SourceWriter writer, ChatMemberPathSpec path, int step, string owner, System.Func<string, string> leaf)
    {
        if (step == path.Steps.Count)
        {
            string value = path.Leaf switch
            {
                ChatLeafKind.Enum => owner + ".Value",
                ChatLeafKind.Integer => "(long)" + owner,
                _ => owner,
            };
            writer.WriteLine(leaf(value));
            return;
        }

        ChatMemberStepSpec member = path.Steps[step];
        string found = "v" + step;
        string pattern = member.IsOptional ? $"{{ IsSet: true, Value: {{ }} {found} }}" : $"{{ }} {found}";
        writer.OpenBlock($"if ({owner}.{member.Member} is {pattern})");
        if (member.IsList)
        {
            string element = "e" + step;
            // By index: a foreach over the IList would box its enumerator on every item.
            writer.OpenBlock($"for (int i{step} = 0; i{step} < {found}.Count; i{step}++)");
            writer.OpenBlock($"if ({found}[i{step}] is {{ }} {element})");
            WriteChain(writer, path, step + 1, element, leaf);
            writer.CloseBlock();
            writer.CloseBlock();
        }
        else
        {
            WriteChain(writer, path, step + 1, found, leaf);
        }

        writer.CloseBlock();
    }
}
