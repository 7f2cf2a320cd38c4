package io.resolvehub.agent.ingest;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Optional;

/**
 * The kept counts of knowledge sources and of the bytes of content they keep, per tenant and for the whole hub
 * ({@code agent_source_usage}): what the caps are checked against, so adding a source reads two rows instead of
 * summing the sources table (all of it, for the hub-wide caps). Only {@link CountedSourceAdd} and
 * {@link KnowledgeSources#delete} change them, inside the transaction that adds or deletes a source, so they move with
 * the table and a rolled-back add leaves them as they were.
 */
final class SourceCounts {

    /** The scope of the hub-wide row: never a tenant id (those are lower-case letters, digits and dashes). */
    static final String HUB = "*";

    private final JdbcClient jdbc;

    SourceCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What {@link #take} did. */
    enum Taken { YES, NO_ROOM, NO_ROW }

    /**
     * Counts one more source of {@code bytes} in {@code scope} if that keeps the scope within both caps. The check and
     * the count are one conditional {@code UPDATE}: a concurrent add of the same scope waits for this transaction's row
     * lock and is then checked against the count it left, so two adds can never pass a cap together.
     *
     * @return {@code NO_ROOM}, changing nothing, when a cap leaves no room; {@code NO_ROW} when the scope has no row
     *         yet (a tenant's first source): {@link #open} it outside this transaction, then add again
     */
    Taken take(String scope, long bytes, long maxSources, long maxBytes) {
        if (takeExisting(scope, bytes, maxSources, maxBytes)) {
            return Taken.YES;
        }
        if (find(scope).isEmpty()) {
            return Taken.NO_ROW;
        }
        // The row may have been opened by a concurrent first add between the two statements above: try it once more.
        return takeExisting(scope, bytes, maxSources, maxBytes) ? Taken.YES : Taken.NO_ROOM;
    }

    /**
     * Makes a scope's row, counting nothing, in a transaction of its own that commits before the add is tried again:
     * made inside the add's transaction, a concurrent first add would wait for it, or, on H2, not see it. A row a
     * concurrent first add made meanwhile is kept, never an error (which would abort a PostgreSQL transaction).
     */
    void open(String scope) {
        jdbc.sql("INSERT INTO agent_source_usage (scope, sources, stored_bytes) VALUES (:scope, 0, 0) ON CONFLICT DO NOTHING")
                .param("scope", scope).update();
    }

    private boolean takeExisting(String scope, long bytes, long maxSources, long maxBytes) {
        return jdbc.sql("""
                        UPDATE agent_source_usage SET sources = sources + 1, stored_bytes = stored_bytes + :bytes
                        WHERE scope = :scope AND sources < :maxSources AND stored_bytes <= :roomLeft""")
                .param("scope", scope).param("bytes", bytes).param("maxSources", maxSources)
                .param("roomLeft", maxBytes - bytes)   // not stored_bytes + bytes <= max: no overflow at Long.MAX_VALUE
                .update() == 1;
    }

    /** Counts a deleted source of {@code bytes} out of {@code scope}. */
    void release(String scope, long bytes) {
        jdbc.sql("UPDATE agent_source_usage SET sources = sources - 1, stored_bytes = stored_bytes - :bytes WHERE scope = :scope")
                .param("scope", scope).param("bytes", bytes).update();
    }

    /** The kept counts of a scope; none before its first source. */
    Optional<KnowledgeSources.Usage> find(String scope) {
        return jdbc.sql("SELECT sources, stored_bytes FROM agent_source_usage WHERE scope = :scope").param("scope", scope)
                .query((rs, row) -> new KnowledgeSources.Usage(rs.getLong("sources"), rs.getLong("stored_bytes"))).optional();
    }
}
