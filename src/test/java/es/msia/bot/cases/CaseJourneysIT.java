package es.msia.bot.cases;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import es.msia.bot.support.FakeChatwoot;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whole customer journeys through the real webhook: a professional's motorhome case from quote to
 * review (and a photo staff reject, replaced in the chat), questions asked in the middle of a case,
 * and a second case asked for from another conversation.
 */
class CaseJourneysIT extends CaseChats {

	@Autowired
	CaseFileReview review;

	@Autowired
	CaseManagement cases;

	@Autowired
	es.msia.bot.handoff.Handoffs handoffs;

	@Test
	void collectsACompleteMotorhomeCaseOfAProfessionalFromQuoteToPendingReview() {
		Customer javier = new Customer("+34622" + String.format("%06d", nextId() % 1_000_000), "Javier Ortega", "Profesional");
		chatwoot.givenContact(javier.contactId, Map.of("tipo", "Profesional", "comercial", "Ana"));

		String quote = javier.says("Hola, quiero legalizar el aire acondicionado y un portamotos");
		assertThat(quote).contains("Javier").contains("Aire acondicionado").contains("Soportes de portamotos");
		String opened = javier.says("vale, adelante");
		assertThat(opened).contains("Abro tu expediente *MSI-").contains("Para *Aire acondicionado* necesito estas fotos");
		Map<String, Object> row = javier.caseRow();
		assertThat(row).containsEntry("status", "collecting").containsEntry("category", "aseicars-prof");

		assertThat(javier.sends("", jpeg(101), jpeg(102))).contains("Recibidos los 2 archivos").contains("Marca del equipo");
		assertThat(javier.says("Dometic, FreshJet 2200, sí")).contains("Nueva altura total");
		assertThat(javier.says("3150 mm")).contains("Para *Soportes de portamotos* necesito estas fotos");
		assertThat(javier.sends("", jpeg(103), jpeg(104))).contains("Recibidas 2 fotos").contains("Faltan 2 más");
		assertThat(javier.sends("", jpeg(105), jpeg(106))).contains("Marca y modelo del portamotos");
		assertThat(javier.says("Sawiko Ligero, 140 kg")).contains("Ficha técnica");
		String answered = javier.says("¿Cuánto tarda la homologación?");
		assertThat(answered).contains("4 días hábiles").contains("Seguimos con tu expediente").contains("Ficha técnica");
		assertThat(javier.sends("", pdf("ficha tecnica autocaravana"))).contains("Permiso de circulación");
		assertThat(javier.sends("", jpeg(107))).contains("Cuatro vistas exteriores");
		assertThat(javier.sends("", jpeg(108), jpeg(109), jpeg(110), jpeg(111))).contains("Certificado del taller instalador");
		assertThat(javier.sends("", pdf("certificado taller"))).contains("datos personales");
		assertThat(javier.says("Autocaravanas del Sur S.L., B12345675, flota@autosur.example"))
			.contains("El CIF «B12345675» no es válido");
		assertThat(javier.says("B12345674")).contains("Dirección");
		javier.says("Av. de Velázquez 120, Málaga, Málaga");
		assertThat(javier.says("29004, ITV Málaga - Guadalhorce")).contains("Marca del vehículo");
		assertThat(javier.says("Fiat, Ducato Challenger 328, 5678 HJK, bastidor ZFA25000001234567"))
			.contains("Año de primera matriculación");
		javier.says("2021, no");
		assertThat(javier.says("sí")).contains("Altura final");
		javier.says("3150 mm");
		javier.says("no");
		assertThat(javier.says("no")).contains("70 € + IVA");
		assertThat(javier.says("2")).contains("Nombre del taller");
		javier.says("Talleres Camper Sur S.L., Antonio Ruiz, Calle Bodegueros 23");
		javier.says("Málaga, Málaga, 952 000 000");
		String summary = javier.says("29/123456, Instalación de equipamiento en autocaravanas");
		assertThat(summary).contains("resumen").contains("FreshJet 2200").contains("Sawiko Ligero").contains("B12345674")
			.contains("5678HJK").contains("ZFA25000001234567").contains("Talleres Camper Sur S.L.");
		assertThat(javier.says("sí, todo correcto")).contains("pasa a revisión");

		row = javier.caseRow();
		assertThat(row).containsEntry("status", "pending_review");
		JsonNode data = javier.data();
		JsonNode items = data.path("items");
		assertThat(items).hasSize(2);
		JsonNode air = items.get(0).path("fields");
		assertThat(items.get(0).path("code").asString()).isEqualTo("AIRE_ACONDI");
		assertThat(air.path("marca").asString()).isEqualTo("Dometic");
		assertThat(air.path("modelo").asString()).isEqualTo("FreshJet 2200");
		assertThat(air.path("es_punto_mas_alto").asString()).isEqualTo("true");
		assertThat(air.path("nueva_altura_mm").asString()).isEqualTo("3150");
		JsonNode rack = items.get(1).path("fields");
		assertThat(items.get(1).path("code").asString()).isEqualTo("PORTAMOTOS");
		assertThat(rack.path("marca_modelo").asString()).isEqualTo("Sawiko Ligero");
		assertThat(rack.path("peso_moto_kg").asString()).isEqualTo("140");
		assertThat(rack.has("carga_maxima_kg")).isFalse();
		JsonNode personal = data.path("personal");
		assertThat(personal.path("nombre").asString()).isEqualTo("Autocaravanas del Sur S.L.");
		assertThat(personal.path("dni_nie_cif").asString()).isEqualTo("B12345674");
		assertThat(personal.path("email").asString()).isEqualTo("flota@autosur.example");
		assertThat(personal.path("domicilio_calle").asString()).isEqualTo("Av. de Velázquez 120");
		assertThat(personal.path("domicilio_localidad").asString()).isEqualTo("Málaga");
		assertThat(personal.path("domicilio_provincia").asString()).isEqualTo("Málaga");
		assertThat(personal.path("domicilio_cp").asString()).isEqualTo("29004");
		assertThat(personal.path("itv_nombre").asString()).isEqualTo("ITV Málaga - Guadalhorce");
		JsonNode vehicle = data.path("vehicle");
		assertThat(vehicle.path("marca").asString()).isEqualTo("Fiat");
		assertThat(vehicle.path("modelo").asString()).isEqualTo("Ducato Challenger 328");
		assertThat(vehicle.path("matricula").asString()).isEqualTo("5678HJK");
		assertThat(vehicle.path("bastidor").asString()).isEqualTo("ZFA25000001234567");
		assertThat(vehicle.path("anio_matriculacion").asString()).isEqualTo("2021");
		assertThat(vehicle.path("cambio_plazas").asString()).isEqualTo("false");
		assertThat(vehicle.path("cambio_altura").asString()).isEqualTo("true");
		assertThat(vehicle.path("altura_final_mm").asString()).isEqualTo("3150");
		assertThat(vehicle.path("cambio_ancho").asString()).isEqualTo("false");
		assertThat(vehicle.path("cambio_longitud").asString()).isEqualTo("false");
		assertThat(data.path("workshopMode").asString()).isEqualTo("own");
		JsonNode workshop = data.path("workshop");
		assertThat(workshop.path("taller_nombre").asString()).isEqualTo("Talleres Camper Sur S.L.");
		assertThat(workshop.path("taller_responsable").asString()).isEqualTo("Antonio Ruiz");
		assertThat(workshop.path("taller_domicilio").asString()).isEqualTo("Calle Bodegueros 23");
		assertThat(workshop.path("taller_provincia").asString()).isEqualTo("Málaga");
		assertThat(workshop.path("taller_ciudad").asString()).isEqualTo("Málaga");
		assertThat(workshop.path("taller_telefono").asString()).isEqualTo("952000000");
		assertThat(workshop.path("taller_registro_industrial").asString()).isEqualTo("29/123456");
		assertThat(workshop.path("taller_actividad").asString()).isEqualTo("Instalación de equipamiento en autocaravanas");

		long id = (Long) row.get("id");
		List<Map<String, Object>> files = jdbc.sql("SELECT id, slot, media_type, sha256 FROM case_files WHERE case_id = :c ORDER BY id")
			.param("c", id).query().listOfRows();
		assertThat(files).extracting(f -> f.get("slot")).containsExactly("item:AIRE_ACONDI", "item:AIRE_ACONDI",
				"item:PORTAMOTOS", "item:PORTAMOTOS", "item:PORTAMOTOS", "item:PORTAMOTOS", "doc:FICHA_TECNICA",
				"doc:PERMISO_CIRCULACION", "doc:FOTOS_EXTERIORES", "doc:FOTOS_EXTERIORES", "doc:FOTOS_EXTERIORES",
				"doc:FOTOS_EXTERIORES", "doc:CERTIFICADO_TALLER");
		assertThat(files).extracting(f -> f.get("media_type")).containsOnly("image/jpeg", "application/pdf");
		for (Map<String, Object> file : files) {
			String sha = (String) file.get("sha256");
			assertThat(java.nio.file.Path.of(settings.storageDir(), sha.substring(0, 2), sha)).exists();
		}

		// Chatwoot: note and label for staff, and the contact completed with the confirmed data (merged).
		await().atMost(Duration.ofSeconds(10)).until(() -> chatwoot.labels(javier.conversation).contains("expediente"));
		await().atMost(Duration.ofSeconds(10)).until(() -> chatwoot.contact(javier.contactId).has("email"));
		JsonNode contact = chatwoot.contact(javier.contactId);
		assertThat(contact.path("name").asString()).isEqualTo("Autocaravanas del Sur S.L.");
		assertThat(contact.path("email").asString()).isEqualTo("flota@autosur.example");
		assertThat(contact.path("custom_attributes").path("dni_nie_cif").asString()).isEqualTo("B12345674");
		assertThat(contact.path("custom_attributes").path("provincia").asString()).isEqualTo("Málaga");
		assertThat(contact.path("custom_attributes").path("ultimo_expediente").asString()).isEqualTo(row.get("reference"));
		assertThat(contact.path("custom_attributes").path("tipo").asString()).isEqualTo("Profesional");
		assertThat(contact.path("custom_attributes").path("comercial").asString()).isEqualTo("Ana");
		RecordedRequest put = chatwoot.requests().stream()
			.filter(r -> r.getUrl().encodedPath().equals("/api/v1/accounts/1/contacts/" + javier.contactId))
			.findFirst().orElseThrow();
		assertThat(put.getMethod()).isEqualTo("PUT");
		assertThat(put.getHeaders().get("api_access_token")).isEqualTo(FakeChatwoot.USER_TOKEN);
		JsonNode sent = JSON.readTree(put.getBody().utf8());
		assertThat(sent.has("phone_number")).isFalse();
		assertThat(sent.path("custom_attributes").has("tipo")).isFalse();

		// Staff reject a motorcycle-rack photo: the customer is asked for another, which replaces it.
		long rejected = (Long) files.get(3).get("id");
		int before = javier.customerFacing().size();
		review.review(id, rejected, false, "No se ve la tornillería", "staff");
		String asked = javier.botSaysOnItsOwn(before, "el equipo rechaza una foto en el panel");
		assertThat(asked).contains((String) row.get("reference")).contains("una foto de *Soportes de portamotos*")
			.contains("No se ve la tornillería");
		assertThat(javier.sends("", jpeg(112))).contains("Recibido el archivo nuevo de *Soportes de portamotos*")
			.contains("ya está en revisión");
		Map<String, Object> replacement = jdbc.sql("SELECT slot, replaces_file_id FROM case_files WHERE case_id = :c ORDER BY id DESC LIMIT 1")
			.param("c", id).query().singleRow();
		assertThat(replacement).containsEntry("slot", "item:PORTAMOTOS").containsEntry("replaces_file_id", rejected);
		assertThat(javier.caseRow()).containsEntry("status", "pending_review");
		javier.writeTranscript("aseicars-prof",
				"Autocaravana, cliente profesional (aseicars-prof): del presupuesto a pending_review, y una foto rechazada");

		// Resolved; months later the same customer, in a new conversation: their data is shown, not asked.
		cases.changeStatus(id, CaseStatus.IN_PROGRESS, null, "staff");
		cases.changeStatus(id, CaseStatus.RESOLVED, "Proyecto entregado", "staff");
		Customer back = javier.sameCustomerAgain();
		back.says("Ahora quiero legalizar una claraboya");
		back.says("vale, adelante");
		back.sends("", jpeg(121), jpeg(122), jpeg(123));
		back.says("Claraboya, nueva, 1");
		back.says("Dometic Midi Heki");
		back.sends("", pdf("ficha 2"));
		back.sends("", jpeg(124));
		back.sends("", jpeg(125), jpeg(126), jpeg(127), jpeg(128));
		String known = back.sends("", pdf("certificado 2"));
		assertThat(known).contains("Tengo estos datos tuyos de un expediente anterior").contains("Autocaravanas del Sur S.L.")
			.contains("B12345674").contains("29004").doesNotContain("Ahora tus datos personales");
		assertThat(back.says("sí")).contains("Marca del vehículo");
		back.says("Fiat, Ducato Challenger 328, 5678 HJK");
		back.says("2021, no");
		back.says("no");
		back.says("no");
		back.says("no");
		assertThat(back.says("1")).contains("resumen").contains("Autocaravanas del Sur S.L.");
		assertThat(back.says("sí")).contains("pasa a revisión");
		JsonNode second = back.data();
		assertThat(second.path("personal").path("dni_nie_cif").asString()).isEqualTo("B12345674");
		assertThat(second.path("personal").path("email").asString()).isEqualTo("flota@autosur.example");
		assertThat(second.path("items").get(0).path("fields").path("tipo").asString()).isEqualTo("Claraboya");
		String secondReference = (String) back.caseRow().get("reference");
		await().atMost(Duration.ofSeconds(10)).until(() -> secondReference.equals(
				chatwoot.contact(javier.contactId).path("custom_attributes").path("ultimo_expediente").asString()));
	}

