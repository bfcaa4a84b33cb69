package es.msia.bot.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The template registry (table {@code notification_templates}): one entry per {@link NoticePurpose},
 * seeded with Spanish defaults by the migration and edited by admins in Ajustes. Read on every notice,
 * so an edit applies to the next message without a restart.
 */
@Service
public class NoticeTemplates {

	private final JdbcClient jdbc;

	NoticeTemplates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every entry, in the order of {@link NoticePurpose}. */
	public List<NoticeTemplate> all() {
		List<NoticeTemplate> all = jdbc.sql("SELECT * FROM notification_templates").query(NoticeTemplates::row).list();
		return all.stream().sorted(java.util.Comparator.comparing(NoticeTemplate::purpose)).toList();
	}

	public Optional<NoticeTemplate> find(NoticePurpose purpose) {
		return jdbc.sql("SELECT * FROM notification_templates WHERE purpose = :p")
			.param("p", purpose.code())
			.query(NoticeTemplates::row)
			.optional();
	}

	/** Saves an edited entry (already validated by {@link NoticeTemplate}'s constructor), with who did it. */
	public void save(NoticeTemplate entry, String actor) {
		jdbc.sql("""
				UPDATE notification_templates SET enabled = :enabled, template_name = :name, template_language = :language,
				  template_category = :category, body_params = :params, template_body = :body, status_text = :status,
				  window_text = :window, updated_by = :actor, updated_at = now()
				WHERE purpose = :purpose""")
			.param("enabled", entry.enabled())
			.param("name", entry.templateName())
			.param("language", entry.language())
			.param("category", entry.category())
			.param("params", ParamSource.codes(entry.bodyParams()))
			.param("body", entry.templateBody())
			.param("status", entry.statusText())
			.param("window", entry.windowText())
			.param("actor", actor)
			.param("purpose", entry.purpose().code())
			.update();
	}

	private static NoticeTemplate row(ResultSet rs, int n) throws SQLException {
		return new NoticeTemplate(NoticePurpose.fromCode(rs.getString("purpose")), rs.getBoolean("enabled"),
				rs.getString("template_name"), rs.getString("template_language"), rs.getString("template_category"),
				ParamSource.parseList(rs.getString("body_params")), rs.getString("template_body"),
				rs.getString("status_text"), rs.getString("window_text"), rs.getString("updated_by"),
				rs.getTimestamp("updated_at").toInstant());
	}

}
