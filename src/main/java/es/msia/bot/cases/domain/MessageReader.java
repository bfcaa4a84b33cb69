package es.msia.bot.cases.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import es.msia.bot.catalog.FieldSpec;
import es.msia.bot.catalog.FieldType;

/**
 * Reads field values out of one customer message: labelled values anywhere ("perdona, el email es …",
 * "matrícula: …"), which also correct earlier answers, then the answers to the fields just asked, in
 * order when the counts match, otherwise by what each value looks like.
 */
public final class MessageReader {

	/** Words customers use for the case-data fields (folded: lower case, no accents). */
	private static final Map<String, List<String>> ALIASES = aliases();

	/** Words that item and workshop fields use too ("marca del escape"): only read in their own steps. */
	private static final List<String> GENERIC = List.of("vehicle.marca", "vehicle.modelo", "personal.nombre",
			"personal.domicilio_provincia", "personal.domicilio_localidad", "personal.telefono");

	private static final Pattern VIN_LABELLED = Pattern.compile(
			"(?:^|\\b)(?:el )?(?:numero de bastidor|n\\S? de bastidor|bastidor|vin)\\b\\s*(?:es|:|=)?\\s*([a-z0-9]{17})\\b");

	private static final Pattern VIN_BARE = Pattern.compile("\\b(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{17}\\b");

	private static final String VERB = "\\s*(?:es|era|seria|:|=)\\s+";

	private final CollectionPlan plan;

	public MessageReader(CollectionPlan plan) {
		this.plan = plan;
	}

	/** Labelled values for case-data fields; returns them and the text with them removed. */
	public Labelled labelled(String text, String currentScope) {
		List<Assignment> found = new ArrayList<>();
		StringBuilder rest = new StringBuilder(text);
		vin(rest, currentScope).ifPresent(found::add);
		String folded = foldSameLength(rest.toString());
		for (Map.Entry<String, List<String>> entry : ALIASES.entrySet()) {
			if (!currentScope.equals("personal") && !currentScope.equals("vehicle") && GENERIC.contains(entry.getKey())) {
				continue;
			}
			for (String alias : entry.getValue()) {
				// The alias is a whole word: "direcciones es…" or "vines" are not labels.
				Matcher m = Pattern.compile("(?:^|\\b)" + Pattern.quote(alias) + "\\b" + VERB + "([^,;\\n]+?)(?=\\s+y\\s+(?:el|la|mi)\\b|[,;\\n]|$)")
					.matcher(folded);
				if (m.find() && rest.substring(m.start(), m.end()).trim().length() > 0
						&& !rest.substring(m.start(), m.end()).isBlank()) {
					String[] scopeAndKey = entry.getKey().split("\\.");
					spec(scopeAndKey[0], scopeAndKey[1]).ifPresent(spec -> found.add(
							new Assignment(scopeAndKey[0], spec, text.substring(m.start(1), m.end(1)).trim())));
					for (int i = m.start(); i < m.end(); i++) {
						rest.setCharAt(i, ' ');
					}
					folded = foldSameLength(rest.toString());
					break;
				}
			}
		}
		return new Labelled(found, rest.toString().replaceAll("^[\\s,;.]*(perdona|perdon|corrijo|me equivoque)?[\\s,;.]*", "").trim());
	}

	/**
	 * The optional VIN, taken only when clearly given: after its label, even without a verb ("bastidor
	 * VF1…"), or, while the vehicle is asked, as a bare 17-character code with letters and digits. It is
	 * cut out of the text, so it never becomes another field's value.
	 */
	private java.util.Optional<Assignment> vin(StringBuilder rest, String currentScope) {
		java.util.Optional<FieldSpec> spec = spec("vehicle", "bastidor");
		if (spec.isEmpty()) {
			return java.util.Optional.empty();
		}
		Matcher m = VIN_LABELLED.matcher(foldSameLength(rest.toString()));
		int group = 1;
		if (!m.find()) {
			m = VIN_BARE.matcher(rest);
			group = 0;
			if (!currentScope.equals("vehicle") || !m.find()) {
				return java.util.Optional.empty();
			}
		}
		Assignment vin = new Assignment("vehicle", spec.get(), rest.substring(m.start(group), m.end(group)));
		for (int i = m.start(); i < m.end(); i++) {
			rest.setCharAt(i, ' ');
		}
		return java.util.Optional.of(vin);
	}