	@Test
	void aQuestionInTheMiddleOfTheCaseIsAnsweredNotStoredAndTheFlowGoesOn() {
		Customer customer = new Customer();
		customer.acceptsQuoteFor("escape");
		customer.sends("", jpeg(201), jpeg(202));

		String itv = customer.says("¿Dónde está la ITV más cercana?");
		assertThat(itv).contains("estación ITV que prefieras").contains("Seguimos con tu expediente")
			.contains("Marca y modelo del escape").doesNotContain("no parece válido");
		String plazo = customer.says("y cuánto tarda la homologación?");
		assertThat(plazo).contains("4 días hábiles").contains("Marca y modelo del escape");
		String unknown = customer.says("¿puedo pagar con tarjeta?");
		assertThat(unknown).contains("te la contestará una persona del equipo").contains("Marca y modelo del escape");
		assertThat(customer.data().path("items").get(0).path("fields").size()).isZero();

		customer.says("Akrapovic Racing Line, linea completa, sí");
		assertThat(customer.data().path("items").get(0).path("fields").path("marca_modelo").asString())
			.isEqualTo("Akrapovic Racing Line");
		// During the documents, the same: answered, and no file or slot is taken for it.
		assertThat(customer.says("¿Cómo os envío la ficha técnica?")).contains("Ficha técnica");
		assertThat(customer.fileCount()).isEqualTo(2);
		assertThat(customer.caseRow()).containsEntry("status", "collecting");
	}

