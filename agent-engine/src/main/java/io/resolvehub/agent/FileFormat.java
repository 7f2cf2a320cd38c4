package io.resolvehub.agent;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The document formats a file upload may have, recognised by name and checked against the bytes. */
public enum FileFormat {
    PDF, MARKDOWN, HTML, TEXT;

    /** What the upload endpoint tells a user whose file is of another type. */
    public static final String SUPPORTED = "PDF (.pdf), Markdown (.md, .markdown), HTML (.html, .htm) or plain text (.txt)";

    /**
     * The declared format of an upload from its file name, falling back to its media type; empty when neither names
     * a supported format (the caller answers 415).
     */
    public static Optional<FileFormat> declared(String filename, String mediaType) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            return Optional.of(PDF);
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return Optional.of(MARKDOWN);
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return Optional.of(HTML);
        }
        if (name.endsWith(".txt") || name.endsWith(".text")) {
            return Optional.of(TEXT);
        }
        if (name.contains(".") && !name.endsWith(".")) {
            return Optional.empty();   // a named extension we don't read (.docx, .png, .exe): refuse, whatever the media type
        }
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/pdf")) {
            return Optional.of(PDF);
        }
        if (type.startsWith("text/markdown")) {
            return Optional.of(MARKDOWN);
        }
        if (type.startsWith("text/html")) {
            return Optional.of(HTML);
        }
        if (type.startsWith("text/plain")) {
            return Optional.of(TEXT);
        }
        return Optional.empty();
    }

    /**
     * Checks that the bytes are what the name says, so a binary named {@code notes.md} fails with a clear reason
     * instead of indexing garbage.
     *
     * @throws IngestionException when the content does not match
     */
    public void verify(byte[] content, String filename) {
        String shown = filename == null ? "the file" : "'" + filename + "'";
        if (content.length == 0) {
            throw new IngestionException(shown + " is empty");
        }
        boolean pdfMagic = content.length >= 5 && content[0] == '%' && content[1] == 'P' && content[2] == 'D'
                && content[3] == 'F' && content[4] == '-';
        if (this == PDF) {
            if (!pdfMagic) {
                throw new IngestionException(shown + " is named as a PDF but is not one (it does not start with %PDF-)");
            }
            return;
        }
        if (pdfMagic) {
            throw new IngestionException(shown + " is a PDF, not " + describe() + ": upload it with a .pdf name");
        }
        if (!isText(content)) {
            throw new IngestionException(shown + " is named as " + describe()
                    + " but holds binary data, not UTF-8 text; upload " + SUPPORTED);
        }
    }

    private String describe() {
        return switch (this) {
            case PDF -> "a PDF";
            case MARKDOWN -> "Markdown";
            case HTML -> "HTML";
            case TEXT -> "plain text";
        };
    }

    /** UTF-8 (or ASCII) without NUL or other control bytes besides tab, newline, form feed and carriage return. */
    static boolean isText(byte[] content) {
        int controls = 0;
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
            if (b > 0 && b < 32 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                controls++;
            }
        }
        if (controls > content.length / 100 + 1) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
