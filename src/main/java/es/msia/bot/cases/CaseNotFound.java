package es.msia.bot.cases;

/** No case (or file) with that id. */
public class CaseNotFound extends RuntimeException {

	public CaseNotFound(String what) {
		super("Not found: " + what);
	}

}
