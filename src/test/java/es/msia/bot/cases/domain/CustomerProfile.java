package es.msia.bot.cases.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import es.msia.bot.catalog.CaseDataDefinition;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.FieldSpec;
import es.msia.bot.catalog.FieldType;
import es.msia.bot.cases.domain.SimulatedCustomer.Kind;
import es.msia.bot.cases.domain.SimulatedCustomer.Known;

/**
 * What one simulated customer knows about themselves, their vehicle, their workshop and the part they
 * changed, and how they say each thing in prose. Element values are the catalogue's examples and options
 * (what a real answer looks like); personal data comes from four personas (private rider, company with a
 * CIF, foreign resident with a NIE, a town whose name starts with an article).
 */
public final class CustomerProfile {

	/** The persona's personal data, by field key, as the customer writes it. */
	private static final List<Map<String, String>> PERSONAS = List.of(
			persona("Lucía Martín", "12345678Z", "lucia.martin@example.com", "C/ Larios 5, 2º B", "Málaga", "Málaga", "29005",
					"ITV Málaga - Guadalhorce"),
			persona("Talleres Pérez SL", "B12345674", "info@tallerperez.es", "Polígono Industrial San Rafael, nave 14",
					"Dos Hermanas", "Sevilla", "41701", "ITV Sevilla Norte"),
			persona("Andrea Rossi", "X1234567L", "andrea.rossi@example.it", "Avenida de la Constitución 12, 3º A",
					"Alcalá de Henares", "Madrid", "28801", "ITV Alcalá de Henares"),
			persona("José Ramón Díaz", "87654321X", "joseramon.diaz@example.com", "Calle Mayor 3, bajo", "Logroño",
					"La Rioja", "26001", "ITV Logroño"));

	private CustomerProfile() {
	}

	/** Everything the customer knows, labelled as the bot asks it. */
	public static List<Known> of(CaseDataDefinition caseData, ElementDefinition element, String variantCode, boolean motorhome,
			int persona) {
		List<Known> known = new ArrayList<>();
		Map<String, String> personal = PERSONAS.get(persona % PERSONAS.size());
		for (FieldSpec field : caseData.personal()) {
			String value = personal.get(field.key());
			if (value != null) {
				known.add(new Known(field.labelEs(), value, kind(field), personalProse(field.key(), value),
						personalLabel(field.key())));
			}
		}
		Map<String, String> vehicle = motorhome
				? Map.of("marca", "Fiat", "modelo", "Ducato Hymer B 678", "matricula", "5678 KLM", "anio_matriculacion", "2021")
				: Map.of("marca", "Yamaha", "modelo", "XSR 700", "matricula", "1234 LMN", "anio_matriculacion", "2019");
		boolean heightChanges = persona % 2 == 0;
		for (FieldSpec field : caseData.vehicle()) {
			String key = field.key();
			if (vehicle.containsKey(key)) {
				known.add(new Known(field.labelEs(), vehicle.get(key), kind(field), vehicleProse(key, vehicle.get(key)),
						vehicleLabel(key)));
			}
			else if (key.startsWith("cambio_")) {
				boolean yes = key.equals("cambio_altura") && heightChanges;
				known.add(new Known(field.labelEs(), yes ? "sí" : "no", Kind.YES_NO,
						yes ? "sí, la altura cambia" : List.of("no, eso no cambia", "tampoco", "no").get(key.length() % 3), null));
			}
			else if (key.equals("altura_final_mm")) {
				String height = motorhome ? "3150" : "1150";
				known.add(new Known(field.labelEs(), height, Kind.NUMBER, "la altura final es de " + height + " mm",
						"Altura final"));
			}
		}
		for (FieldSpec field : caseData.workshop().ownWorkshopFields()) {
			String value = field.example();
			if (field.type() == FieldType.SELECT) {
				value = persona % 2 == 0 ? "Málaga" : "Granada";
			}
			known.add(new Known(field.labelEs(), value, kind(field), workshopProse(field.key(), value), workshopLabel(field.key())));
		}
		int index = 0;
		for (FieldSpec field : element.requiredFields()) {
			known.add(elementField(field, element, index++, persona));
		}
		return known;
	}

	/** The values the case must end with, as the value objects normalise them. */
	public static Map<String, String> expected(List<Known> known, List<FieldSpec> fields) {
		Map<String, String> out = new LinkedHashMap<>();
		for (FieldSpec field : fields) {
			known.stream().filter(k -> k.label().equals(field.labelEs())).findFirst()
				.ifPresent(k -> out.put(field.key(), FieldRules.normalise(field, k.value(), out)));
		}
		return out;
	}

