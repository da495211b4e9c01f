import Testing

@testable import ContextMaps

struct LabelTextTests {
    @Test func backslashesAreDoubledSoGraphvizEscapesStayInert() {
        #expect(LabelText.escaped(#"\N"#) == #"\\N"#)
        #expect(LabelText.escaped(#"a\"#) == #"a\\"#)
        #expect(LabelText.escaped(#"\G\L\l"#) == #"\\G\\L\\l"#)
    }

    @Test func newlinesBecomeLiveLineBreaksAfterEscaping() {
        #expect(LabelText.escaped("a\nb") == #"a\nb"#)
        #expect(LabelText.escaped("a\r\nb\rc") == #"a\nb\nc"#)
        #expect(LabelText.escaped("a\\\nb") == #"a\\\nb"#)
    }

    @Test func controlAndBidiOverrideCharactersAreDropped() {
        #expect(LabelText.escaped("a\u{0}b\u{7}c\u{1B}[31md\u{7F}e\u{85}f") == "abc[31mdef")
        #expect(LabelText.escaped("x\u{202E}yz\u{2066}") == "xyz")
        #expect(LabelText.escaped("a\tb") == "a b")
    }

    @Test func ampersandsAreEntitiesSoTheyShowLiterally() {
        #expect(LabelText.escaped("A & B &lt;") == "A &amp; B &amp;lt;")
    }

    @Test func longTextIsCappedWithAnEllipsis() {
        let long = String(repeating: "x", count: 1_000_000)
        let capped = LabelText.escaped(long)
        #expect(capped.count == LabelText.labelLimit)
        #expect(capped.hasSuffix("…"))
        #expect(LabelText.escaped(String(repeating: "y", count: LabelText.labelLimit)).count == LabelText.labelLimit)
        #expect(!LabelText.escaped(String(repeating: "y", count: LabelText.labelLimit)).hasSuffix("…"))
        // A megabyte of control characters followed by text is still cut and marked.
        let hidden = String(repeating: "\u{1}", count: 1_000_000) + "tail"
        #expect(LabelText.escaped(hidden) == "…")
    }

    @Test func emojiAndRightToLeftTextSurvive() {
        #expect(LabelText.escaped("👩🏽‍🚀 שלום") == "👩🏽‍🚀 שלום")
    }

    @Test func htmlTextHasNoMarkupLeft() {
        #expect(LabelText.html(#"<b>x</b> & "q" 'a'"#) == "&lt;b&gt;x&lt;/b&gt; &amp; &quot;q&quot; &#39;a&#39;")
        #expect(LabelText.html("a\nb") == "a<BR/>b")
    }
}

extension LabelTextTests {
    @Test func tooltipsQuadrupleBackslashesBecauseGraphvizUnescapesThemTwice() {
        #expect(LabelText.tooltip(#"\N"#) == #"\\\\N"#)
        #expect(LabelText.tooltip("a\nb") == #"a\nb"#)
        #expect(LabelText.tooltip("x&y") == "x&amp;y")
    }
}
