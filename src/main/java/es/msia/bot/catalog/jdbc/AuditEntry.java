package es.msia.bot.catalog.jdbc;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of the catalogue audit trail.
 *
 * @param id sequence number
 * @param table table changed
 * @param rowKey key of the row, e.g. {@code motos-part/ESCAPE}
 * @param action insert, update, delete or seed
 * @param changedBy username (or {@code db:<user>} for changes made outside the application)
 * @param changedAt when
 * @param revision catalogue revision the change belongs to
 * @param before row before, as JSON text
 * @param after row after, as JSON text
 */
public record AuditEntry(long id, String table, String rowKey, String action, String changedBy, Instant changedAt,
		@Nullable Integer revision, @Nullable String before, @Nullable String after) {
}