	private static Known elementField(FieldSpec field, ElementDefinition element, int index, int persona) {
		String label = field.labelEs();
		boolean question = label.trim().startsWith("¿");
		String statement = question ? null : FieldCues.label(label);
		String shortLabel = question ? null : label.replaceAll("\\s*\\([^)]*\\)", "").replaceAll(",.*", "").trim();
		switch (field.type()) {
			case BOOLEAN: {
				// Gates are answered yes so that what depends on them is asked too.
				boolean gate = element.requiredFields().stream().anyMatch(f -> f.when() != null && f.when().field().equals(field.key()));
				boolean yes = gate || (index + persona) % 2 == 0;
				String prose = yes ? List.of("sí, lo he cambiado", "claro", "sí").get((index + persona) % 3)
						: List.of("no, eso no", "no lo he tocado", "tampoco").get((index + persona) % 3);
				return new Known(label, yes ? "sí" : "no", Kind.YES_NO, prose, question ? null : shortLabel);
			}
			case SELECT: {
				String option = field.options().get((index + persona) % field.options().size());
				String said = lowerFirst(option);
				java.util.regex.Matcher did = java.util.regex.Pattern.compile("¿Qu[ée] .*?has (\\p{L}+)").matcher(label);
				String prose = !question ? article(statement) + " " + statement + " es " + said
						: did.find() ? "lo que he " + did.group(1) + " es " + said : said;
				return new Known(label, option, Kind.OPTION, prose, shortLabel);
			}
			case NUMBER: {
				String value = field.example() != null ? field.example() : "10";
				boolean mm = field.key().endsWith("_mm");
				String prose = question ? value + (mm ? " mm" : "")
						: article(statement) + " " + statement + " es de " + value + (mm ? " mm" : "");
				return new Known(label, value, Kind.NUMBER, prose, shortLabel);
			}
			default: {
				String value = field.example();
				String prose = question ? value : article(statement) + " " + statement + " es " + value;
				return new Known(label, value, Kind.TEXT, prose, shortLabel);
			}
		}
	}

	private static Kind kind(FieldSpec field) {
		switch (field.type()) {
			case BOOLEAN:
				return Kind.YES_NO;
			case SELECT:
				return Kind.OPTION;
			case NUMBER:
				return Kind.NUMBER;
			default:
				return Kind.TEXT;
		}
	}

	private static String personalProse(String key, String value) {
		switch (key) {
			case "nombre":
				return value.endsWith("SL") ? "somos " + value : "me llamo " + value;
			case "dni_nie_cif":
				return value.startsWith("B") ? "el CIF es " + value : "con DNI " + value;
			case "email":
				return "mi correo es " + value;
			case "domicilio_calle":
				return "vivo en " + value;
			case "domicilio_localidad":
				return "en " + value;
			case "domicilio_provincia":
				return "provincia de " + value;
			case "domicilio_cp":
				return "mi código postal, el " + value;
			default:
				return "la ITV la pasaré en la " + value;
		}
	}

	private static String personalLabel(String key) {
		return Map.of("nombre", "Nombre", "dni_nie_cif", "DNI", "email", "Correo", "domicilio_calle", "Dirección",
				"domicilio_localidad", "Localidad", "domicilio_provincia", "Provincia", "domicilio_cp", "CP", "itv_nombre", "ITV")
			.get(key);
	}

	private static String vehicleProse(String key, String value) {
		switch (key) {
			case "marca":
				return "es una " + value;
			case "modelo":
				return "el modelo es " + value;
			case "matricula":
				return "con matrícula " + value;
			default:
				return "es del " + value;
		}
	}

	private static String vehicleLabel(String key) {
		return Map.of("marca", "Marca", "modelo", "Modelo", "matricula", "Matrícula", "anio_matriculacion", "Año").get(key);
	}

	private static String workshopProse(String key, String value) {
		switch (key) {
			case "taller_nombre":
				return "el taller se llama " + value;
			case "taller_responsable":
				return "el responsable es " + value;
			case "taller_domicilio":
				return "estamos en " + value;
			case "taller_provincia":
				return "en la provincia de " + value;
			case "taller_ciudad":
				return "la ciudad es " + value;
			case "taller_telefono":
				return "el teléfono es el " + value;
			case "taller_registro_industrial":
				return "el registro industrial es el " + value;
			default:
				return "nos dedicamos a " + lowerFirst(value);
		}
	}

	private static String workshopLabel(String key) {
		return Map.of("taller_nombre", "Nombre del taller", "taller_responsable", "Responsable", "taller_domicilio",
				"Dirección", "taller_provincia", "Provincia", "taller_ciudad", "Ciudad", "taller_telefono", "Teléfono",
				"taller_registro_industrial", "Registro industrial", "taller_actividad", "Actividad").get(key);
	}

	private static String article(String phrase) {
		String first = phrase.split(" ")[0];
		return first.endsWith("a") || first.endsWith("ion") ? "la" : first.endsWith("s") ? "los" : "el";
	}

	private static String lowerFirst(String text) {
		return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
	}

	private static Map<String, String> persona(String name, String nif, String email, String street, String town,
			String province, String postcode, String itv) {
		return Map.of("nombre", name, "dni_nie_cif", nif, "email", email, "domicilio_calle", street, "domicilio_localidad",
				town, "domicilio_provincia", province, "domicilio_cp", postcode, "itv_nombre", itv);
	}

}
