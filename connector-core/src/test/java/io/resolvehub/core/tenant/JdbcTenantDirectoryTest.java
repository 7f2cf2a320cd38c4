package io.resolvehub.core.tenant;

import io.resolvehub.core.TenantId;
import io.resolvehub.core.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcTenantDirectoryTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:15:30Z");

    private JdbcTenantDirectory directoryOn(TestDatabase db) {
        return new JdbcTenantDirectory(JdbcClient.create(db.freshDataSource("classpath:db/migration/core")),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void createsAndFindsATenant(TestDatabase db) {
        TenantDirectory tenants = directoryOn(db);

        assertThat(tenants.create(new TenantId("acme"), "Acme")).isTrue();

        assertThat(tenants.find(new TenantId("acme")))
                .hasValueSatisfying(t -> {
                    assertThat(t.name()).isEqualTo("Acme");
                    assertThat(t.createdAt()).isEqualTo(NOW);
                });
        assertThat(tenants.find(new TenantId("nobody"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesASecondTenantWithTheSameIdAndKeepsTheFirst(TestDatabase db) {
        TenantDirectory tenants = directoryOn(db);
        tenants.create(new TenantId("acme"), "Acme");

        assertThat(tenants.create(new TenantId("acme"), "Impostor")).isFalse();

        assertThat(tenants.all()).singleElement().extracting(Tenant::name).isEqualTo("Acme");
    }
}
