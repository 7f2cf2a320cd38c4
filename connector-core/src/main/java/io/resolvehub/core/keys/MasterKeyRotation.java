package io.resolvehub.core.keys;

import io.resolvehub.core.internal.CoreProperties;
import io.resolvehub.core.internal.channel.ChannelSecretsRotation;
import io.resolvehub.core.internal.crypto.MasterKey;
import io.resolvehub.core.internal.crypto.SecretBox;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.SecretKey;
import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * Moves every stored secret from the current {@code hub.master-key} to a new one, for a hub that is stopped. The
 * current key is found the way the hub finds it ({@code hub.master-key}, else {@code <hub.data-dir>/master-key}).
 * The database is rewritten in one transaction; only after it commits, and only when the current key came from the
 * data-dir file, is that file replaced (atomically) by the new key. An interruption therefore leaves every secret
 * readable by the old key or by the new one, and running the rotation again with the same keys finishes the job.
 * Neither key is ever logged or put into a message.
 */
public final class MasterKeyRotation {

    /** What a rotation did. {@code keyFileReplaced}: the data-dir key file now holds the new key. */
    public record Outcome(int reEncrypted, int alreadyUnderNewKey, boolean keyFileReplaced) {
    }

    private MasterKeyRotation() {
    }

    /**
     * Reads the keys and the data dir from the hub's settings, bound exactly as the running hub binds them:
     * {@code hub.master-key}, {@code hub.data-dir} and the new key in {@code hub.new-master-key}.
     */
    public static Outcome rotate(DataSource dataSource, Environment environment) {
        Binder binder = Binder.get(environment);
        CoreProperties core = binder.bind("hub", CoreProperties.class).orElseGet(() -> new CoreProperties(null, null));
        String newKey = binder.bind("hub.new-master-key", String.class).orElse(null);
        return rotate(dataSource, core.masterKey(), core.dataDir(), newKey);
    }

    /**
     * @param configuredKey the hub's {@code hub.master-key} (blank or null when the key lives in the data dir)
     * @param newKey        base64 of the new 16, 24 or 32 byte AES key
     * @throws IllegalStateException with an actionable message when a key is missing or malformed, or when the
     *                               current key does not open the stored secrets; nothing is changed then
     */
    public static Outcome rotate(DataSource dataSource, String configuredKey, Path dataDir, String newKey) {
        if (newKey == null || newKey.isBlank()) {
            throw new IllegalStateException("no new key: set hub.new-master-key (e.g. the environment variable "
                    + "HUB_NEW_MASTER_KEY) to the base64 of a new 16, 24 or 32 byte key, such as the output of "
                    + "`openssl rand -base64 32`");
        }
        SecretKey next = MasterKey.parse(newKey, "hub.new-master-key");
        boolean keyInFile = configuredKey == null || configuredKey.isBlank();
        SecretKey current = MasterKey.existing(configuredKey, dataDir).orElseThrow(() -> new IllegalStateException(
                "no current master key: hub.master-key is unset and " + dataDir.resolve(MasterKey.FILE_NAME)
                        + " does not exist; set hub.master-key (or hub.data-dir) as the hub runs with"));
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ChannelSecretsRotation.Counts counts = new ChannelSecretsRotation(JdbcClient.create(dataSource), tx)
                .rotate(new SecretBox(current), new SecretBox(next));
        if (keyInFile) {
            MasterKey.replaceFile(dataDir, next);
        }
        return new Outcome(counts.reEncrypted(), counts.alreadyUnderNewKey(), keyInFile);
    }
}
