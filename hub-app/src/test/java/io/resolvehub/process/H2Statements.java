package io.resolvehub.process;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the hub asks of the embedded H2 database during a benchmark run: how often its store was written (each commit
 * that changed something writes the store under its one lock while {@code WRITE_DELAY=0}; commits that meet there are
 * written together, so this counts at most the commits) and which statements ran how often (H2's query statistics).
 * Absent on another database.
 */
final class H2Statements {

    record Statement_(String sql, long executions) {
    }

    private final DataSource dataSource;
    private long versionBefore;

    private H2Statements(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Starts counting from now; null when the database is not H2. */
    static H2Statements start(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isWrapperFor(JdbcConnection.class)) {
                return null;
            }
            H2Statements probe = new H2Statements(dataSource);
            try (Statement s = c.createStatement()) {
                s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 1000");
                s.execute("SET QUERY_STATISTICS FALSE");
                s.execute("SET QUERY_STATISTICS TRUE"); // turning it on again starts the statistics afresh
            }
            probe.versionBefore = storeVersion(c);
            return probe;
        }
    }

    /** Store writes since {@link #start}. */
    long storeWrites() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return storeVersion(c) - versionBefore;
        }
    }

    /** The statements run since {@link #start}, most frequent first. */
    List<Statement_> statements() throws SQLException {
        List<Statement_> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS "
                     + "ORDER BY EXECUTION_COUNT DESC")) {
            while (rs.next()) {
                out.add(new Statement_(rs.getString(1), rs.getLong(2)));
            }
        }
        return out;
    }

    /** Prints the store writes and the statements per answered event. */
    void report(int answered) throws SQLException {
        if (answered == 0) return;
        List<Statement_> all = statements();
        long total = all.stream().mapToLong(Statement_::executions).sum();
        System.out.printf(Locale.ROOT, "  H2 store writes:    %.2f per answered event; statements %.1f per answered event:%n",
                storeWrites() / (double) answered, total / (double) answered);
        for (Statement_ st : all) {
            double per = st.executions() / (double) answered;
            if (per < 0.05) continue;
            System.out.printf(Locale.ROOT, "    %6.2f  %s%n", per, st.sql().replaceAll("\\s+", " ").strip());
        }
    }

    private static long storeVersion(Connection c) throws SQLException {
        SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore().getCurrentVersion();
    }
}
