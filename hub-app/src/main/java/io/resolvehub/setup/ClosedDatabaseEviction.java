package io.resolvehub.setup;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;

/**
 * Tells the connection pool to drop a connection whose embedded H2 database has closed itself. H2 closes the database
 * when it cannot write its file (a full disk) and then answers every statement on the old connections with "The
 * database has been closed" (90098) or "Database is closing" (90121), which the pool does not recognise as a broken
 * connection; without this the hub kept failing after space was freed, until it was restarted. A new connection opens
 * the database again. Other errors, and every PostgreSQL error, are judged by the pool as usual.
 */
public class ClosedDatabaseEviction implements SQLExceptionOverride {

    private static final int H2_DATABASE_IS_CLOSED = 90098;
    private static final int H2_DATABASE_CALLED_AT_SHUTDOWN = 90121;

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        boolean h2Closed = e.getErrorCode() == H2_DATABASE_IS_CLOSED || e.getErrorCode() == H2_DATABASE_CALLED_AT_SHUTDOWN;
        return h2Closed && e.getSQLState() != null && e.getSQLState().equals(Integer.toString(e.getErrorCode()))
                ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
