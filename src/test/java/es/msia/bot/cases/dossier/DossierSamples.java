package es.msia.bot.cases.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import es.msia.bot.cases.CaseStatus;
import es.msia.bot.cases.CaseView;
import es.msia.bot.cases.domain.CollectionPlan;
import es.msia.bot.cases.domain.FieldRules;
import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.catalog.Catalogs;
import es.msia.bot.catalog.CategoryDefinition;
import es.msia.bot.catalog.FieldSpec;
import es.msia.bot.catalog.Quote;
import es.msia.bot.catalog.QuoteEngine;

/**
 * Two complete cases as staff receive them, built with the cases module's own types and realistic Spanish
 * data: a private rider's motorcycle (own workshop, four items) and a professional's motorhome (partner
 * workshop, four items). Every value goes through {@link FieldRules#normalise}, as the chat stores it; the
 * photos are the catalogue's example slides (MSI's own images, shipped in {@code catalog/images/}).
 */
final class DossierSamples {

	static final CatalogDefinition CATALOG = Catalogs.current();

	/** Stored files by sha, standing in for the file store. */
	final Map<String, byte[]> stored = new HashMap<>();

	private final List<CaseView.FileView> files = new ArrayList<>();

	private long nextFile = 101;

	CategoryDefinition category(String slug) {
		return CATALOG.categories().stream().filter(c -> c.slug().equals(slug)).findFirst().orElseThrow();
	}

	CaseView motorcycle() {
		CategoryDefinition category = category("motos-part");
		CollectionPlan plan = new CollectionPlan(category, CATALOG.caseData());
		Map<String, Map<String, String>> items = new LinkedHashMap<>();
		items.put("SUBCHASIS", values(plan, "item:SUBCHASIS", null, "descripcion_modificacion",
				"Recorte de 12 cm por detrás del amortiguador y aro trasero soldado en acero", "medida_desde_deposito_mm", "45 cm",
				"cambia_longitud", "sí", "nueva_longitud_total_mm", "2050"));
		items.put("ESCAPE", values(plan, "item:ESCAPE", null, "marca_modelo", "Akrapovič Racing Line (titanio)", "tipo",
				"línea completa", "homologado_para_modelo", "sí", "contrasena_homologacion", "e13*97/24*0123"));
		items.put("MANILLAR", values(plan, "item:MANILLAR", null, "tipo", "Manillar", "marca", "Renthal", "modelo",
				"Fatbar 28 mm", "material", "aluminio", "diametro_mm", "28", "nuevo_ancho_mm", "780", "nueva_altura_mm",
				"1150"));
		items.put("SUSPENSION_TRAS", values(plan, "item:SUSPENSION_TRAS", "SUSPENSION_TRAS", "tras_muelle_marca", "Öhlins",
				"tras_muelle_modelo", "S46DR1", "tras_muelle_longitud_mm", "280", "tras_muelle_grosor_espira_mm", "11",
				"tras_muelle_diametro_mm", "60", "tras_cambia_amortiguador", "sí", "tras_amortiguador_marca", "YSS",
				"tras_amortiguador_modelo", "MZ456-350TRL"));
		items.put("INTERMITENTES_DEL", values(plan, "item:INTERMITENTES_DEL", "INTERMITENTES_DEL", "contrasena_homologacion",
				"e4*50R*0012", "altura_suelo_mm", "800", "del_distancia_bordes_mm", "260", "del_distancia_faro_mm", "110"));
		Map<String, String> personal = values(plan, "personal", null, "nombre", "Lucía", "apellidos", "Martín Gómez",
				"dni_nie_cif", "12345678Z", "email", "lucia.martin@example.com", "telefono", "+34 600 111 222",
				"domicilio_calle", "C/ Larios 5, 2º B", "domicilio_localidad", "Málaga", "domicilio_provincia", "Málaga",
				"domicilio_cp", "29005", "itv_comunidad_autonoma", "Andalucía", "itv_nombre", "ITV Málaga - Guadalhorce");
		Map<String, String> vehicle = values(plan, "vehicle", null, "marca", "Yamaha", "modelo", "XSR 700", "matricula",
				"1234 LMN", "anio_matriculacion", "2019", "bastidor", "JYARM251000012345", "cambio_plazas", "no",
				"cambio_altura", "sí", "altura_final_mm", "1150", "cambio_ancho", "sí", "ancho_final_mm", "780",
				"cambio_longitud", "no");
		Map<String, String> workshop = values(plan, "workshop", null, "taller_nombre", "Motos Guadalmedina S.L.",
				"taller_responsable", "Antonio Ruiz Muñoz", "taller_domicilio", "Av. de Velázquez 120", "taller_provincia",
				"Málaga", "taller_ciudad", "Málaga", "taller_telefono", "952 123 456", "taller_registro_industrial",
				"29/045.678", "taller_actividad", "Reparación y mantenimiento de motocicletas");
		photo("item:SUBCHASIS", "Modificación del subchasis", "Motos/03_Carroceria/carenado.png", "rejected");
		photo("item:SUBCHASIS", "Modificación del subchasis", "Motos/04_Chasis_y_Estructura/subchasis.png", "validated");
		photo("item:SUBCHASIS", "Modificación del subchasis", "Motos/04_Chasis_y_Estructura/asideros.png", "validated");
		photo("item:ESCAPE", "Escape (línea completa)", "Motos/03_Carroceria/guardabarros_trasero.png", "pending");
		photo("item:MANILLAR", "Manillar", "Motos/07_Direccion_y_Manillar/manillar.png", "pending");
		photo("item:MANILLAR", "Manillar", "Motos/07_Direccion_y_Manillar/espejosRetrovisores.png", "pending");
		photo("item:SUSPENSION_TRAS", "Suspensión trasera", "Motos/05_Suspension/suspension_trasera.png", "pending");
		photo("item:INTERMITENTES_DEL", "Intermitentes delanteros",
				"Motos/10_Alumbrado_y_Senalizacion/alumbrado_IntermitentesDelanteros.png", "pending");
		String views = "Motos/02_Vistas_Exteriores/4vistas.png";
		documents(category, "Motos/01_Documentacion_Obligatoria/fichatecnica_permiso.png",
				List.of(crop(views, 28, 44, 214, 354), crop(views, 414, 101, 418, 264), crop(views, 28, 449, 238, 316),
						crop(views, 415, 483, 420, 257)),
				List.of(crop(views, 981, 58, 255, 339), crop(views, 995, 472, 218, 290)));
		return view("MSI-2026-000142", "motos-part", items, personal, vehicle, "own", workshop);
	}

