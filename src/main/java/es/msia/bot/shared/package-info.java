/**
 * Shared kernel: immutable value types every module may use. No Spring beans, no persistence.
 */
@org.jspecify.annotations.NullMarked
package es.msia.bot.shared;
