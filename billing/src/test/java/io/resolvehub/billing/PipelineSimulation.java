package io.resolvehub.billing;

import com.zaxxer.hikari.HikariDataSource;
import io.resolvehub.core.ChannelType;
import io.resolvehub.core.ConversationId;
import io.resolvehub.core.ResolutionKind;
import io.resolvehub.core.TenantId;
import io.resolvehub.core.event.ConversationResolved;
import io.resolvehub.core.testing.TestDatabase;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A stand-in for core's pipeline: its own conversation-state table, changed in the same transaction that publishes
 * core's events through a real Spring context running {@link BillingAutoConfiguration}. What billing promises about
 * "the same transaction" is checked against this.
 */
final class PipelineSimulation {

    final TestDatabase db;
    final DataSource dataSource;
    final JdbcClient jdbc;
    final TransactionTemplate tx;

    PipelineSimulation(TestDatabase db) {
        this.db = db;
        this.dataSource = db.freshDataSource("classpath:db/migration/billing");
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc.sql("CREATE TABLE test_conversations (id VARCHAR(100) PRIMARY KEY, status VARCHAR(16) NOT NULL,"
                + " attempts INTEGER NOT NULL)").update();
    }

    void run(Consumer<ApplicationContext> test) {
        new ApplicationContextRunner()
                .withBean(DataSource.class, () -> dataSource)
                .withBean(PlatformTransactionManager.class, () -> tx.getTransactionManager())
                .withConfiguration(AutoConfigurations.of(BillingAutoConfiguration.class))
                .run(context -> {
                    if (context.getStartupFailure() != null) {
                        throw context.getStartupFailure();
                    }
                    test.accept(context);
                });
    }

    void open(String conversation) {
        jdbc.sql("INSERT INTO test_conversations (id, status, attempts) VALUES (?, 'open', 0)").param(conversation)
                .update();
    }

    /** The pipeline's resolution: its state change and the event, in one transaction; {@code beforeCommit} runs last. */
    void resolve(ApplicationContext context, TenantId tenant, String conversation, int aiAnswers, Runnable beforeCommit) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("UPDATE test_conversations SET status = 'resolved', attempts = attempts + 1 WHERE id = ?")
                    .param(conversation).update();
            context.publishEvent(new ConversationResolved(tenant, new ConversationId(conversation), ChannelType.WEB,
                    aiAnswers, ResolutionKind.CONFIRMED, Instant.now()));
            beforeCommit.run();
        });
    }

    String status(String conversation) {
        return jdbc.sql("SELECT status FROM test_conversations WHERE id = ?").param(conversation)
                .query(String.class).single();
    }

    /**
     * Kills the database session of the transaction running on this thread: PostgreSQL's server terminates the
     * backend (as an operator or a crash would); on H2, whose ABORT_SESSION takes the whole in-memory database
     * down with it, the JDBC connection itself is aborted.
     */
    void killCurrentTransactionsConnection() {
        Connection mine = DataSourceUtils.getConnection(dataSource);
        try {
            if (db == TestDatabase.H2) {
                mine.unwrap(org.h2.jdbc.JdbcConnection.class).close();
                return;
            }
            try (Statement own = mine.createStatement();
                 Connection other = dataSource.getConnection();
                 Statement killer = other.createStatement()) {
                var rs = own.executeQuery("SELECT pg_backend_pid()");
                rs.next();
                killer.execute("SELECT pg_terminate_backend(" + rs.getLong(1) + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not kill the session", e);
        }
    }

    /** Drops pooled connections after a kill, so later work never borrows a dead one. */
    void evictPool() {
        ((HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();
    }
}
