package es.msia.bot.cases.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import es.msia.bot.cases.CaseStatus;
import es.msia.bot.cases.CaseView;
import es.msia.bot.cases.OpenCase;
import es.msia.bot.cases.domain.CaseData;
import es.msia.bot.cases.files.StoredFile;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Persistence of the case aggregate, its files and its timeline (tables owned by the cases module). */
@Repository
public class Cases {

	private static final String OPEN = "('collecting', 'pending_review', 'in_progress')";

	private static final String COLUMNS = """
			id, reference, conversation_id, customer_id, status, category, tier_code, tier_price, subtotal,
			catalog_version, data::text AS data, last_message_id, last_reply, opened_at, submitted_at""";

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	Cases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts a collecting case; fails with a duplicate key when one is already open. */
	public long insert(OpenCase request, int year, CaseData data) {
		long number = jdbc.sql("SELECT nextval('case_reference_seq')").query(Long.class).single();
		return jdbc.sql("""
				INSERT INTO cases (reference, conversation_id, customer_id, category, tier_code, tier_price, subtotal,
				  catalog_version, quote, data)
				VALUES (:reference, :conversation, :customer, :category, :tier, :price, :subtotal, :version,
				  CAST(:quote AS jsonb), CAST(:data AS jsonb)) RETURNING id""")
			.param("reference", String.format("MSI-%d-%06d", year, number))
			.param("conversation", request.conversationId())
			.param("customer", request.customerId())
			.param("category", request.quote().categorySlug())
			.param("tier", request.quote().tierCode())
			.param("price", request.quote().tierPrice())
			.param("subtotal", request.quote().subtotal())
			.param("version", request.quote().catalogVersion())
			.param("quote", json.writeValueAsString(request.quote()))
			.param("data", json.writeValueAsString(data))
			.query(Long.class)
			.single();
	}

	public Optional<CaseRow> openOfConversation(long conversationId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM cases WHERE conversation_id = :c AND status IN " + OPEN)
			.param("c", conversationId).query(this::row).optional();
	}

	public Optional<CaseRow> openOfCustomer(@Nullable Long customerId) {
		if (customerId == null) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM cases WHERE customer_id = :c AND status IN " + OPEN)
			.param("c", customerId).query(this::row).optional();
	}

