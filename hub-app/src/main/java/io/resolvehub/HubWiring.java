package io.resolvehub;

import io.resolvehub.agent.VoiceSettingsRepository;
import io.resolvehub.core.TenantVoice;
import io.resolvehub.core.tenant.JdbcTenantDirectory;
import io.resolvehub.core.tenant.TenantDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;

/** Beans the modules share that no module's auto-configuration provides. */
@Configuration
class HubWiring {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    TenantDirectory tenantDirectory(JdbcClient jdbc, Clock clock) {
        return new JdbcTenantDirectory(jdbc, clock);
    }

    /** The hub's own texts (hand-off notices, the clarifying question) in the voice the tenant set for its answers. */
    @Bean
    @ConditionalOnMissingBean
    TenantVoice tenantVoice(VoiceSettingsRepository voices) {
        return (tenant, text) -> voices.get(tenant).frame(text);
    }
}
