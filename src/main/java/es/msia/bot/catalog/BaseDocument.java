package es.msia.bot.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A document every case of a category needs.
 *
 * @param code stable key
 * @param nameEs display name
 * @param instructionEs how to photograph it
 * @param exampleImage example slide relative to {@code shared/business/}, or {@code null}
 */
public record BaseDocument(String code, String nameEs, String instructionEs, @Nullable String exampleImage) implements java.io.Serializable {
}
