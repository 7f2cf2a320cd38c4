package io.resolvehub.security.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Odd multipart uploads, drawn from a seeded {@link Random} so a failure replays: a boundary missing, wrong or never
 * closed; bodies truncated or bit-flipped; file names that are huge, hold control characters, path traversal, invalid
 * UTF-8 or no extension; parts with other names, two files, odd part headers; file contents that are binary, invalid
 * UTF-8, a broken PDF, empty; a title field of the wrong kind. Each one is a {@link Upload}: its Content-Type header and
 * its body bytes.
 */
final class MalformedUploads {

    record Upload(String contentType, byte[] body) {
    }

    private static final String[] NAMES = {"notes.md", "page.html", "faq.txt", "manual.pdf", "README", "a.markdown",
            "x.exe", "../../etc/passwd.md", "C:\\temp\\evil.txt", "no\u0000te.md", "\u202etxt.md", ".md", "", "é.htm",
            "n".repeat(5_000) + ".md", "with\"quote.md", "semi;colon.txt", "new\r\nline.md"};
    private static final String[] PART_TYPES = {"text/markdown", "text/plain", "application/pdf", "text/html",
            "application/octet-stream", "image/png", "text/plain; charset=utf-16", "", "garbage/", "text/plain; charset=nope"};

    private final Random random;

    MalformedUploads(long seed) {
        this.random = new Random(seed);
    }

    Upload next() {
        String boundary = "----fuzz" + Long.toHexString(random.nextLong());
        byte[] body = body(boundary);
        String contentType = switch (random.nextInt(12)) {
            case 0 -> "multipart/form-data";                                     // no boundary
            case 1 -> "multipart/form-data; boundary=" + boundary + "x";        // the wrong one
            case 2 -> "multipart/mixed; boundary=" + boundary;
            case 3 -> "multipart/form-data; boundary=\"" + boundary + "\"; charset=utf-7";
            case 4 -> "multipart/form-data; boundary=" + "b".repeat(80);
            default -> "multipart/form-data; boundary=" + boundary;
        };
        return new Upload(contentType, damage(body));
    }

    private byte[] body(String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String eol = random.nextInt(10) == 0 ? "\n" : "\r\n";
        int parts = random.nextInt(8) == 0 ? 2 + random.nextInt(2) : 1;
        for (int i = 0; i < parts; i++) {
            write(out, "--" + boundary + eol);
            String field = random.nextInt(10) == 0 ? pick(new String[]{"files", "title", "", "file\u0000"}) : "file";
            write(out, "Content-Disposition: form-data; name=\"" + field + "\"");
            if (random.nextInt(12) != 0) {
                write(out, "; filename=\"" + pick(NAMES) + "\"");
            }
            if (random.nextInt(20) == 0) {
                out.writeBytes(new byte[]{'"', (byte) 0xff, (byte) 0xc3});  // invalid UTF-8 in the header
            }
            write(out, eol);
            if (random.nextInt(4) != 0) {
                write(out, "Content-Type: " + pick(PART_TYPES) + eol);
            }
            if (random.nextInt(15) == 0) {
                write(out, "Content-Transfer-Encoding: base64" + eol);
            }
            write(out, eol);
            out.writeBytes(content());
            write(out, eol);
        }
        if (random.nextInt(4) == 0) {
            write(out, "--" + boundary + eol + "Content-Disposition: form-data; name=\"title\"" + eol + eol
                    + pick(new String[]{"Refunds", "", "t\u0000\u001b[31m", "x".repeat(600), "\ud800"}) + eol);
        }
        if (random.nextInt(8) != 0) {
            write(out, "--" + boundary + "--" + eol);
        }
        return out.toByteArray();
    }

    private byte[] content() {
        return switch (random.nextInt(9)) {
            case 0 -> new byte[0];
            case 1 -> {
                byte[] noise = new byte[random.nextInt(4096)];
                random.nextBytes(noise);
                yield noise;
            }
            case 2 -> new byte[]{(byte) 0xff, (byte) 0xfe, 'a', 0, (byte) 0xc3, '(', (byte) 0xed, (byte) 0xa0, (byte) 0x80};
            case 3 -> ("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" + "garbage ".repeat(random.nextInt(50)))
                    .getBytes(StandardCharsets.ISO_8859_1);
            case 4 -> ("<html><body>" + "<div>".repeat(random.nextInt(5_000)) + "Refunds take 14 days.</body>")
                    .getBytes(StandardCharsets.UTF_8);
            case 5 -> "a".repeat(1 + random.nextInt(50_000)).getBytes(StandardCharsets.UTF_8);
            case 6 -> "Größe \u0000 \u202e \ud83d\ude00 line\r\n".repeat(1 + random.nextInt(20)).getBytes(StandardCharsets.UTF_8);
            default -> ("# Refunds\n\nRefunds are issued within 14 days of purchase " + random.nextInt() + ".\n")
                    .getBytes(StandardCharsets.UTF_8);
        };
    }

    /** Byte-level damage to the whole body, now and then. */
    private byte[] damage(byte[] body) {
        return switch (random.nextInt(10)) {
            case 0 -> Arrays.copyOf(body, random.nextInt(body.length + 1));
            case 1 -> {
                byte[] flipped = body.clone();
                for (int i = 0, n = 1 + random.nextInt(8); i < n && flipped.length > 0; i++) {
                    flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
                }
                yield flipped;
            }
            default -> body;
        };
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
