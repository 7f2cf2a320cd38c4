package io.resolvehub.agent.ingest;

import io.resolvehub.agent.FileFormat;
import io.resolvehub.agent.IngestionException;
import io.resolvehub.agent.TestAgent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParsingAndChunkingTest {

    private final Chunker chunker = new Chunker(180);

    @Test
    void markdownKeepsHeadingPathsAndNumberedStepsTogether() {
        ParsedDocument doc = new MarkdownParser().parse(TestAgent.resource("demo-help-center/reset-your-password.md"), "fallback");
        assertThat(doc.title()).isEqualTo("Reset your password");
        List<Chunk> chunks = chunker.chunk(doc);
        Chunk forgotten = chunks.stream().filter(c -> c.headingPath().contains("Reset a forgotten password")).findFirst().orElseThrow();
        assertThat(forgotten.headingPath()).containsExactly("Reset your password", "Reset a forgotten password");
        assertThat(forgotten.text()).contains("1. Go to the Lumen Notes sign-in page", "2. Click Forgot password?",
                "5. Type your new password twice and click Save new password.");
        assertThat(forgotten.text()).doesNotContain("**");
        assertThat(forgotten.contextualText()).startsWith("Reset your password\nReset a forgotten password\n");
    }

    @Test
    void htmlDropsNavigationScriptsAndStylesAndNumbersOrderedLists() {
        String html = """
                <html><head><title>Acme Help | 2FA</title><style>.x{color:red}</style><script>track()</script></head>
                <body><nav><a href="/">Home</a> Products Pricing</nav>
                <main><h1>Set up two-factor authentication</h1><p>Protect your account.</p>
                <h2>Turn it on</h2><ol><li>Open <b>Settings</b>.</li><li>Click Security.</li><li>Scan the QR code.</li></ol>
                </main><footer>© Acme</footer></body></html>""";
        ParsedDocument doc = new HtmlParser().parse(html.getBytes(StandardCharsets.UTF_8), "fallback");
        assertThat(doc.title()).isEqualTo("Set up two-factor authentication");
        String all = String.join("\n", doc.blocks().stream().map(Block::text).toList());
        assertThat(all).contains("1. Open Settings.\n2. Click Security.\n3. Scan the QR code.");
        assertThat(all).doesNotContain("track()", "color:red", "Products Pricing", "© Acme");
        assertThat(doc.blocks().getLast().headingPath()).containsExactly("Set up two-factor authentication", "Turn it on");
    }

    @Test
    void plainTextFindsHeadingsAndKeepsStepsSeparatedByBlankLinesInOneList() {
        String text = "Exporting notes\n\nYou can export any notebook.\n\n1. Open the notebook.\n\n2. Click Export.\n\n3. Choose a format.";
        ParsedDocument doc = new PlainTextParser().parse(text.getBytes(StandardCharsets.UTF_8), "fallback");
        assertThat(doc.title()).isEqualTo("Exporting notes");
        List<Chunk> chunks = chunker.chunk(doc);
        assertThat(chunks).hasSize(1);
        assertThat(chunks.getFirst().text()).isEqualTo("You can export any notebook.\n1. Open the notebook.\n2. Click Export.\n3. Choose a format.");
    }

    @Test
    void aListLongerThanTheLimitIsSplitBetweenItemsNeverInsideOne() {
        StringBuilder steps = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            steps.append(i).append(". Do the thing number ").append(i).append(" carefully and then wait.\n");
        }
        List<Chunk> chunks = new Chunker(60).chunk(new ParsedDocument("T", List.of(new Block(List.of("T"), steps.toString().strip(), true))));
        assertThat(chunks).hasSizeGreaterThan(1);
        for (Chunk chunk : chunks) {
            assertThat(chunk.text().lines()).allMatch(line -> line.matches("\\d+\\. Do the thing number \\d+ carefully and then wait\\."));
        }
    }

    @Test
    void aLongRunWithoutSpacesIsSplitIntoChunksOfTheCharacterLimit() {
        String base64 = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0MjQy".repeat(2_600); // about 100 KB, no spaces
        ParsedDocument doc = new PlainTextParser().parse(("Key material\n\n" + base64).getBytes(StandardCharsets.UTF_8), "k");

        List<Chunk> chunks = chunker.chunk(doc);

        assertThat(chunks).hasSizeGreaterThan(40);
        assertThat(chunks).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(chunker.maxChars()));
        assertThat(String.join("", chunks.stream().map(Chunk::text).toList())).isEqualTo(base64);
    }

    @Test
    void noChunkIsLongerThanTheCharacterLimitWhateverTheText() {
        java.util.Random random = new java.util.Random(16);
        for (int doc = 0; doc < 200; doc++) {
            StringBuilder text = new StringBuilder("Title\n\n");
            int length = random.nextInt(30_000);
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(100);
                text.append(kind < 2 ? '\n' : kind < 10 ? ' ' : kind < 12 ? '.' : (char) ('a' + random.nextInt(26)));
                if (random.nextInt(5_000) == 0) {
                    text.append("x".repeat(random.nextInt(20_000)));
                }
            }
            for (Chunk chunk : chunker.chunk(new PlainTextParser().parse(text.toString().getBytes(StandardCharsets.UTF_8), "t"))) {
                assertThat(chunk.text().length()).isLessThanOrEqualTo(chunker.maxChars());
            }
        }
    }

    @Test
    void proseIsChunkedByWordsAsBefore() {
        String prose = "Open the export page and choose the format you need for your data. ".repeat(30);
        List<Chunk> chunks = chunker.chunk(new ParsedDocument("T", List.of(new Block(List.of("T"), prose.strip(), false))));

        assertThat(chunks).extracting(c -> Chunker.countWords(c.text())).containsExactly(169, 169, 52);
    }

    @Test
    void typeSniffingRefusesABinaryNamedMarkdownAndAnEmptyFileReadably() {
        byte[] binary = {0x50, 0x4b, 0x03, 0x04, 0x00, 0x01, (byte) 0xff, 0x00, 0x12};
        assertThatThrownBy(() -> FileFormat.MARKDOWN.verify(binary, "notes.md"))
                .isInstanceOf(IngestionException.class).hasMessageContaining("'notes.md' is named as Markdown but holds binary data");
        assertThatThrownBy(() -> FileFormat.TEXT.verify(new byte[0], "empty.txt")).hasMessage("'empty.txt' is empty");
        assertThatThrownBy(() -> FileFormat.PDF.verify("hello".getBytes(), "fake.pdf")).hasMessageContaining("not one");
    }

    @Test
    void declaredFormatComesFromTheNameThenTheMediaType() {
        assertThat(FileFormat.declared("Guide.PDF", null)).contains(FileFormat.PDF);
        assertThat(FileFormat.declared("faq.htm", "application/octet-stream")).contains(FileFormat.HTML);
        assertThat(FileFormat.declared("report.docx", "text/plain")).isEmpty();
        assertThat(FileFormat.declared("README", "text/markdown")).contains(FileFormat.MARKDOWN);
        assertThat(FileFormat.declared("photo.png", "image/png")).isEmpty();
    }
}
