package es.msia.bot.cases.domain;

import es.msia.bot.catalog.FieldSpec;

/** A value the customer gave for a field of a scope, before validation. */
public record Assignment(String scope, FieldSpec spec, String raw) {
}
