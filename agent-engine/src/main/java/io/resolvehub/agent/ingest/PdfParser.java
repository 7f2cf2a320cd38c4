package io.resolvehub.agent.ingest;

import io.resolvehub.agent.IngestionException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;

/**
 * PDF through PDFBox: the text of each page, then read like plain text. Refuses, with a readable reason, PDFs that are
 * encrypted, corrupt, longer than {@code maxPages}, or that hold no extractable text (scans).
 */
final class PdfParser implements DocumentParser {

    private final int maxPages;
    private final PlainTextParser text = new PlainTextParser();

    public PdfParser(int maxPages) {
        this.maxPages = maxPages;
    }

    @Override
    public ParsedDocument parse(byte[] content, String fallbackTitle) {
        try (PDDocument document = Loader.loadPDF(content)) {
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                throw new IngestionException("the PDF is encrypted: save an unprotected copy and upload that");
            }
            int pages = document.getNumberOfPages();
            if (pages > maxPages) {
                throw new IngestionException("the PDF has " + pages + " pages, more than the limit of " + maxPages
                        + ": split it into smaller files (setting hub.agent.max-pdf-pages)");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setParagraphStart("\n");
            String extracted = stripper.getText(document);
            if (extracted.isBlank()) {
                throw new IngestionException("the PDF holds no extractable text (a scan?): upload a text-based PDF");
            }
            String title = document.getDocumentInformation() == null ? null : document.getDocumentInformation().getTitle();
            ParsedDocument parsed = text.parseText(extracted, fallbackTitle);
            return new ParsedDocument(title != null && !title.isBlank() ? title.strip() : parsed.title(), parsed.blocks());
        } catch (InvalidPasswordException e) {
            throw new IngestionException("the PDF is password-protected: upload an unprotected copy");
        } catch (IOException e) {
            throw new IngestionException("the PDF is damaged and cannot be read (" + e.getMessage() + ")");
        }
    }
}
