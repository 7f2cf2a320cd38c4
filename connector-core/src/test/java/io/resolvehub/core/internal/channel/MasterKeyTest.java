package io.resolvehub.core.internal.channel;

import io.resolvehub.core.internal.crypto.MasterKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.SecretKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeyTest {

    @Test
    void generatesAKeyIntoTheDataDirReadableOnlyByTheOwnerAndReusesIt(@TempDir Path dataDir) throws Exception {
        SecretKey first = MasterKey.resolve(null, dataDir.resolve("nested"));
        Path file = dataDir.resolve("nested/master-key");

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(first.getEncoded()).hasSize(32);
        assertThat(MasterKey.resolve("", dataDir.resolve("nested")).getEncoded()).isEqualTo(first.getEncoded());
    }

    @Test
    void prefersTheConfiguredKeyAndRejectsAMalformedOne(@TempDir Path dataDir) {
        byte[] key = new byte[16];
        key[0] = 7;
        assertThat(MasterKey.resolve(Base64.getEncoder().encodeToString(key), dataDir).getEncoded()).isEqualTo(key);
        assertThat(dataDir.resolve("master-key")).doesNotExist();
        assertThatThrownBy(() -> MasterKey.resolve("not base64!", dataDir)).hasMessageContaining("hub.master-key");
        assertThatThrownBy(() -> MasterKey.resolve(Base64.getEncoder().encodeToString(new byte[5]), dataDir))
                .hasMessageContaining("16, 24 or 32 bytes");
    }
}
