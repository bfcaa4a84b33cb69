package es.msia.bot.cases;

import es.msia.bot.cases.jdbc.Cases;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Lets other modules add what they did about a case to its timeline (e.g. a notification sent to the
 * customer, or refused by WhatsApp), so staff see the whole story on the case page.
 */
@Service
public class CaseTimeline {

	private final Cases cases;

	CaseTimeline(Cases cases) {
		this.cases = cases;
	}

	/** Appends an event; joins the caller's transaction when there is one. */
	public void record(long caseId, String type, @Nullable String detail, String actor) {
		cases.event(caseId, type, detail, actor);
	}

}
