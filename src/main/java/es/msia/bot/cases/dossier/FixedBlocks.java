package es.msia.bot.cases.dossier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import es.msia.bot.cases.CaseView;
import es.msia.bot.catalog.CaseDataDefinition;
import es.msia.bot.catalog.FieldSpec;

/**
 * The paper form's fixed blocks (applicant, workshop, ITV, vehicle) with its own labels and boxes, filled
 * from the case's personal, workshop and vehicle data. Values the paper form has no box for are added
 * after the boxes, under their catalogue label, so nothing collected is missing from the form.
 */
final class FixedBlocks {

	private final DossierTexts texts;

	private final CaseView view;

	private final CaseDataDefinition caseData;

	FixedBlocks(DossierTexts texts, CaseView view, CaseDataDefinition caseData) {
		this.texts = texts;
		this.view = view;
		this.caseData = caseData;
	}

	Dossier.Section applicant() {
		Map<String, String> rest = withoutItv(view.personal());
		List<Dossier.Field> fields = new ArrayList<>();
		fields.add(box("applicant.name", join(" ", take(rest, "nombre"), take(rest, "apellidos"))));
		fields.add(box("applicant.address", take(rest, "domicilio_calle")));
		fields.add(box("applicant.nif", take(rest, "dni_nie_cif")));
		fields.add(box("applicant.town", take(rest, "domicilio_localidad")));
		fields.add(box("applicant.province", take(rest, "domicilio_provincia")));
		fields.add(box("applicant.postcode", take(rest, "domicilio_cp")));
		fields.add(box("applicant.email", take(rest, "email")));
		fields.add(box("applicant.phone", take(rest, "telefono")));
		fields.addAll(others(rest, caseData.personal()));
		return section("section.applicant", fields);
	}

	Dossier.Section workshop() {
		Map<String, String> rest = new LinkedHashMap<>(view.workshop());
		List<Dossier.Field> fields = new ArrayList<>();
		String mode = view.workshopMode();
		fields.add(Dossier.Field.yesNo(texts.text("workshop.certificate"), mode == null ? "" : String.valueOf(mode.equals("msi"))));
		if (mode == null) {
			fields.add(Dossier.Field.of("", texts.text("workshop.undecided")));
		}
		else if (mode.equals("msi")) {
			fields.add(Dossier.Field.of("", texts.text("workshop.partner")));
		}
		else {
			// The question keeps its own row, as on the paper form.
			fields.add(Dossier.Field.of("", ""));
			fields.add(box("workshop.name", take(rest, "taller_nombre")));
			fields.add(box("workshop.manager", take(rest, "taller_responsable")));
			fields.add(box("workshop.address", take(rest, "taller_domicilio")));
			fields.add(box("workshop.province", take(rest, "taller_provincia")));
			fields.add(box("workshop.town", take(rest, "taller_ciudad")));
			fields.add(box("workshop.phone", take(rest, "taller_telefono")));
			fields.add(box("workshop.registry", take(rest, "taller_registro_industrial")));
			fields.add(box("workshop.activity", take(rest, "taller_actividad")));
			fields.addAll(others(rest, caseData.workshop().ownWorkshopFields()));
		}
		return section("section.workshop", fields);
	}

	Dossier.Section itv() {
		Map<String, String> personal = view.personal();
		return section("section.itv", List.of(box("itv.region", personal.getOrDefault("itv_comunidad_autonoma", "")),
				box("itv.name", personal.getOrDefault("itv_nombre", ""))));
	}

	Dossier.Section vehicle() {
		Map<String, String> rest = new LinkedHashMap<>(view.vehicle());
		List<Dossier.Field> fields = new ArrayList<>();
		fields.add(box("vehicle.plate", take(rest, "matricula")));
		fields.add(box("vehicle.makeModel", join(" ", take(rest, "marca"), take(rest, "modelo"))));
		fields.add(box("vehicle.year", take(rest, "anio_matriculacion")));
		fields.add(box("vehicle.vin", take(rest, "bastidor")));
		fields.add(box("vehicle.classification", take(rest, "clasificacion")));
		fields.add(Dossier.Field.of("", ""));
		fields.add(Dossier.Field.yesNo(texts.text("vehicle.seats"), take(rest, "cambio_plazas")));
		fields.add(box("vehicle.seatsFrom", take(rest, "plazas_iniciales")));
		fields.add(Dossier.Field.of("", ""));
		fields.add(box("vehicle.seatsTo", take(rest, "plazas_finales")));
		fields.add(Dossier.Field.yesNo(texts.text("vehicle.height"), take(rest, "cambio_altura")));
		fields.add(box("vehicle.heightTo", take(rest, "altura_final_mm")));
		fields.add(Dossier.Field.yesNo(texts.text("vehicle.width"), take(rest, "cambio_ancho")));
		fields.add(box("vehicle.widthTo", take(rest, "ancho_final_mm")));
		fields.add(Dossier.Field.yesNo(texts.text("vehicle.length"), take(rest, "cambio_longitud")));
		fields.add(box("vehicle.lengthTo", take(rest, "longitud_final_mm")));
		fields.addAll(others(rest, caseData.vehicle()));
		return section("section.vehicle", fields);
	}

	private Dossier.Section section(String title, List<Dossier.Field> fields) {
		return new Dossier.Section(texts.text(title), null, 2, fields, List.of(), List.of());
	}

	private Dossier.Field box(String label, String value) {
		return Dossier.Field.of(texts.text(label), value);
	}

	private List<Dossier.Field> others(Map<String, String> rest, List<FieldSpec> specs) {
		List<Dossier.Field> fields = new ArrayList<>();
		rest.forEach((key, value) -> fields.add(specs.stream().filter(s -> s.key().equals(key)).findFirst()
			.map(spec -> DossierContent.field(texts, spec, value))
			.orElse(Dossier.Field.of(key, value))));
		return fields;
	}

	private static Map<String, String> withoutItv(Map<String, String> personal) {
		Map<String, String> rest = new LinkedHashMap<>(personal);
		rest.keySet().removeIf(k -> k.startsWith("itv_"));
		return rest;
	}

	private static String take(Map<String, String> values, String key) {
		String value = values.remove(key);
		return value == null ? "" : value;
	}

	private static String join(String separator, String... parts) {
		return String.join(separator, java.util.Arrays.stream(parts).filter(p -> !p.isBlank()).toList());
	}

}