	CaseView motorhome() {
		CategoryDefinition category = category("aseicars-prof");
		CollectionPlan plan = new CollectionPlan(category, CATALOG.caseData());
		Map<String, Map<String, String>> items = new LinkedHashMap<>();
		items.put("PLACA_SOLAR_REGULADOR_INTERIOR", values(plan, "item:PLACA_SOLAR_REGULADOR_INTERIOR",
				"PLACA_SOLAR_REGULADOR_INTERIOR", "numero_placas", "2", "potencia_total_w", "320", "marca_modelo_placas",
				"Atersa A-160P", "regulador_marca_modelo", "Victron SmartSolar MPPT 75/15", "supera_claraboyas", "sí",
				"nueva_altura_mm", "3050"));
		items.put("TOLDO_GALIBO", values(plan, "item:TOLDO_GALIBO", "TOLDO_GALIBO", "marca", "Dometic", "modelo",
				"PerfectWall PW1500", "nuevo_ancho_mm", "2380", "galibo_solucion", "He puesto gálibos tipo cuerno en ambos lados",
				"galibo_contrasena", "E9 A 02 1234"));
		items.put("ANTENA_PAR", values(plan, "item:ANTENA_PAR", null, "marca", "Oyster", "modelo", "Vision 85 Twin"));
		items.put("PORTAMOTOS", values(plan, "item:PORTAMOTOS", null, "marca_modelo", "Sawiko Ligero", "peso_moto_kg", "120",
				"carga_maxima_kg", "150"));
		Map<String, String> personal = values(plan, "personal", null, "nombre", "Autocaravanas del Sur S.L.", "dni_nie_cif",
				"B12345674", "email", "taller@autocaravanasdelsur.es", "telefono", "955 987 654", "domicilio_calle",
				"Polígono Industrial San Rafael, nave 14", "domicilio_localidad", "Dos Hermanas", "domicilio_provincia",
				"Sevilla", "domicilio_cp", "41701", "itv_comunidad_autonoma", "Andalucía", "itv_nombre", "ITV Sevilla Norte");
		Map<String, String> vehicle = values(plan, "vehicle", null, "marca", "Fiat", "modelo", "Ducato Hymer B 678",
				"matricula", "5678 KLM", "anio_matriculacion", "2021", "bastidor", "ZFA25000002K12345", "clasificacion", "3348",
				"cambio_plazas", "no", "cambio_altura", "sí", "altura_final_mm", "3050", "cambio_ancho", "sí",
				"ancho_final_mm", "2380", "cambio_longitud", "no");
		photo("item:PLACA_SOLAR_REGULADOR_INTERIOR", "Placas solares con regulador en el interior de la vivienda",
				"Autocaravanas/03_Placas_Solares/placas_solarres.png", "validated");
		photo("item:TOLDO_GALIBO", "Toldo con gálibos reubicados o añadidos", "Autocaravanas/04_Toldos/toldo.png", "pending");
		photo("item:TOLDO_GALIBO", "Toldo con gálibos reubicados o añadidos", "Autocaravanas/04_Toldos/toldo_galibos.png",
				"pending");
		photo("item:TOLDO_GALIBO", "Toldo con gálibos reubicados o añadidos",
				"Autocaravanas/04_Toldos/toldo_posiciongalibo.png", "pending");
		photo("item:ANTENA_PAR", "Antena parabólica", "Autocaravanas/07_Antena_Parabolica/Antena_Parabolica.png", "pending");
		photo("item:PORTAMOTOS", "Portamotos", "Autocaravanas/08_Portamotos/portamotos.png", "pending");
		String views = "Autocaravanas/02_Vistas_Exteriores/4vistas_completas.png";
		documents(category, "Autocaravanas/01_Documentacion_Obligatoria/fichatecnica_permiso.png",
				List.of(crop(views, 852, 103, 278, 319), crop(views, 58, 118, 697, 320), crop(views, 935, 452, 278, 308),
						crop(views, 132, 452, 697, 310)),
				List.of());
		photo("unsorted", "sin clasificar", "Autocaravanas/05_Aire_Acondicionado/aireAcondicionado.png", "pending");
		return view("MSI-2026-000187", "aseicars-prof", items, personal, vehicle, "msi", Map.of());
	}