	public Optional<CaseRow> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM cases WHERE id = :id").param("id", id).query(this::row).optional();
	}

	/** Personal data of the customer's latest submitted case, for confirmation in a new one. */
	public Map<String, String> knownPersonal(@Nullable Long customerId) {
		if (customerId == null) {
			return Map.of();
		}
		return jdbc.sql("""
				SELECT data -> 'personal' AS personal FROM cases WHERE customer_id = :c AND submitted_at IS NOT NULL
				ORDER BY submitted_at DESC LIMIT 1""")
			.param("c", customerId)
			.query((rs, n) -> json.readValue(rs.getString(1), new TypeReference<Map<String, String>>() {
			}))
			.optional()
			.orElse(Map.of());
	}

	public void saveTurn(long id, CaseData data, long messageId, String reply) {
		jdbc.sql("""
				UPDATE cases SET data = CAST(:data AS jsonb), last_message_id = :message, last_reply = :reply,
				  last_activity_at = now(), reminded_at = NULL, updated_at = now() WHERE id = :id""")
			.param("data", json.writeValueAsString(data)).param("message", messageId).param("reply", reply)
			.param("id", id).update();
	}

	/** Staff changed the data (not a customer turn: the last message and reply stay). */
	public void saveData(long id, CaseData data) {
		jdbc.sql("UPDATE cases SET data = CAST(:data AS jsonb), updated_at = now() WHERE id = :id")
			.param("data", json.writeValueAsString(data)).param("id", id).update();
	}

	public void setStatus(long id, CaseStatus status) {
		jdbc.sql("""
				UPDATE cases SET status = :status, updated_at = now(),
				  submitted_at = CASE WHEN :status = 'pending_review' AND submitted_at IS NULL THEN now() ELSE submitted_at END,
				  closed_at = CASE WHEN :status IN ('resolved', 'cancelled', 'abandoned') THEN now() ELSE NULL END
				WHERE id = :id""")
			.param("status", status.code()).param("id", id).update();
	}

	public void event(long caseId, String type, @Nullable String detail, String actor) {
		jdbc.sql("INSERT INTO case_events (case_id, type, detail, actor) VALUES (:c, :t, :d, :a)")
			.param("c", caseId).param("t", type).param("d", detail).param("a", actor).update();
	}

	public boolean hasAttachment(long caseId, long attachmentId) {
		return jdbc.sql("SELECT count(*) FROM case_files WHERE case_id = :c AND chatwoot_attachment_id = :a")
			.param("c", caseId).param("a", attachmentId).query(Long.class).single() > 0;
	}

	/** Files a stored file under a slot; its id, or null when the case already has that attachment or those bytes. */
	public @Nullable Long addFile(long caseId, long attachmentId, long messageId, StoredFile file, String slot, String shows) {
		return addFile(caseId, attachmentId, messageId, file, slot, shows, null, null, true);
	}

	/**
	 * As {@link #addFile(long, long, long, StoredFile, String, String)} with the photo quality gate's finding:
	 * a flagged photo is kept, with its issue and numbers, and counts for its slot only when {@code counted}.
	 */
	public @Nullable Long addFile(long caseId, long attachmentId, long messageId, StoredFile file, String slot, String shows,
			@Nullable String qualityIssue, @Nullable String qualityMeasures, boolean counted) {
		return jdbc.sql("""
				INSERT INTO case_files (case_id, chatwoot_attachment_id, message_id, sha256, media_type, size_bytes, slot, shows,
				  quality_issue, quality_measures, counted)
				VALUES (:c, :a, :m, :sha, :type, :size, :slot, :shows, :issue, :measures, :counted)
				ON CONFLICT DO NOTHING RETURNING id""")
			.param("c", caseId).param("a", attachmentId).param("m", messageId).param("sha", file.sha256())
			.param("type", file.type().mime()).param("size", file.size()).param("slot", slot).param("shows", shows)
			.param("issue", qualityIssue).param("measures", qualityMeasures).param("counted", counted)
			.query(Long.class).optional().orElse(null);
	}

	/** Flagged photos of a slot that do not count (the customer was asked again for each). */
	public int countFlagged(long caseId, String slot) {
		return jdbc.sql("""
				SELECT count(*) FROM case_files
				WHERE case_id = :c AND slot = :s AND quality_issue IS NOT NULL AND NOT counted AND review_status <> 'rejected'""")
			.param("c", caseId).param("s", slot).query(Integer.class).single();
	}

	/** Staff accept a flagged photo: it counts for its slot from now on. False when no such uncounted photo. */
	public boolean acceptFlagged(long caseId, long fileId) {
		return jdbc.sql("UPDATE case_files SET counted = true WHERE id = :f AND case_id = :c AND NOT counted")
			.param("f", fileId).param("c", caseId).update() == 1;
	}

	/** Rejected files no later file replaces yet, oldest first. */
	public List<CaseView.FileView> awaitingReplacement(long caseId) {
		return files(caseId).stream()
			.filter(f -> "rejected".equals(f.reviewStatus()))
			.filter(f -> jdbc.sql("SELECT count(*) FROM case_files WHERE replaces_file_id = :f").param("f", f.id())
				.query(Long.class).single() == 0)
			.toList();
	}

	/** Links a new file to the rejected file it replaces. */
	public void markReplacement(long newFileId, long rejectedFileId) {
		jdbc.sql("UPDATE case_files SET replaces_file_id = :old WHERE id = :new")
			.param("old", rejectedFileId).param("new", newFileId).update();
	}

	/** When the customer last wrote in the case's conversation (WhatsApp's 24-hour window starts there). */
	public java.util.Optional<java.time.Instant> lastCustomerMessage(long conversationId) {
		return jdbc.sql("SELECT last_customer_message_at FROM conversations WHERE id = :c")
			.param("c", conversationId)
			.query((rs, n) -> rs.getTimestamp(1))
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.map(Timestamp::toInstant);
	}

	public int countFiles(long caseId, String slot) {
		return jdbc.sql("SELECT count(*) FROM case_files WHERE case_id = :c AND slot = :s AND review_status <> 'rejected' AND counted")
			.param("c", caseId).param("s", slot).query(Integer.class).single();
	}

	public List<CaseView.FileView> files(long caseId) {
		return jdbc.sql("""
				SELECT id, sha256, media_type, size_bytes, slot, shows, review_status, review_reason, created_at,
				  quality_issue, quality_measures, counted
				FROM case_files WHERE case_id = :c ORDER BY id""")
			.param("c", caseId)
			.query((rs, n) -> new CaseView.FileView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
					rs.getString(10), rs.getString(11), rs.getBoolean(12)))
			.list();
	}

	public boolean reviewFile(long caseId, long fileId, String status, @Nullable String reason) {
		return jdbc.sql("UPDATE case_files SET review_status = :s, review_reason = :r WHERE id = :f AND case_id = :c")
			.param("s", status).param("r", reason).param("f", fileId).param("c", caseId).update() == 1;
	}

	public List<CaseView.EventView> events(long caseId) {
		return jdbc.sql("SELECT type, detail, actor, created_at FROM case_events WHERE case_id = :c ORDER BY id")
			.param("c", caseId)
			.query((rs, n) -> new CaseView.EventView(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	/** How many cases there are in each status (statuses without cases are absent). */
	public java.util.Map<CaseStatus, Long> countByStatus() {
		java.util.Map<CaseStatus, Long> counts = new java.util.EnumMap<>(CaseStatus.class);
		jdbc.sql("SELECT status, count(*) FROM cases GROUP BY status")
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> counts.put(CaseStatus.fromCode(rs.getString(1)),
					rs.getLong(2)));
		return counts;
	}

	/** Cases opened per Madrid day over the last {@code days} days, oldest first, every day present. */
	public List<Map.Entry<java.time.LocalDate, Long>> openedPerDay(int days, long simulatedFrom) {
		return jdbc.sql("""
				SELECT d::date AS day,
				  (SELECT count(*) FROM cases c WHERE c.conversation_id < :simulated
				    AND (c.opened_at AT TIME ZONE 'Europe/Madrid')::date = d::date) AS opened
				FROM generate_series((now() AT TIME ZONE 'Europe/Madrid')::date - (:days - 1),
				                     (now() AT TIME ZONE 'Europe/Madrid')::date, interval '1 day') d
				ORDER BY d""")
			.param("days", days)
			.param("simulated", simulatedFrom)
			.query((rs, n) -> Map.entry(rs.getDate("day").toLocalDate(), rs.getLong("opened")))
			.list();
	}

	/** Cases by status and free text (reference, plate, name, e-mail, DNI), newest first. */
	public List<CaseRow> search(@Nullable CaseStatus status, @Nullable String text, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM cases WHERE (CAST(:status AS text) IS NULL OR status = :status)
				  AND (CAST(:q AS text) IS NULL OR reference ILIKE :like OR data::text ILIKE :like)
				ORDER BY updated_at DESC, id DESC LIMIT :limit""")
			.param("status", status == null ? null : status.code())
			.param("q", text)
			.param("like", "%" + (text == null ? "" : text.replace("%", "").replace("_", "")) + "%")
			.param("limit", limit)
			.query(this::row)
			.list();
	}

	/** The cases of one conversation or of one customer (whichever is given), newest first. */
	public List<CaseRow> linkedTo(@Nullable Long conversationId, @Nullable Long customerId, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM cases WHERE (CAST(:conversation AS bigint) IS NULL OR conversation_id = :conversation)
				  AND (CAST(:customer AS bigint) IS NULL OR customer_id = :customer)
				ORDER BY opened_at DESC, id DESC LIMIT :limit""")
			.param("conversation", conversationId, java.sql.Types.BIGINT)
			.param("customer", customerId, java.sql.Types.BIGINT)
			.param("limit", limit)
			.query(this::row)
			.list();
	}

	/**
	 * Collecting cases silent since before {@code before}; with {@code notBefore}, only those silent since
	 * after it and not reminded yet (the reminder query), otherwise all (the abandonment query).
	 */
	public List<CaseRow> silentSince(java.time.Instant before, java.time.@Nullable Instant notBefore) {
		String reminder = notBefore == null ? "" : " AND reminded_at IS NULL AND last_activity_at > :notBefore";
		return jdbc.sql("SELECT " + COLUMNS + " FROM cases WHERE status = 'collecting' AND last_activity_at < :before" + reminder)
			.param("before", Timestamp.from(before))
			.param("notBefore", notBefore == null ? null : Timestamp.from(notBefore))
			.query(this::row)
			.list();
	}

	public void markReminded(long id, java.time.Instant at) {
		jdbc.sql("UPDATE cases SET reminded_at = :at WHERE id = :id").param("at", Timestamp.from(at)).param("id", id).update();
	}

	/** Cases of the customer or of any of the conversations, oldest first. */
	public List<CaseRow> ofCustomer(@Nullable Long customerId, java.util.Collection<Long> conversationIds) {
		return jdbc.sql("SELECT " + COLUMNS
				+ " FROM cases WHERE customer_id = :customer OR conversation_id IN (:conversations) ORDER BY id")
			.param("customer", customerId)
			// No conversation id is negative: an empty IN list is not valid SQL.
			.param("conversations", conversationIds.isEmpty() ? List.of(-1L) : List.copyOf(conversationIds))
			.query(this::row)
			.list();
	}

	/**
	 * GDPR erasure of one case: the collected data is replaced by {@code kept}, the last reply and the
	 * timeline details (staff notes may quote the customer) go, the link to the customer goes, and the file
	 * rows are deleted.
	 *
	 * @return the hashes of the deleted files, to remove from disk once nothing else points to them
	 */
	public List<String> erasePersonalData(long id, CaseData kept) {
		List<String> hashes = jdbc.sql("SELECT sha256 FROM case_files WHERE case_id = :c").param("c", id)
			.query(String.class).list();
		jdbc.sql("DELETE FROM case_files WHERE case_id = :c").param("c", id).update();
		jdbc.sql("UPDATE case_events SET detail = NULL WHERE case_id = :c").param("c", id).update();
		jdbc.sql("""
				UPDATE cases SET data = CAST(:data AS jsonb), last_reply = NULL, customer_id = NULL, updated_at = now()
				WHERE id = :id""")
			.param("data", json.writeValueAsString(kept)).param("id", id).update();
		return hashes;
	}

	/** Whether any case still has a file with these bytes (the store keeps one copy for all). */
	public boolean fileInUse(String sha256) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM case_files WHERE sha256 = :sha)").param("sha", sha256)
			.query(Boolean.class).single();
	}

	private CaseRow row(ResultSet rs, int n) throws SQLException {
		Timestamp submitted = rs.getTimestamp("submitted_at");
		long lastMessage = rs.getLong("last_message_id");
		Long lastMessageId = rs.wasNull() ? null : lastMessage;
		long customer = rs.getLong("customer_id");
		Long customerId = rs.wasNull() ? null : customer;
		return new CaseRow(rs.getLong("id"), rs.getString("reference"), rs.getLong("conversation_id"), customerId,
				CaseStatus.fromCode(rs.getString("status")), rs.getString("category"), rs.getString("tier_code"),
				rs.getBigDecimal("tier_price"), rs.getBigDecimal("subtotal"), rs.getString("catalog_version"),
				json.readValue(rs.getString("data"), CaseData.class), lastMessageId, rs.getString("last_reply"),
				rs.getTimestamp("opened_at").toInstant(), submitted == null ? null : submitted.toInstant());
	}

}
