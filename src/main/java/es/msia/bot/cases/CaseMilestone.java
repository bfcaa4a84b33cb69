package es.msia.bot.cases;

import java.util.Locale;

/**
 * Steps of a homologation inside status {@code in_progress} that matter to the customer. They are staff's
 * marks on the timeline, not statuses: the status machine stays small and every report and filter by
 * status keeps working, while the customer still hears about each step.
 */
public enum CaseMilestone {

	/** Every document and photo needed is in. */
	DOCUMENTATION_COMPLETE,

	/** The engineer's technical project was sent for approval. */
	PROJECT_SENT,

	/** The project was approved. */
	PROJECT_APPROVED,

	/** The customer can book and pass the ITV. */
	READY_FOR_ITV;

	/** The spelling in the timeline ({@code milestone_project_sent}) and in URLs ({@code project_sent}). */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static CaseMilestone fromCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

}
