package es.msia.bot.catalog.jdbc;

import java.util.List;

/**
 * An admin edit would leave the catalogue invalid; it was rolled back and nothing changed.
 */
public class CatalogEditRejected extends RuntimeException {

	private final List<FieldProblem> problems;

	public CatalogEditRejected(List<FieldProblem> problems) {
		super("Catalogue edit rejected: " + problems);
		this.problems = List.copyOf(problems);
	}

	static CatalogEditRejected of(String field, String message) {
		return new CatalogEditRejected(List.of(new FieldProblem(field, message)));
	}

	/** Every problem found. */
	public List<FieldProblem> problems() {
		return this.problems;
	}

	/**
	 * One problem of an edit.
	 *
	 * @param field request field at fault ({@code catalog} when it is the catalogue as a whole)
	 * @param message what is wrong
	 */
	public record FieldProblem(String field, String message) {
	}

}
