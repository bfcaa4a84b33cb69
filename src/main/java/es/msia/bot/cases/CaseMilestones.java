package es.msia.bot.cases;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import es.msia.bot.cases.jdbc.CaseRow;
import es.msia.bot.cases.jdbc.Cases;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's milestones on a case in progress (documentation complete, project sent and approved, ready for
 * the ITV), kept on the timeline as {@code milestone_<code>} events. Each is marked once: marking it again
 * changes nothing, so a double click never tells the customer twice.
 */
@Service
public class CaseMilestones {

	private static final String PREFIX = "milestone_";

	private final Cases cases;

	private final ApplicationEventPublisher events;

	CaseMilestones(Cases cases, ApplicationEventPublisher events) {
		this.cases = cases;
		this.events = events;
	}

	/** The milestones already marked on the case. */
	public Set<CaseMilestone> reached(long caseId) {
		Set<CaseMilestone> reached = EnumSet.noneOf(CaseMilestone.class);
		cases.events(caseId).stream()
			.filter(e -> e.type().startsWith(PREFIX))
			.forEach(e -> reached.add(CaseMilestone.fromCode(e.type().substring(PREFIX.length()))));
		return reached;
	}

	/**
	 * Marks the milestone (only on a case in progress; {@link MilestoneNotPossible} otherwise).
	 *
	 * @return false when it was already marked
	 */
	@Transactional
	public boolean reach(long caseId, CaseMilestone milestone, String actor) {
		CaseRow row = cases.find(caseId).orElseThrow(() -> new CaseNotFound("case " + caseId));
		if (row.status() != CaseStatus.IN_PROGRESS) {
			throw new MilestoneNotPossible(milestone, row.status());
		}
		if (reached(caseId).contains(milestone)) {
			return false;
		}
		cases.event(caseId, PREFIX + milestone.code(), null, actor);
		events.publishEvent(new CaseMilestoneReached(caseId, row.reference(), row.conversationId(), milestone, actor,
				cases.lastCustomerMessage(row.conversationId()).map(at -> at.plus(Duration.ofHours(24))).orElse(null)));
		return true;
	}

}
