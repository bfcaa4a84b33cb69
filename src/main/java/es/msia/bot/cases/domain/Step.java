package es.msia.bot.cases.domain;

import java.util.List;

import es.msia.bot.catalog.BaseDocument;
import es.msia.bot.catalog.FieldSpec;

/** What the collection flow asks next. */
public sealed interface Step {

	/** Photos of one item. */
	record Photos(String slot, String itemName, List<String> photoLines, int expected) implements Step {
	}

	/** One base document; {@code optional} ones can be skipped ("no aplica"). */
	record Document(String slot, BaseDocument document, int expected, boolean optional) implements Step {
	}

	/** One to three related fields of one scope. */
	record Fields(String scope, String scopeName, List<FieldSpec> fields) implements Step {
	}

	/** Personal data known from an earlier case, shown for confirmation. */
	record ConfirmKnown() implements Step {
	}

	/** Who signs the workshop certificate. */
	record WorkshopChoice() implements Step {
	}

	/** Everything collected, to confirm before sending it to staff. */
	record Summary() implements Step {
	}

}
