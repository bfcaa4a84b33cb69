package es.msia.bot.cases.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import es.msia.bot.catalog.FieldSpec;
import es.msia.bot.catalog.FieldType;

/**
 * Renders the flow's lines and questions in Spanish from {@code messages/cases.properties}. Amounts come
 * only from the catalogue (the partner-workshop price).
 */
public final class CaseTexts {

	private static final Locale SPANISH = Locale.forLanguageTag("es-ES");

	private final Properties texts = new Properties();

	public CaseTexts() {
		try (InputStream in = CaseTexts.class.getResourceAsStream("/messages/cases.properties")) {
			texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String line(Line line) {
		return text(line.key(), line.args().toArray());
	}

	public String text(String key, Object... args) {
		String pattern = texts.getProperty(key);
		if (pattern == null) {
			throw new IllegalArgumentException("No text " + key);
		}
		return new MessageFormat(pattern, SPANISH).format(args);
	}

	/** The question for a step. */
	public String prompt(Step step, CollectionPlan plan, CaseData data, String reference) {
		List<String> out = new ArrayList<>();
		if (step instanceof Step.Photos photos) {
			out.add(text("step.photos.header", photos.itemName()));
			photos.photoLines().forEach(l -> out.add(text("step.fields.line", l)));
			out.add(text("step.photos.footer"));
		}
		else if (step instanceof Step.Document document) {
			out.add(text("step.document", document.document().nameEs(), document.document().instructionEs()));
			if (document.optional()) {
				out.add(text("step.document.optional"));
			}
		}
		else if (step instanceof Step.Fields fields) {
			out.add(fields.scope().startsWith("item:") ? text("step.fields.item", fields.scopeName())
					: text("step.fields." + fields.scope()));
			fields.fields().forEach(f -> out.add(fieldLine(f)));
			if (fields.fields().size() > 1) {
				out.add(text("step.fields.several"));
			}
		}
		else if (step instanceof Step.ConfirmKnown) {
			out.add(text("step.confirmKnown"));
			values(plan.caseData().personal(), data.personal(), out);
			out.add(text("step.confirmKnown.question"));
		}
		else if (step instanceof Step.WorkshopChoice) {
			out.add(text("step.workshop", plan.caseData().workshop().questionEs()));
			BigDecimal price = plan.caseData().workshop().partnerPrice(plan.category().slug()).orElseThrow();
			out.add(text("step.workshop.options", price.stripTrailingZeros().toPlainString()));
		}
		else {
			out.add(text("step.summary", reference));
			summary(plan, data, out);
			out.add(text("step.summary.question"));
		}
		return String.join("\n", out);
	}

	/** What the customer reads after a message: what was noticed about it, then the submission or the next question. */
	public String reply(CaseDialogue.Outcome outcome, CollectionPlan plan, String reference) {
		List<String> out = new ArrayList<>();
		outcome.lines().forEach(l -> out.add(line(l)));
		out.add(outcome.submit() ? text("case.submitted", reference) : ask(outcome, plan, reference));
		return String.join("\n", out);
	}

	/**
	 * The question after a message, asked as the repetition rule says: as usual; rephrased one field at a
	 * time with what was understood so far; a person offered instead; or the handoff notice.
	 */
	public String ask(CaseDialogue.Outcome outcome, CollectionPlan plan, String reference) {
		Step next = outcome.next();
		CaseData data = outcome.data();
		switch (outcome.ask()) {
			case HAND_OFF:
				return text("repeat.handoff", reference);
			case OFFER_PERSON:
				return text("repeat.offerPerson", reference, hint(next));
			case REPHRASE:
				List<String> out = new ArrayList<>();
				out.add(text("repeat.rephrase"));
				if (next instanceof Step.Fields fields) {
					List<String> understood = new ArrayList<>();
					plan.fields(fields.scope()).stream().filter(f -> data.values(fields.scope()).containsKey(f.key()))
						.forEach(f -> understood.add(f.labelEs() + ": " + shown(data.values(fields.scope()).get(f.key()))));
					if (!understood.isEmpty()) {
						out.add(text("repeat.understood", String.join("; ", understood)));
					}
				}
				out.add(prompt(next, plan, data, reference));
				return String.join("\n", out);
			default:
				return prompt(next, plan, data, reference);
		}
	}

	/** The one thing to write to go on, with an example. */
	private String hint(Step step) {
		if (step instanceof Step.Fields fields) {
			FieldSpec field = fields.fields().get(0);
			if (field.type() == FieldType.BOOLEAN) {
				return text("repeat.hint.yesNo", field.labelEs());
			}
			if (field.type() == FieldType.SELECT) {
				return text("repeat.hint.options", field.labelEs(), String.join(" / ", field.options().subList(0,
						Math.min(6, field.options().size()))));
			}
			return field.example() != null ? text("repeat.hint.field", field.labelEs(), field.example())
					: field.labelEs();
		}
		if (step instanceof Step.Photos || step instanceof Step.Document) {
			return text("repeat.hint.files");
		}
		if (step instanceof Step.ConfirmKnown) {
			return text("repeat.hint.confirm");
		}
		if (step instanceof Step.WorkshopChoice) {
			return text("repeat.hint.workshop");
		}
		return text("repeat.hint.summary");
	}

	private String fieldLine(FieldSpec field) {
		if (field.type() == FieldType.BOOLEAN) {
			return text("step.fields.lineYesNo", field.labelEs());
		}
		if (field.type() == FieldType.SELECT && field.options().size() <= 6) {
			return text("step.fields.lineOptions", field.labelEs(), String.join(" / ", field.options()));
		}
		if (field.example() != null) {
			return text("step.fields.lineExample", field.labelEs(), field.example());
		}
		return text("step.fields.line", field.labelEs());
	}

	private void summary(CollectionPlan plan, CaseData data, List<String> out) {
		out.add(text("summary.items"));
		for (CaseItem item : data.items()) {
			List<String> values = new ArrayList<>();
			plan.fields(item.scope()).stream().filter(f -> item.fields().containsKey(f.key()))
				.forEach(f -> values.add(f.labelEs() + " " + shown(item.fields().get(f.key()))));
			out.add(values.isEmpty() ? text("summary.itemPlain", item.nameEs())
					: text("summary.item", item.nameEs(), String.join("; ", values)));
		}
		out.add(text("summary.personal"));
		values(plan.caseData().personal(), data.personal(), out);
		out.add(text("summary.vehicle"));
		values(plan.caseData().vehicle(), data.vehicle(), out);
		if ("own".equals(data.workshopMode())) {
			out.add(text("summary.workshop.own"));
			values(plan.caseData().workshop().ownWorkshopFields(), data.workshop(), out);
		}
		else {
			out.add(text("summary.workshop.msi"));
		}
	}

	private void values(List<FieldSpec> specs, Map<String, String> values, List<String> out) {
		specs.stream().filter(f -> values.containsKey(f.key()))
			.forEach(f -> out.add(text("summary.value", f.labelEs(), shown(values.get(f.key())))));
	}

	private static String shown(String value) {
		return value.equals("true") ? "sí" : value.equals("false") ? "no" : value;
	}

}
