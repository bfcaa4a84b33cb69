package es.msia.bot.cases.domain;

import java.util.regex.Pattern;

import es.msia.bot.catalog.FieldSpec;

/**
 * Spanish addresses written with commas: "C/ Larios 5, 2º B" is one address, not a street and a town.
 * A comma part continues an address when it is a floor, door or premises after a street, or the house
 * number after a street named without one.
 */
final class Addresses {

	/** Floor, door and premises that follow a street after a comma ("2º B", "bajo", "nave 14"). */
	private static final Pattern ADDRESS_PART = Pattern.compile(
			"^(?:[0-9]+\\s*[ºª°]\\s*[0-9a-z]*.*|[0-9]+\\s*(?:izq|izda|izquierda|dcha|dch|derecha|centro)\\.?|bajo\\b.*|atico\\b.*|"
					+ "entresuelo\\b.*|principal\\b.*|piso\\b.*|planta\\b.*|puerta\\b.*|pta\\b.*|portal\\b.*|bloque\\b.*|blq\\b.*|"
					+ "esc\\b.*|escalera\\b.*|nave\\b.*|local\\b.*|parcela\\b.*|km\\b.*|kilometro\\b.*|n[ºo°]\\s*[0-9].*|"
					+ "numero\\s*[0-9].*|[0-9]+\\s*-\\s*[0-9a-z]+)$");

	/** The house number after a comma ("Calle Larios, 5"): only after a street that has none yet. */
	private static final Pattern HOUSE_NUMBER = Pattern.compile("^(?:n[ºo°]?\\s*)?[0-9]+\\s*[a-z]?$");

	/** How streets, avenues, squares and industrial estates start. */
	private static final Pattern STREET = Pattern.compile(
			"^(?:c/|c\\.|cl\\b|calle|avda|avenida|av\\b|av\\.|plaza|pza|paseo|pº|camino|carretera|ctra|urbanizacion|urb|"
					+ "poligono|pol\\b|pol\\.|ronda|travesia|glorieta|pasaje|callejon|partida|barrio|edificio|residencial|"
					+ "c/\\S).*");

	private Addresses() {
	}

	/** Whether the field holds an address (the customer's or the workshop's). */
	static boolean holds(FieldSpec spec) {
		return spec.key().endsWith("calle") || spec.key().endsWith("domicilio");
	}

	/**
	 * Whether a comma part continues an address: a floor or door after a street with its number ("C/ Larios
	 * 5", "Polígono X"), or the number after a street named without one ("Calle Larios, 5").
	 */
	static boolean continues(String street, String part) {
		String folded = ValueShapes.fold(street);
		String next = ValueShapes.fold(part);
		boolean isStreet = STREET.matcher(folded).matches();
		boolean withNumber = folded.matches("[a-z][a-z .'/-]* [0-9]+[a-z]?");
		if (HOUSE_NUMBER.matcher(next).matches()) {
			return isStreet && !folded.matches(".*[0-9].*");
		}
		return ADDRESS_PART.matcher(next).matches() && (isStreet || withNumber);
	}

}