	@Test
	void aPhotoRejectedWhileCollectingIsAskedForAgainAndTheNewOneTakesItsPlace() {
		Customer customer = new Customer();
		customer.acceptsQuoteFor("escape");
		customer.sends("", jpeg(301), jpeg(302));
		assertThat(customer.says("Akrapovic Racing Line, linea completa, sí")).contains("Ficha técnica");
		long caseId = (Long) customer.caseRow().get("id");
		long first = jdbc.sql("SELECT min(id) FROM case_files WHERE case_id = :c").param("c", caseId).query(Long.class).single();

		int before = customer.customerFacing().size();
		review.review(caseId, first, false, "Está desenfocada", "panel:admin");
		assertThat(customer.botSaysOnItsOwn(before, "rechazo")).contains("una foto de *Escape (línea completa)*")
			.contains("Está desenfocada");
		// The flow goes back to the escape photos: one more is missing.
		assertThat(customer.says("vale")).contains("Para *Escape (línea completa)* necesito estas fotos");
		assertThat(customer.sends("", jpeg(303))).contains("Recibido, gracias").contains("Ficha técnica");
		assertThat(jdbc.sql("SELECT replaces_file_id FROM case_files WHERE case_id = :c ORDER BY id DESC LIMIT 1")
			.param("c", caseId).query(Long.class).single()).isEqualTo(first);
		assertThat(jdbc.sql("SELECT string_agg(type, ',' ORDER BY id) FROM case_events WHERE case_id = :c").param("c", caseId)
			.query(String.class).single()).contains("file_rejected,replacement_asked");
	}

