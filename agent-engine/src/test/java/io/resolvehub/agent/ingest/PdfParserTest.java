package io.resolvehub.agent.ingest;

import io.resolvehub.agent.IngestionException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PdfParserTest {

    /** A real PDF made with PDFBox: one page per entry, each line of text on its own line. */
    static byte[] pdf(List<List<String>> pages, String ownerPassword, String userPassword) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<String> lines : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(font, 12);
                    content.newLineAtOffset(50, 700);
                    for (String line : lines) {
                        content.showText(line);
                        content.newLineAtOffset(0, -18);
                    }
                    content.endText();
                }
            }
            if (ownerPassword != null) {
                AccessPermission permission = new AccessPermission();
                permission.setCanExtractContent(false);
                StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, userPassword, permission);
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void readsTheTextOfATextPdf() throws IOException {
        byte[] pdf = pdf(List.of(List.of("Refund policy", "", "Refunds are issued within 14 days of purchase.")), null, null);
        ParsedDocument doc = new PdfParser(10).parse(pdf, "refunds.pdf");
        assertThat(String.join(" ", doc.blocks().stream().map(Block::text).toList())).contains("Refunds are issued within 14 days");
    }

    @Test
    void refusesACorruptPdfReadably() throws IOException {
        byte[] pdf = pdf(List.of(List.of("hello")), null, null);
        byte[] corrupt = Arrays.copyOf(pdf, 40);
        assertThatThrownBy(() -> new PdfParser(10).parse(corrupt, "x.pdf"))
                .isInstanceOf(IngestionException.class).hasMessageStartingWith("the PDF is damaged and cannot be read");
    }

    @Test
    void refusesAPasswordProtectedPdfReadably() throws IOException {
        byte[] pdf = pdf(List.of(List.of("secret")), "owner", "user");
        assertThatThrownBy(() -> new PdfParser(10).parse(pdf, "x.pdf")).hasMessageContaining("password-protected");
    }

    @Test
    void refusesAPdfWithMorePagesThanTheLimit() throws IOException {
        byte[] pdf = pdf(java.util.Collections.nCopies(12, List.of("page")), null, null);
        assertThatThrownBy(() -> new PdfParser(10).parse(pdf, "x.pdf"))
                .hasMessageContaining("the PDF has 12 pages, more than the limit of 10");
    }
}
