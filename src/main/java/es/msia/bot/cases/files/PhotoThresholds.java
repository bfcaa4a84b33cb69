package es.msia.bot.cases.files;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Photo quality thresholds at case intake ({@code msia.cases.photo-quality.*}). The defaults were calibrated
 * on the labelled images {@code PhotoQualityReportTests} generates (calibration half) and are reported on its
 * held-out half; see the README section "Photo quality at intake".
 *
 * @param enabled whether photos are checked at all (off: every photo counts as before)
 * @param minShortSide smallest acceptable shorter side, in pixels (WhatsApp sends photos at 1600 px or so on the
 * longer side; a screenshot thumbnail or a forwarded preview is far below)
 * @param minLongSide smallest acceptable longer side, in pixels
 * @param analysisSide the longer side, in pixels, of the grey image the luminance and the sharpness are measured
 * on; sharpness depends on scale, so every photo is measured at the same size
 * @param darkBrightEnd a photo whose 98th luminance percentile (0–255) is below this is too dark: even its
 * brightest parts are dim
 * @param brightDarkEnd a photo whose 2nd luminance percentile is above this is too bright: even its darkest parts
 * are washed out (a page of black text on white keeps its dark text, so it is not)
 * @param minSharpness smallest variance of the Laplacian of the grey image at {@code analysisSide}, after a light
 * denoise; below it the photo is blurred
 * @param retries how many times in a row one photo slot is asked again for quality; the next flagged photo is
 * kept and counted, flagged for staff, so that a customer who cannot do better is not asked forever
 */
@ConfigurationProperties("msia.cases.photo-quality")
public record PhotoThresholds(@DefaultValue("true") boolean enabled, @DefaultValue("480") int minShortSide,
		@DefaultValue("640") int minLongSide, @DefaultValue("640") int analysisSide,
		@DefaultValue("115") double darkBrightEnd, @DefaultValue("170") double brightDarkEnd,
		@DefaultValue("13") double minSharpness, @DefaultValue("2") int retries) {

	/** The defaults, for code and tests that build the gate without Spring. */
	public static PhotoThresholds defaults() {
		return new PhotoThresholds(true, 480, 640, 640, 115, 170, 13, 2);
	}

}