	/** Values for the fields just asked, from the (unlabelled) text. */
	public List<Assignment> answers(String scope, List<FieldSpec> asked, String text, List<Assignment> labelled) {
		List<FieldSpec> open = asked.stream()
			.filter(f -> labelled.stream().noneMatch(a -> a.scope().equals(scope) && a.spec().key().equals(f.key())))
			.toList();
		if (open.isEmpty() || text.isBlank()) {
			return List.of();
		}
		if (open.size() == 1) {
			return List.of(new Assignment(scope, open.get(0), text.trim()));
		}
		List<String> parts = parts(text, open.size());
		List<Assignment> out = new ArrayList<>();
		if (parts.size() == open.size()) {
			for (int i = 0; i < parts.size(); i++) {
				out.add(new Assignment(scope, open.get(i), parts.get(i)));
			}
			return out;
		}
		return byShape(scope, open, parts);
	}

	private List<Assignment> byShape(String scope, List<FieldSpec> open, List<String> parts) {
		List<String> unused = new ArrayList<>(parts);
		Map<FieldSpec, String> chosen = new LinkedHashMap<>();
		for (FieldSpec spec : open) {
			if (plain(spec)) {
				continue;
			}
			for (String part : unused) {
				if (recognisable(spec, part)) {
					chosen.put(spec, part);
					unused.remove(part);
					break;
				}
			}
		}
		for (FieldSpec spec : open) {
			if (plain(spec) && !unused.isEmpty()) {
				chosen.put(spec, unused.remove(0));
			}
		}
		List<Assignment> out = new ArrayList<>();
		for (FieldSpec spec : open) {
			if (chosen.containsKey(spec)) {
				out.add(new Assignment(scope, spec, chosen.get(spec)));
			}
		}
		return out;
	}

	/** Whether a value is for this field: valid, or with its shape but a wrong check character or range. */
	private static boolean recognisable(FieldSpec spec, String part) {
		try {
			FieldRules.normalise(spec, part, Map.of());
			return true;
		}
		catch (es.msia.bot.cases.InvalidValue invalid) {
			String reason = invalid.reason();
			return !reason.endsWith(".format") && !reason.equals("select.unknown") && !reason.equals("pattern")
					&& !reason.equals("vin.length");
		}
	}

	private static boolean plain(FieldSpec spec) {
		return spec.type() == FieldType.TEXT && !List.of("dni_nie_cif", "email", "matricula", "bastidor").contains(spec.key())
				&& !spec.key().endsWith("_cp") && spec.pattern() == null;
	}

	private static List<String> parts(String text, int wanted) {
		List<String> parts = split(text, "[\\n;,]");
		if (parts.size() < wanted) {
			parts = parts.stream().flatMap(p -> split(p, "\\s+y\\s+").stream()).toList();
		}
		return parts;
	}

	private static List<String> split(String text, String regex) {
		return Arrays.stream(text.split(regex)).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	private java.util.Optional<FieldSpec> spec(String scope, String key) {
		return plan.fields(scope).stream().filter(f -> f.key().equals(key)).findFirst();
	}

	/** Lower case without accents, one character for one, so positions match the original text. */
	static String foldSameLength(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
			out.append(Character.toLowerCase(base.charAt(0)));
		}
		return out.toString();
	}

	private static Map<String, List<String>> aliases() {
		Map<String, List<String>> map = new LinkedHashMap<>();
		map.put("personal.dni_nie_cif", List.of("dni", "nie", "cif", "nif"));
		map.put("personal.email", List.of("correo electronico", "email", "e-mail", "correo", "mail"));
		map.put("personal.telefono", List.of("telefono", "movil"));
		map.put("personal.domicilio_cp", List.of("codigo postal", "cp"));
		map.put("personal.domicilio_calle", List.of("direccion", "domicilio"));
		map.put("personal.domicilio_localidad", List.of("localidad", "ciudad", "municipio"));
		map.put("personal.domicilio_provincia", List.of("provincia"));
		map.put("personal.itv_nombre", List.of("estacion itv", "estacion"));
		map.put("personal.apellidos", List.of("apellidos"));
		map.put("personal.nombre", List.of("nombre"));
		map.put("vehicle.matricula", List.of("matricula"));
		map.put("vehicle.bastidor", List.of("numero de bastidor", "bastidor", "vin"));
		map.put("vehicle.anio_matriculacion", List.of("ano de matriculacion", "ano"));
		map.put("vehicle.marca", List.of("marca"));
		map.put("vehicle.modelo", List.of("modelo"));
		return map;
	}

	/** Labelled values found and the text left once they are removed. */
	public record Labelled(List<Assignment> assignments, String rest) {
	}

}
