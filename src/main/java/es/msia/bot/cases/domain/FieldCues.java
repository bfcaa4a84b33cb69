package es.msia.bot.cases.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import es.msia.bot.catalog.FieldSpec;

/**
 * The words that announce a field's value in a customer's message ("mi DNI es", "correo:", "vivo en",
 * "la marca es", "de diámetro"). Case-data fields have the words customers use for them; element fields
 * take them from their catalogue label ("Diámetro del disco (mm)" → "diámetro del disco", "diámetro").
 * A weak cue needs nothing after it ("con DNI 1234…"); a strong one only counts before "es", ":" or "="
 * because the word also occurs inside values ("ITV Málaga", "Avenida de la Estación").
 */
final class FieldCues {

	/** A phrase (folded) that announces a field. */
	record Cue(String phrase, boolean strongOnly) {

		/** The phrase as a whole word or words; compiled once per phrase, not once per message. */
		Pattern pattern() {
			return PATTERNS.computeIfAbsent(phrase,
					p -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(p) + "(?![\\p{L}\\p{N}])"));
		}

	}

	private static final Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

	private static final Map<String, List<Cue>> CASE_DATA = caseData();

	private FieldCues() {
	}

	/** The cues of the fields of a scope, longest first (element heads only for the fields asked). */
	static Map<FieldSpec, List<Cue>> of(String scope, List<FieldSpec> fields) {
		return of(scope, fields, fields);
	}

	/**
	 * The cues of the fields of a scope, longest first. An element field's head ("marca", "modelo") is a cue
	 * only while that field is asked and no other field of the scope has the same head: "modelo" names the
	 * spring's model when the spring is asked, not the shock absorber's, asked later.
	 */
	static Map<FieldSpec, List<Cue>> of(String scope, List<FieldSpec> fields, List<FieldSpec> asked) {
		Map<FieldSpec, List<Cue>> cues = new LinkedHashMap<>();
		Map<String, Integer> heads = new HashMap<>();
		if (scope.startsWith("item:")) {
			fields.forEach(f -> head(f.labelEs()).ifPresent(h -> heads.merge(h, 1, Integer::sum)));
		}
		for (FieldSpec field : fields) {
			List<Cue> list = new ArrayList<>(CASE_DATA.getOrDefault(scope.startsWith("item:") ? "item" : scope + "." + field.key(), List.of()));
			if (scope.startsWith("item:") && !field.labelEs().trim().startsWith("¿")) {
				String label = label(field.labelEs());
				if (label.length() >= 4) {
					list.add(new Cue(label, false));
				}
				head(field.labelEs()).filter(h -> heads.get(h) == 1 && !h.equals(label) && asked.contains(field))
					.ifPresent(h -> list.add(new Cue(h, false)));
			}
			if (!list.isEmpty()) {
				list.sort((a, b) -> b.phrase().length() - a.phrase().length());
				cues.put(field, list);
			}
		}
		return cues;
	}

	/** The label as a customer would repeat it: folded, without the question marks and the unit. */
	static String label(String labelEs) {
		String folded = ValueShapes.fold(labelEs.replaceAll("\\([^)]*\\)", " ").replaceAll("[¿?]", " "));
		int comma = folded.indexOf(',');
		folded = comma > 0 ? folded.substring(0, comma) : folded;
		int colon = folded.indexOf(':');
		folded = colon > 0 ? folded.substring(0, colon) : folded;
		return folded.replaceAll("\\s+", " ").trim();
	}

	/** The first words of a label, up to its complement ("grosor del disco" → "grosor"). */
	static java.util.Optional<String> head(String labelEs) {
		if (labelEs.trim().startsWith("¿")) {
			return java.util.Optional.empty();
		}
		String label = label(labelEs);
		String head = label.split(" (?:de|del|desde|hasta|entre|que|para|respecto|en) ")[0].trim();
		if (head.length() < 4 || head.matches("(?:explica|indica|describe|di|dime)\\b.*")) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(head);
	}

	private static Map<String, List<Cue>> caseData() {
		Map<String, List<Cue>> map = new HashMap<>();
		weak(map, "personal.nombre", "nombre completo", "nombre", "me llamo", "razon social", "a nombre de", "soy", "somos");
		weak(map, "personal.apellidos", "apellidos");
		weak(map, "personal.dni_nie_cif", "documento de identidad", "dni", "nie", "cif", "nif");
		weak(map, "personal.email", "correo electronico", "email", "e-mail", "correo", "mail", "emilio");
		weak(map, "personal.telefono", "telefono", "movil", "tlf", "tfno");
		weak(map, "personal.domicilio_calle", "direccion", "domicilio", "vivo en", "resido en");
		weak(map, "personal.domicilio_localidad", "localidad");
		// Also words of town names ("Ciudad Real"): a label only before "es" or ":".
		strong(map, "personal.domicilio_localidad", "ciudad", "municipio", "pueblo", "poblacion");
		weak(map, "personal.domicilio_provincia", "provincia");
		weak(map, "personal.domicilio_cp", "codigo postal", "cod postal", "cp", "c.p.", "postal");
		strong(map, "personal.itv_nombre", "estacion de itv", "estacion itv", "estacion", "la itv", "itv");
		weak(map, "personal.itv_comunidad_autonoma", "comunidad autonoma");
		weak(map, "vehicle.marca", "marca");
		weak(map, "vehicle.modelo", "modelo");
		weak(map, "vehicle.matricula", "matricula");
		weak(map, "vehicle.bastidor", "numero de bastidor", "bastidor", "vin");
		weak(map, "vehicle.anio_matriculacion", "ano de primera matriculacion", "ano de matriculacion", "matriculada en",
				"matriculado en", "ano");
		weak(map, "vehicle.clasificacion", "clasificacion");
		weak(map, "vehicle.plazas_iniciales", "plazas iniciales");
		weak(map, "vehicle.plazas_finales", "plazas finales");
		weak(map, "vehicle.altura_final_mm", "altura final", "altura");
		weak(map, "vehicle.ancho_final_mm", "ancho final", "ancho", "anchura");
		weak(map, "vehicle.longitud_final_mm", "longitud final", "longitud", "largo");
		weak(map, "workshop.taller_nombre", "nombre del taller", "el taller se llama", "el taller es", "somos", "nombre", "se llama");
		weak(map, "workshop.taller_responsable", "persona responsable", "responsable", "encargado", "me encargo yo");
		weak(map, "workshop.taller_domicilio", "direccion del taller", "direccion", "domicilio", "estamos en");
		weak(map, "workshop.taller_provincia", "provincia");
		weak(map, "workshop.taller_ciudad", "localidad");
		strong(map, "workshop.taller_ciudad", "ciudad", "municipio", "pueblo");
		weak(map, "workshop.taller_telefono", "telefono", "movil", "tlf", "tfno");
		weak(map, "workshop.taller_registro_industrial", "numero de registro industrial", "registro industrial",
				"numero de registro", "registro");
		weak(map, "workshop.taller_actividad", "actividad del taller", "actividad", "nos dedicamos a", "se dedica a");
		return map;
	}

	private static void weak(Map<String, List<Cue>> map, String key, String... phrases) {
		for (String phrase : phrases) {
			map.computeIfAbsent(key, k -> new ArrayList<>()).add(new Cue(phrase, false));
		}
	}

	private static void strong(Map<String, List<Cue>> map, String key, String... phrases) {
		for (String phrase : phrases) {
			map.computeIfAbsent(key, k -> new ArrayList<>()).add(new Cue(phrase, true));
		}
	}

}
