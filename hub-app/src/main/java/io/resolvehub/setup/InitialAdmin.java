package io.resolvehub.setup;

import io.resolvehub.core.DataDirectory;
import io.resolvehub.security.AdminUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Creates the admin user {@code admin} on first start with a random password, printed once on the console (never in
 * a log file) and written to {@code <data-dir>/initial-admin-password} readable by the owner only.
 */
@Component
class InitialAdmin {

    static final String USERNAME = "admin";
    static final String PASSWORD_FILE = "initial-admin-password";
    // No look-alike characters (0/O, 1/l/I): the password is read off a terminal and typed.
    private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final AdminUsers users;
    private final Path dataDir;
    private final SecureRandom random = new SecureRandom();
    private final PrintStream console;

    @org.springframework.beans.factory.annotation.Autowired
    InitialAdmin(AdminUsers users, DataDirectory dataDirectory) {
        this(users, dataDirectory, System.out);
    }

    /** @param console where the password is shown: the process's standard output, never a log appender */
    InitialAdmin(AdminUsers users, DataDirectory dataDirectory, PrintStream console) {
        this.users = users;
        this.dataDir = dataDirectory.path();
        this.console = console;
    }

    void ensureExists() {
        if (users.exists(USERNAME)) {
            return;
        }
        String password = randomPassword(20);
        Path file = dataDir.resolve(PASSWORD_FILE);
        writeOwnerOnly(file, password);
        users.create(USERNAME, password);
        // Printed once, on purpose: this is how a new operator learns the password (it is also in the file). On the
        // console only: the log files are kept, rotated and shipped, and a password must not travel with them.
        console.println(banner(password, file));
        log.warn("ResolveHub admin user '{}' created; its password is printed on the console and written to {}",
                USERNAME, file.toAbsolutePath());
    }

    static String banner(String password, Path file) {
        return """

                ==================================================================
                 ResolveHub admin user created
                   user:     %s
                   password: %s
                 (also written to %s; delete that file once you have changed it)
                ==================================================================
                """.formatted(USERNAME, password, file.toAbsolutePath());
    }

    private String randomPassword(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }

    private static void writeOwnerOnly(Path file, String password) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                throw new IllegalStateException("another process is creating " + file, raced);
            }
            Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the initial admin password to " + file, e);
        }
    }
}