	/** The stored bytes of a file, as the file store would read them. */
	byte[] read(CaseView.FileView file) {
		return stored.get(file.sha256());
	}

	/**
	 * Base documents: the technical sheet as a photo, the registration certificate (and the installer's
	 * certificate) as PDFs, the four views and the views with a tape measure as photos (cut from MSI's example
	 * slide, one view each, as a customer would send them).
	 */
	private void documents(CategoryDefinition category, String sheet, List<byte[]> views, List<byte[]> measured) {
		for (var document : category.baseDocuments()) {
			String slot = CollectionPlan.documentSlot(document);
			switch (document.code()) {
				case "FICHA_TECNICA" -> photo(slot, document.nameEs(), sheet, "validated");
				case "PERMISO_CIRCULACION" -> file(slot, document.nameEs(), "application/pdf", "%PDF-1.4 permiso".getBytes(),
						"validated");
				case "CERTIFICADO_TALLER" -> file(slot, document.nameEs(), "application/pdf",
						"%PDF-1.4 certificado".getBytes(), "pending");
				case "FOTOS_EXTERIORES" -> views.forEach(v -> file(slot, document.nameEs(), "image/png", v, "pending"));
				case "FOTOS_CON_METRO" -> measured.forEach(v -> file(slot, document.nameEs(), "image/png", v, "pending"));
				default -> throw new IllegalArgumentException("No sample for " + document.code());
			}
		}
	}

	private void photo(String slot, String shows, String image, String review) {
		file(slot, shows, "image/png", image(image), review);
	}

	private void file(String slot, String shows, String mediaType, byte[] bytes, String review) {
		long id = nextFile++;
		String sha = String.format("%064x", id);
		stored.put(sha, bytes);
		files.add(new CaseView.FileView(id, sha, mediaType, bytes.length, slot, shows, review,
				review.equals("rejected") ? "Foto borrosa, no se lee la contraseña" : null,
				Instant.parse("2026-11-30T10:15:00Z").plusSeconds(id * 60), null, null, true));
	}

	/** The case as quoted by the real quote engine for its items (tier, price, catalogue version). */
	private CaseView view(String reference, String category, Map<String, Map<String, String>> items,
			Map<String, String> personal, Map<String, String> vehicle, String workshopMode, Map<String, String> workshop) {
		Quote quote = new QuoteEngine(CATALOG).quote(category, items.keySet());
		return new CaseView(42, reference, 9001, 7L, CaseStatus.PENDING_REVIEW, category, quote.tierCode(),
				quote.tierPrice(), quote.subtotal(), quote.catalogVersion(), items, personal, vehicle, workshopMode, workshop, List.copyOf(files),
				List.of(), Instant.parse("2026-11-30T09:58:00Z"), Instant.parse("2026-11-30T11:02:00Z"));
	}

	/** Field values as the chat stores them: each raw answer normalised by its field's rules, in catalogue order. */
	private static Map<String, String> values(CollectionPlan plan, String scope, String variant, String... pairs) {
		Map<String, String> raw = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			raw.put(pairs[i], pairs[i + 1]);
		}
		Map<String, String> stored = new LinkedHashMap<>();
		for (FieldSpec spec : plan.fields(scope)) {
			String value = raw.remove(spec.key());
			if (value != null && CollectionPlan.applies(spec, stored, variant)) {
				stored.put(spec.key(), FieldRules.normalise(spec, value, stored));
			}
		}
		if (!raw.isEmpty()) {
			throw new IllegalArgumentException("Not fields of " + scope + ": " + raw.keySet());
		}
		return stored;
	}

	/** One photo cut out of an example slide. */
	private static byte[] crop(String path, int x, int y, int width, int height) {
		try {
			java.awt.image.BufferedImage slide = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image(path)));
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			javax.imageio.ImageIO.write(slide.getSubimage(x, y, width, height), "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] image(String path) {
		try (InputStream in = DossierSamples.class.getResourceAsStream("/catalog/images/" + path)) {
			if (in == null) {
				throw new IllegalArgumentException("No example image " + path);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
