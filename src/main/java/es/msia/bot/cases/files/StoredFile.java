package es.msia.bot.cases.files;

/** A file stored content-addressed: its SHA-256 (hex), type and size. */
public record StoredFile(String sha256, MediaType type, long size) {
}
