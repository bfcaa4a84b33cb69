package es.msia.bot.catalog.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImagesControllerTests {

	@Test
	void acceptsPlainRelativePathsOnly() {
		assertThat(ImagesController.safe("Motos/01_Documentacion_Obligatoria/fichatecnica_permiso.png")).isTrue();
		assertThat(ImagesController.safe("Motos/../x.png")).isFalse();
		assertThat(ImagesController.safe("../x.png")).isFalse();
		assertThat(ImagesController.safe("./x.png")).isFalse();
		assertThat(ImagesController.safe("Motos//x.png")).isFalse();
		assertThat(ImagesController.safe("..\\x.png")).isFalse();
		assertThat(ImagesController.safe("C:/x.png")).isFalse();
		assertThat(ImagesController.safe("")).isFalse();
	}

}
