using System;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>
/// Generated models list their members without accessors and move each value through one visit method, written here
/// by hand in the generator's shape: the visit reads into the model, writes from it, and leaves it as it was.
/// </summary>
public sealed class JsonMemberVisitTests
{
    [Fact]
    public void A_model_read_through_its_visit_keeps_absent_null_and_set_apart_and_writes_back_what_it_read()
    {
        Note note = JsonCodecs.Deserialize("""{"count":null,"unknown":[1,{"title":"no"}],"title":"t","memo":null}""", Note.Codec);

        Assert.Equal("t", note.Title);
        Assert.Null(note.Count);
        Assert.True(note.Memo.IsSet);
        Assert.Null(note.Memo.Value);
        Assert.Equal("""{"title":"t","memo":null}""", JsonCodecs.Serialize(note, Note.Codec));
        Assert.Equal("t", note.Title);
        Assert.True(note.Memo.IsSet);
    }

    [Fact]
    public void Members_without_a_value_are_left_out_and_set_ones_are_written_in_the_list_s_order()
    {
        Assert.Equal("""{"title":"x"}""", JsonCodecs.Serialize(new Note { Title = "x" }, Note.Codec));
        Assert.Equal("""{"title":"x","count":2,"memo":"m"}""", JsonCodecs.Serialize(new Note { Memo = "m", Count = 2, Title = "x" }, Note.Codec));
        Assert.Equal("""{"title":null}""", JsonCodecs.Serialize(new Note { Title = null! }, Note.Codec));
    }

    [Fact]
    public void A_visit_that_disagrees_with_the_member_list_names_the_member_instead_of_reading_garbage()
    {
        var codec = new ObjectCodec<Note>(
            static () => new Note(),
            static members => new[] { members.Value("count", JsonCodecs.Nullable(JsonCodecs.Int32)) },
            static (ref JsonMemberVisit v, Note m) => m.Title = v.Value(m.Title));

        InvalidOperationException ex = Assert.Throws<InvalidOperationException>(() => JsonCodecs.Deserialize("""{"count":1}""", codec));

        Assert.Contains("'count'", ex.Message, StringComparison.Ordinal);
    }

    private sealed class Note
    {
        public static readonly ObjectCodec<Note> Codec = new(
            static () => new Note(),
            static members => new[]
            {
                members.Required("title", JsonCodecs.String),
                members.Value("count", JsonCodecs.Nullable(JsonCodecs.Int32)),
                members.Optional("memo", JsonCodecs.String),
            },
            Visit);

        public string Title { get; set; } = "";

        public int? Count { get; set; }

        public Optional<string?> Memo { get; set; }

        private static void Visit(ref JsonMemberVisit v, Note m)
        {
            switch (v.Member)
            {
                case 0: m.Title = v.Value(m.Title); break;
                case 1: m.Count = v.Value(m.Count); break;
                case 2: m.Memo = v.Optional(m.Memo); break;
            }
        }
    }
}
