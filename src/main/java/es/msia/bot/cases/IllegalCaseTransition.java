package es.msia.bot.cases;

/** A status change the case's state machine does not allow (e.g. resolving a case still collecting). */
public class IllegalCaseTransition extends RuntimeException {

	public IllegalCaseTransition(CaseStatus from, CaseStatus to) {
		super("A case cannot go from " + from.code() + " to " + to.code());
	}

}
