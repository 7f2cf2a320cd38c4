package io.resolvehub.core.internal.channel;

import io.resolvehub.core.ChannelType;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.internal.crypto.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Re-encrypts every row of {@code channel_accounts} from one master key to another in a single transaction: either
 * every row is under the new key afterwards or none changed. A row the new key already opens is left as it is, so a
 * second run (after an interruption, or by mistake) is harmless. A row neither key opens aborts the whole run.
 */
public final class ChannelSecretsRotation {

    /** What a run did: rows re-encrypted, rows already under the new key. */
    public record Counts(int reEncrypted, int alreadyUnderNewKey) {
    }

    private record Row(String tenant, String channel, String settings) {
        String aad() {
            return JdbcChannelAccounts.aad(new TenantId(tenant), new ChannelType(channel));
        }

        String name() {
            return "tenant " + tenant + " / " + channel;
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public ChannelSecretsRotation(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** @throws UnreadableSecretsException when a row opens with neither key; nothing is changed then */
    public Counts rotate(SecretBox current, SecretBox next) {
        return tx.execute(status -> {
            // FOR UPDATE: a hub left running cannot rewrite a row under the old key while this run holds it.
            List<Row> rows = jdbc.sql("select tenant_id, channel, settings from channel_accounts "
                            + "order by tenant_id, channel for update")
                    .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3))).list();
            List<String> unreadable = new ArrayList<>();
            int reEncrypted = 0;
            int already = 0;
            for (Row row : rows) {
                Optional<String> plain = current.tryDecrypt(row.settings(), row.aad());
                if (plain.isPresent()) {
                    jdbc.sql("update channel_accounts set settings = ? where tenant_id = ? and channel = ?")
                            .params(next.encrypt(plain.get(), row.aad()), row.tenant(), row.channel()).update();
                    reEncrypted++;
                } else if (next.tryDecrypt(row.settings(), row.aad()).isPresent()) {
                    already++;
                } else {
                    unreadable.add(row.name());
                }
            }
            if (!unreadable.isEmpty()) {
                throw new UnreadableSecretsException(unreadable, rows.size());
            }
            return new Counts(reEncrypted, already);
        });
    }

    /** Some stored settings open with neither key: the current key is not the one they were written with. */
    public static final class UnreadableSecretsException extends IllegalStateException {
        public UnreadableSecretsException(List<String> rows, int total) {
            super(rows.size() + " of " + total + " stored channel settings open with neither the current master key "
                    + "nor the new one (" + String.join(", ", rows) + "): the current key (hub.master-key, or "
                    + "<hub.data-dir>/master-key when unset) must be the key the hub runs with. Nothing was changed");
        }
    }
}
