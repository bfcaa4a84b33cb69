package es.msia.bot.cases;

/** A milestone marked on a case that is not in progress. */
public class MilestoneNotPossible extends RuntimeException {

	public MilestoneNotPossible(CaseMilestone milestone, CaseStatus status) {
		super("Milestone " + milestone.code() + " needs a case in progress, not " + status.code());
	}

}
