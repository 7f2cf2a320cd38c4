package io.resolvehub.core.internal.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The key that encrypts stored secrets: {@code hub.master-key} (base64 of 16, 24 or 32 bytes) when set, else a
 * 256-bit key generated once into {@code <hub.data-dir>/master-key} (mode 0600) and read from there afterwards.
 */
public final class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    public static final String FILE_NAME = "master-key";

    private MasterKey() {
    }

    public static SecretKey resolve(String configuredBase64, Path dataDir) {
        if (configuredBase64 != null && !configuredBase64.isBlank()) {
            return fromBase64(configuredBase64.trim(), "hub.master-key");
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                generateInto(file);
            }
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the master key at " + file
                    + "; set hub.master-key or make hub.data-dir writable", e);
        }
    }

    /** The key the hub would use now, without generating one: empty when neither the setting nor the file exists. */
    public static Optional<SecretKey> existing(String configuredBase64, Path dataDir) {
        if (configuredBase64 != null && !configuredBase64.isBlank()) {
            return Optional.of(fromBase64(configuredBase64.trim(), "hub.master-key"));
        }
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(fromBase64(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the master key at " + file, e);
        }
    }

    /** A key given as base64 of 16, 24 or 32 bytes; {@code where} names its origin in the error (never the value). */
    public static SecretKey parse(String base64, String where) {
        return fromBase64(base64 == null ? "" : base64.trim(), where);
    }

    /**
     * Replaces {@code <dataDir>/master-key} with {@code key}: written to a private temporary file beside it, then moved
     * over it atomically, so the file holds either the old key or the new one, never a torn mix.
     */
    public static void replaceFile(Path dataDir, SecretKey key) {
        Path file = dataDir.resolve(FILE_NAME);
        Path next = dataDir.resolve(FILE_NAME + ".next");
        try {
            Files.deleteIfExists(next);
            if (supportsPosix(next)) {
                Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(next);
            }
            Files.writeString(next, Base64.getEncoder().encodeToString(key.getEncoded()) + "\n",
                    StandardCharsets.US_ASCII);
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not replace the master key at " + file, e);
        }
    }

    private static void generateInto(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String encoded = Base64.getEncoder().encodeToString(newKey().getEncoded());
        try {
            if (supportsPosix(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, encoded + "\n", StandardCharsets.US_ASCII);
            log.info("Generated a new master key into {} (keep it with the database: stored secrets need it)", file);
        } catch (FileAlreadyExistsException raced) {
            // another instance sharing the data dir created it first: use theirs
        }
    }

    private static boolean supportsPosix(Path file) {
        Set<String> views = file.toAbsolutePath().getParent().getFileSystem().supportedFileAttributeViews();
        return views.contains("posix");
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    private static SecretKey fromBase64(String base64, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the master key in " + where + " is not valid base64", e);
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalStateException("the master key in " + where + " must be 16, 24 or 32 bytes (base64), was "
                    + bytes.length + " bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
