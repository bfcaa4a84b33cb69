package es.msia.bot.cases.domain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.catalog.Catalogs;
import es.msia.bot.catalog.CategoryDefinition;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.VariantDefinition;
import es.msia.bot.cases.domain.SimulatedCustomer.Style;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A simulated customer completes a case for every element (and every variant) of both catalogues in four
 * writing styles, through the same case flow and the same Spanish texts as production (only the storage
 * of files is left out: the customer's photos are counted as {@code CaseManagement} counts them). The
 * customer reads only the bot's text. Prints the table of the README and writes one transcript per
 * category and style to {@code target/simulated-customer/}.
 */
class SimulatedCustomerTests {

	private static final int MAX_MESSAGES = 120;

	private final CatalogDefinition catalog = Catalogs.current();

	private final CaseTexts texts = new CaseTexts();

	@Test
	void completesEveryElementInEveryStyleWithExactValuesAndNoLoops() throws IOException {
		Map<Style, Totals> totals = new EnumMap<>(Style.class);
		List<String> failures = new ArrayList<>();
		int index = 0;
		for (CategoryDefinition category : catalog.categories()) {
			for (ElementDefinition element : category.elements()) {
				List<VariantDefinition> variants = element.variants().isEmpty() ? java.util.Arrays.asList((VariantDefinition) null)
						: element.variants();
				for (VariantDefinition variant : variants) {
					for (Style style : Style.values()) {
						Run run = run(category, element, variant, style, index++);
						String only = System.getProperty("simulated.only");
						if (only != null && run.item().equals(only) && style.name().equals(System.getProperty("simulated.style", style.name()))) {
							System.out.println(String.join("\n", run.transcript));
						}
						totals.computeIfAbsent(style, s -> new Totals()).add(run);
						if (!run.completed()) {
							failures.add(style + " " + run.item() + ": " + run.problem());
						}
						if (run.transcriptWanted()) {
							write(category.slug() + "-" + style.name().toLowerCase(java.util.Locale.ROOT), run);
						}
					}
				}
			}
		}
		String table = table(totals);
		System.out.println(table);
		failures.stream().limit(40).forEach(f -> System.out.println("FAILED " + f));
		Files.createDirectories(Path.of("target", "simulated-customer"));
		Files.writeString(Path.of("target", "simulated-customer", "table.txt"), table + "\n" + String.join("\n", failures));

		assertThat(failures).as("cases not completed with exact values").isEmpty();
		totals.values().forEach(t -> assertThat(t.longestRepeat).as("longest run of the same ask").isLessThanOrEqualTo(2));
	}

	private Run run(CategoryDefinition category, ElementDefinition element, VariantDefinition variant, Style style, int index) {
		CollectionPlan plan = new CollectionPlan(category, catalog.caseData());
		CaseDialogue dialogue = new CaseDialogue(plan);
		String code = variant == null ? element.code() : variant.code();
		String name = variant == null ? element.nameEs() : variant.nameEs();
		boolean motorhome = category.slug().startsWith("aseicars");
		int persona = index / Style.values().length;
		List<SimulatedCustomer.Known> known = CustomerProfile.of(catalog.caseData(), element,
				variant == null ? null : variant.code(), motorhome, persona);
		boolean ownWorkshop = persona % 2 == 0;
		SimulatedCustomer customer = new SimulatedCustomer(known, style, ownWorkshop, persona % 3 != 0);
		if (persona % 2 == 1 && style == Style.PROSE) {
			customer.sloppy();
		}
		if (persona % 3 == 1) {
			SimulatedCustomer.Known email = known.stream().filter(k -> k.label().startsWith("Correo")).findFirst().orElseThrow();
			String changed = "nuevo." + email.value();
			customer.changesAtSummary(new SimulatedCustomer.Known(email.label(), changed, email.kind(), "el correo es " + changed,
					email.shortLabel()));
		}
		CaseData data = CaseData.start(List.of(new CaseItem(code, name, element.code(), variant == null ? null : code,
				Map.of())), Map.of());
		String reference = "MSI-2026-" + String.format("%06d", index);
		List<String> transcript = new ArrayList<>();
		String bot = texts.text("case.opened", reference) + "\n\n" + texts.prompt(plan.next(data), plan, data, reference);
		transcript.add("**Bot:**\n> " + bot.replace("\n", "\n> "));
		Map<String, Integer> filesInSlot = new HashMap<>();
		Run run = new Run(code, style);
		String lastAsk = Progress.signature(plan.next(data));
		int sameAsk = 1;
		boolean submitted = false;
		for (int message = 0; message < MAX_MESSAGES && !submitted; message++) {
			Optional<SimulatedCustomer.Message> answer = customer.answer(bot);
			if (answer.isEmpty()) {
				break;
			}
			String text = answer.get().text();
			int files = answer.get().files();
			transcript.add("**Cliente:** " + text + (files == 0 ? "" : " _[" + files + " archivo" + (files == 1 ? "]_" : "s]_")));
			Step step = plan.next(data);
			String slot = step instanceof Step.Photos p ? p.slot() : step instanceof Step.Document d ? d.slot() : "unsorted";
			int inSlot = filesInSlot.merge(slot, files, Integer::sum);
			String before = snapshot(data);
			CaseDialogue.Outcome outcome = dialogue.apply(data, text, files, inSlot);
			data = outcome.data();
			bot = texts.reply(outcome, plan, reference);
			transcript.add("**Bot:**\n> " + bot.replace("\n", "\n> "));
			run.botMessages++;
			run.invalid += (int) outcome.lines().stream().filter(l -> l.key().startsWith("invalid.")).count();
			run.clarifications += (int) outcome.lines().stream().filter(l -> l.key().startsWith("clarify.")).count();
			if (outcome.ask() == CaseDialogue.Ask.OFFER_PERSON) {
				run.offers++;
			}
			if (outcome.handOff()) {
				run.problem = "handed off at " + Progress.signature(step);
				break;
			}
			submitted = outcome.submit();
			String ask = Progress.signature(outcome.next());
			boolean progress = files > 0 || !snapshot(outcome.data()).equals(before);
			sameAsk = ask.equals(lastAsk) && !submitted && !progress ? sameAsk + 1 : 1;
			run.longestRepeat = Math.max(run.longestRepeat, sameAsk);
			lastAsk = ask;
		}
		run.transcript = transcript;
		run.transcriptWanted = persona < 2 && element.equals(category.elements().get(0)) && variant == element.variants().stream().findFirst().orElse(null);
		run.answers = answers(data);
		if (run.longestRepeat > 2 && run.problem == null) {
			run.problem = "the same ask " + run.longestRepeat + " times in a row";
		}
		if (!submitted && run.problem == null) {
			run.problem = "not submitted; stuck at " + Progress.signature(plan.next(data));
		}
		if (submitted) {
			List<String> wrong = wrongValues(plan, data, customer.known(), ownWorkshop);
			if (!wrong.isEmpty()) {
				run.problem = "wrong values " + wrong;
			}
		}
		return run;
	}

	/** Every stored value against what the customer gave, normalised by the same value objects. */
	private List<String> wrongValues(CollectionPlan plan, CaseData data, List<SimulatedCustomer.Known> known,
			boolean ownWorkshop) {
		List<String> wrong = new ArrayList<>();
		List<String> scopes = new ArrayList<>(List.of("personal", "vehicle"));
		data.items().forEach(i -> scopes.add(i.scope()));
		if (ownWorkshop) {
			scopes.add("workshop");
		}
		for (String scope : scopes) {
			Map<String, String> expected = CustomerProfile.expected(known, plan.fields(scope));
			Map<String, String> stored = data.values(scope);
			for (Map.Entry<String, String> value : stored.entrySet()) {
				String want = expected.get(value.getKey());
				if (want == null || !SimulatedCustomer.same(want, value.getValue())) {
					wrong.add(scope + "." + value.getKey() + "=«" + value.getValue() + "» (gave «" + want + "»)");
				}
			}
		}
		if (!ownWorkshop && !data.workshop().isEmpty()) {
			wrong.add("workshop filled for the partner workshop");
		}
		if (ownWorkshop != "own".equals(data.workshopMode())) {
			wrong.add("workshop mode " + data.workshopMode());
		}
		return wrong;
	}

	private static String snapshot(CaseData data) {
		return data.items() + "|" + data.personal() + "|" + data.vehicle() + "|" + data.workshop() + "|" + data.slotsDone()
				+ "|" + data.workshopMode() + "|" + data.personalKnown();
	}

	/** Required answers the customer gave: field values, photo and document slots, the workshop choice, the confirmation. */
	private static int answers(CaseData data) {
		int values = data.personal().size() + data.vehicle().size() + data.workshop().size();
		for (CaseItem item : data.items()) {
			values += item.fields().size();
		}
		return values + data.slotsDone().size() + 2;
	}

	private static String table(Map<Style, Totals> totals) {
		StringBuilder out = new StringBuilder();
		out.append(String.format("%-16s %9s %10s %14s %15s %8s %9s %7s%n", "style", "cases", "completed",
				"bot msgs/answer", "longest repeat", "invalid", "clarified", "offers"));
		for (Map.Entry<Style, Totals> e : totals.entrySet()) {
			Totals t = e.getValue();
			out.append(String.format("%-16s %9d %9.1f%% %14.2f %15d %8d %9d %7d%n", e.getKey().name().toLowerCase(java.util.Locale.ROOT),
					t.cases, 100.0 * t.completed / t.cases, (double) t.botMessages / t.answers, t.longestRepeat, t.invalid,
					t.clarifications, t.offers));
		}
		return out.toString();
	}

	private static void write(String name, Run run) throws IOException {
		Path dir = Files.createDirectories(Path.of("target", "simulated-customer"));
		Files.writeString(dir.resolve(name + ".md"), "# " + run.item() + " (" + run.style() + ")\n\n"
				+ String.join("\n\n", run.transcript) + "\n");
	}

	private static final class Run {

		private final String item;

		private final Style style;

		int botMessages;

		int answers;

		int longestRepeat = 1;

		int invalid;

		int clarifications;

		int offers;

		String problem;

		List<String> transcript;

		boolean transcriptWanted;

		Run(String item, Style style) {
			this.item = item;
			this.style = style;
		}

		String item() {
			return item;
		}

		Style style() {
			return style;
		}

		String problem() {
			return problem;
		}

		boolean completed() {
			return problem == null;
		}

		boolean transcriptWanted() {
			return transcriptWanted;
		}

	}

	private static final class Totals {

		int cases;

		int completed;

		int botMessages;

		int answers;

		int longestRepeat;

		int invalid;

		int clarifications;

		int offers;

		void add(Run run) {
			cases++;
			completed += run.completed() ? 1 : 0;
			botMessages += run.botMessages;
			answers += run.answers;
			longestRepeat = Math.max(longestRepeat, run.longestRepeat);
			invalid += run.invalid;
			clarifications += run.clarifications;
			offers += run.offers;
		}

	}

}
