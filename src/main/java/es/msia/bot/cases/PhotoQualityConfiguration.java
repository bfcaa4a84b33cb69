package es.msia.bot.cases;

import es.msia.bot.cases.files.PhotoQuality;
import es.msia.bot.cases.files.PhotoThresholds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the photo quality gate of case intake with its thresholds ({@code msia.cases.photo-quality.*}). */
@Configuration(proxyBeanMethods = false)
class PhotoQualityConfiguration {

	@Bean
	PhotoQuality casePhotoQuality(PhotoThresholds thresholds) {
		return new PhotoQuality(thresholds);
	}

}
