package es.msia.bot.cases.domain;

import org.jspecify.annotations.Nullable;

/**
 * How the collection is going, so that no step is asked more than twice in a row: what was asked last,
 * how many times in a row without progress, whether the fields now go one at a time, whether a person was
 * offered, and a value waiting for the customer to say which field it is.
 *
 * @param asked the step asked last ({@link #signature(Step)})
 * @param repeats how many times in a row it was asked again without progress
 * @param oneAtATime whether fields are asked one at a time (after a misunderstanding)
 * @param personOffered whether the last reply offered a person
 * @param pending a value the customer gave whose field is being confirmed, or {@code null}
 */
public record Progress(@Nullable String asked, int repeats, boolean oneAtATime, boolean personOffered,
		@Nullable Clarification pending) {

	/** A value waiting for a yes: "¿«3º B» es el piso de la dirección?". */
	public record Clarification(String value, String scope, String key) {
	}

	public static Progress start() {
		return new Progress(null, 0, false, false, null);
	}

	/** What identifies a step for repetition: its slot, or its scope and first field. */
	static String signature(Step step) {
		if (step instanceof Step.Photos photos) {
			return photos.slot();
		}
		if (step instanceof Step.Document document) {
			return document.slot();
		}
		if (step instanceof Step.Fields fields) {
			return fields.scope() + "#" + fields.fields().get(0).key();
		}
		return step.getClass().getSimpleName();
	}

}
