package io.resolvehub.agent.ingest;

import io.resolvehub.agent.FileFormat;

/** The parser for each file format. */
public final class Parsers {

    private final MarkdownParser markdown = new MarkdownParser();
    private final HtmlParser html = new HtmlParser();
    private final PlainTextParser text = new PlainTextParser();
    private final PdfParser pdf;

    public Parsers(int maxPdfPages) {
        this.pdf = new PdfParser(maxPdfPages);
    }

    public DocumentParser forFormat(FileFormat format) {
        return switch (format) {
            case PDF -> pdf;
            case MARKDOWN -> markdown;
            case HTML -> html;
            case TEXT -> text;
        };
    }
}
