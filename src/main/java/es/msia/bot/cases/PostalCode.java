package es.msia.bot.cases;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A Spanish postcode: five digits whose first two are the province (01–52, INE order). When the province
 * name is known, {@link #of(String, String)} also checks that both agree.
 *
 * @param value the five digits
 */
public record PostalCode(String value) {

	/** Province names as the catalogue spells them, indexed by INE code − 1. */
	static final List<String> PROVINCES = List.of("Álava", "Albacete", "Alicante", "Almería", "Ávila", "Badajoz",
			"Illes Balears", "Barcelona", "Burgos", "Cáceres", "Cádiz", "Castellón", "Ciudad Real", "Córdoba",
			"A Coruña", "Cuenca", "Girona", "Granada", "Guadalajara", "Gipuzkoa", "Huelva", "Huesca", "Jaén", "León",
			"Lleida", "La Rioja", "Lugo", "Madrid", "Málaga", "Murcia", "Navarra", "Ourense", "Asturias", "Palencia",
			"Las Palmas", "Pontevedra", "Salamanca", "Santa Cruz de Tenerife", "Cantabria", "Segovia", "Sevilla",
			"Soria", "Tarragona", "Teruel", "Toledo", "Valencia", "Valladolid", "Bizkaia", "Zamora", "Zaragoza",
			"Ceuta", "Melilla");

	private static final Pattern SHAPE = Pattern.compile("[0-9]{5}");

	public PostalCode {
		value = value.trim().replaceAll("[\\s.]", "");
		if (!SHAPE.matcher(value).matches()) {
			throw new InvalidValue("postcode.format", value);
		}
		int province = Integer.parseInt(value.substring(0, 2));
		if (province < 1 || province > 52) {
			throw new InvalidValue("postcode.province", value);
		}
	}

	public static PostalCode of(String raw) {
		return new PostalCode(raw);
	}

	/** A postcode that must belong to the named province (ignored when the name is unknown). */
	public static PostalCode of(String raw, @Nullable String provinceName) {
		PostalCode code = new PostalCode(raw);
		if (provinceName != null) {
			int index = indexOf(provinceName);
			if (index >= 0 && index + 1 != code.provinceNumber()) {
				throw new InvalidValue("postcode.mismatch", code.value);
			}
		}
		return code;
	}

	/** The INE province number (1–52). */
	public int provinceNumber() {
		return Integer.parseInt(value.substring(0, 2));
	}

	/** The province name as the catalogue spells it. */
	public String provinceName() {
		return PROVINCES.get(provinceNumber() - 1);
	}

	private static int indexOf(String provinceName) {
		String wanted = Normalize.folded(provinceName);
		for (int i = 0; i < PROVINCES.size(); i++) {
			if (Normalize.folded(PROVINCES.get(i)).equals(wanted)) {
				return i;
			}
		}
		return -1;
	}

}
