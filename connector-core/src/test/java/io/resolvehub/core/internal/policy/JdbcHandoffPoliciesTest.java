package io.resolvehub.core.internal.policy;

import io.resolvehub.core.TenantId;
import io.resolvehub.core.conversation.HandoffPolicy;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcHandoffPoliciesTest {

    private static final TenantId ACME = new TenantId("acme");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void givesDefaultsStoresAPolicyAndRefusesAnInvalidOneWithoutChangingAnything(TestDatabase db) {
        DataSource ds = db.freshDataSource("classpath:db/migration/core");
        JdbcHandoffPolicies policies = new JdbcHandoffPolicies(JdbcClient.create(ds),
                new TransactionTemplate(new DataSourceTransactionManager(ds)), Clock.systemUTC());
        assertThat(policies.get(ACME)).isEqualTo(HandoffPolicy.defaults());

        HandoffPolicy custom = new HandoffPolicy(0.7, 5, List.of("human please", "operator"), false);
        policies.save(ACME, custom);
        policies.save(ACME, custom);
        assertThat(policies.get(ACME)).isEqualTo(custom);

        for (HandoffPolicy bad : List.of(new HandoffPolicy(1.01, 3, List.of(), true), new HandoffPolicy(-0.1, 3, List.of(), true),
                new HandoffPolicy(0.5, 0, List.of(), true), new HandoffPolicy(0.5, 51, List.of(), true),
                new HandoffPolicy(0.5, 3, List.of("ok", " "), true),
                new HandoffPolicy(0.5, 3, Collections.nCopies(101, "p"), true))) {
            assertThatThrownBy(() -> policies.save(ACME, bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(policies.get(ACME)).isEqualTo(custom);
        assertThat(policies.get(new TenantId("globex"))).isEqualTo(HandoffPolicy.defaults());
    }
}