	@Test
	void aBurstOfPhotosGetsOneAcknowledgementListoClosesASlotAndAHandoffKeepsTheCase() {
		Customer customer = new Customer();
		customer.acceptsQuoteFor("escape");
		String burst = burstOfPhotos(customer, jpeg(401), jpeg(402));
		assertThat(burst).contains("Recibidos los 2 archivos").contains("Marca y modelo del escape");
		customer.says("Akrapovic Racing Line, linea completa, sí");
		customer.sends("", pdf("ficha burst"));
		customer.sends("", jpeg(403));
		String partial = burstOfPhotos(customer, jpeg(404), jpeg(405), jpeg(406));
		assertThat(partial).contains("Recibidas 3 fotos").contains("Falta 1 más");
		assertThat(customer.says("listo")).contains("cinta métrica");
		assertThat(customer.fileCount()).isEqualTo(7);

		String handoff = customer.says("prefiero hablar con una persona");
		assertThat(handoff).startsWith("¡Claro!").doesNotContain("cancelado");
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM escalations WHERE conversation_id = :c")
			.param("c", customer.conversation).query(Long.class).single() == 1);
		assertThat(customer.caseRow()).containsEntry("status", "collecting");
	}

	@Test
	void aCustomerTheCaseFlowCannotUnderstandIsOfferedAPersonHandedOffAndResumesTheCaseAfterwards() {
		Customer customer = new Customer();
		customer.acceptsQuoteFor("escape");
		customer.sends("", jpeg(501), jpeg(502));
		String rephrased = customer.says("mmm no sé");
		assertThat(rephrased).contains("Vamos de uno en uno").contains("Marca y modelo del escape (por ejemplo: Akrapovic Racing Line)")
			.doesNotContain("¿Qué parte has cambiado?");
		String offered = customer.says("pues eso");
		assertThat(offered).contains("¿Quieres que te pase con una persona del equipo?").contains("queda guardado");
		String handedOff = customer.says("sí, por favor");
		assertThat(handedOff).contains("Te paso con una persona del equipo");
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"SELECT count(*) FROM escalations WHERE conversation_id = :c AND reason = 'STUCK'")
			.param("c", customer.conversation).query(Long.class).single() == 1);
		assertThat(customer.caseRow()).containsEntry("status", "collecting");
		// The same message again (a turn resumed after a crash) gets the same reply and hands off again.
		long lastMessage = jdbc.sql("SELECT last_message_id FROM cases WHERE conversation_id = :c")
			.param("c", customer.conversation).query(Long.class).single();
		CaseReply again = cases.receive(customer.conversation, lastMessage, "sí, por favor", List.of()).orElseThrow();
		assertThat(again.handOff()).isTrue();
		assertThat(again.text()).contains("Te paso con una persona del equipo");

		long escalation = jdbc.sql("SELECT id FROM escalations WHERE conversation_id = :c").param("c", customer.conversation)
			.query(Long.class).single();
		handoffs.resolve(escalation, "admin", true);
		handoffs.returnToBot(customer.conversation, "admin");
		String resumed = customer.says("Akrapovic Racing Line");
		assertThat(resumed).contains("¿Qué parte has cambiado?");
		assertThat(customer.data().path("items").get(0).path("fields").path("marca_modelo").asString())
			.isEqualTo("Akrapovic Racing Line");
	}

	/** Photos sent one per WhatsApp message, back to back, as phones do: answered once. */
	private String burstOfPhotos(Customer customer, byte[]... photos) {
		int before = customer.customerFacing().size();
		for (byte[] photo : photos) {
			customer.postRaw(customer.payload("", List.of(chatwoot.serveFile(photo))));
		}
		String reply = customer.replyAfter(before, "", photos.length);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
			.until(() -> customer.customerFacing().size() == before + 1);
		return reply;
	}

	@Test
	void aSecondCaseFromAnotherConversationOfTheSameCustomerIsRefusedAndTheOpenOneContinues() {
		Customer first = new Customer();
		first.acceptsQuoteFor("escape");
		String reference = (String) first.caseRow().get("reference");

		Customer again = first.sameCustomerAgain();
		again.says("quiero legalizar el manillar");
		String refused = again.says("vale, adelante");
		assertThat(refused).contains("Ya tienes abierto el expediente *" + reference + "*").contains("solo puede haber uno")
			.contains("necesito estas fotos");
		assertThat(jdbc.sql("SELECT count(*) FROM cases WHERE conversation_id = :c").param("c", again.conversation)
			.query(Long.class).single()).isZero();
	}

}
