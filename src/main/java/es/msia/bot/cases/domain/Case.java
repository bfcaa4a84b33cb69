package es.msia.bot.cases.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import es.msia.bot.cases.CaseStatus;
import es.msia.bot.cases.IllegalCaseTransition;

import static es.msia.bot.cases.CaseStatus.*;

/**
 * The case aggregate's state machine: collecting → pending_review → in_progress → resolved, or cancelled /
 * abandoned. Staff may send a case under review back to collecting (e.g. a rejected photo). Every status
 * change goes through {@link #moveTo(CaseStatus, CaseStatus)}.
 */
public final class Case {

	private static final Map<CaseStatus, Set<CaseStatus>> ALLOWED = Map.of(
			COLLECTING, EnumSet.of(PENDING_REVIEW, CANCELLED, ABANDONED),
			PENDING_REVIEW, EnumSet.of(IN_PROGRESS, COLLECTING, CANCELLED),
			IN_PROGRESS, EnumSet.of(RESOLVED, PENDING_REVIEW, CANCELLED),
			RESOLVED, EnumSet.noneOf(CaseStatus.class),
			CANCELLED, EnumSet.noneOf(CaseStatus.class),
			ABANDONED, EnumSet.of(COLLECTING));

	private Case() {
	}

	/** The statuses a case in {@code from} may move to. */
	public static Set<CaseStatus> allowedFrom(CaseStatus from) {
		return Set.copyOf(ALLOWED.get(from));
	}

	/** The target status, if the transition is allowed; otherwise {@link IllegalCaseTransition}. */
	public static CaseStatus moveTo(CaseStatus from, CaseStatus to) {
		if (!ALLOWED.get(from).contains(to)) {
			throw new IllegalCaseTransition(from, to);
		}
		return to;
	}

}
