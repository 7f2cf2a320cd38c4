package io.resolvehub.agent;

import io.resolvehub.core.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Each tenant's voice settings; a tenant that never set them gets {@link VoiceSettings#DEFAULT}. */
public final class VoiceSettingsRepository implements Voices {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public VoiceSettingsRepository(DataSource dataSource, TransactionTemplate tx) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = tx;
    }

    @Override
    public VoiceSettings get(TenantId tenant) {
        return jdbc.sql("SELECT assistant_name, tone, greeting, sign_off FROM agent_voice_settings WHERE tenant = :tenant")
                .param("tenant", tenant.value())
                .query((rs, n) -> new VoiceSettings(rs.getString("assistant_name"), rs.getString("tone"),
                        rs.getString("greeting"), rs.getString("sign_off")))
                .optional().orElse(VoiceSettings.DEFAULT);
    }

    public void put(TenantId tenant, VoiceSettings voice) {
        tx.executeWithoutResult(status -> {
            int rows = jdbc.sql("""
                            UPDATE agent_voice_settings SET assistant_name = :name, tone = :tone, greeting = :greeting,
                              sign_off = :signOff, updated_at = :now WHERE tenant = :tenant""")
                    .params(params(tenant, voice)).update();
            if (rows == 0) {
                jdbc.sql("""
                                INSERT INTO agent_voice_settings (tenant, assistant_name, tone, greeting, sign_off, updated_at)
                                VALUES (:tenant, :name, :tone, :greeting, :signOff, :now)""")
                        .params(params(tenant, voice)).update();
            }
        });
    }

    private static java.util.Map<String, Object> params(TenantId tenant, VoiceSettings voice) {
        return java.util.Map.of("tenant", tenant.value(), "name", voice.assistantName(), "tone", voice.tone(),
                "greeting", voice.greeting(), "signOff", voice.signOff(), "now", OffsetDateTime.now(ZoneOffset.UTC));
    }
}
