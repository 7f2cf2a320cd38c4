package io.resolvehub.core.keys;

import io.resolvehub.core.channel.ChannelAccounts;
import io.resolvehub.core.internal.channel.JdbcChannelAccounts;
import io.resolvehub.core.internal.crypto.MasterKey;
import io.resolvehub.core.internal.crypto.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;

/**
 * A hub database's channel records as a hub running with a given master key reads and writes them, without a running
 * hub: what shows, around a {@link MasterKeyRotation}, which key the stored secrets open with. Reading a record the key
 * does not open fails as the hub does, naming {@code hub.master-key}.
 */
public final class StoredChannelAccounts {

    private StoredChannelAccounts() {
    }

    /**
     * @param base64Key the master key as {@code hub.master-key} holds it (base64 of a 16, 24 or 32 byte AES key)
     * @return the records; settings are kept as they are, not checked against a channel's settings form
     */
    public static ChannelAccounts openWith(DataSource dataSource, String base64Key) {
        return new JdbcChannelAccounts(JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new SecretBox(MasterKey.parse(base64Key, "hub.master-key")), List::of, Clock.systemUTC());
    }
}
