package es.msia.bot.catalog.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

@Schema(description = "Texto del cliente o códigos de elemento (uno de los dos), y su tipo de cliente")
record QuoteRequest(
		@Schema(description = "Mensaje del cliente", example = "quiero homologar un escape y el manillar")
		@Size(max = 4000) @Nullable String text,
		@Schema(description = "Códigos de elemento o variante", example = "[\"ESCAPE\"]")
		@Size(max = 100) @Nullable List<String> elements,
		@Schema(description = "particular | profesional", example = "particular", requiredMode = Schema.RequiredMode.REQUIRED)
		@NotBlank String clientType,
		@Schema(description = "moto | autocaravana | coche | furgoneta | otro; por defecto moto para particular y autocaravana para profesional")
		@Nullable String vehicleType) {
}
