/**
 * Platform: what every role of the process needs before any feature runs. It reads the roles
 * ({@code MSIA_ROLES}), validates the configuration at start-up, starts embedded PostgreSQL and Redis
 * when no external ones are configured, opens the API (8000) and admin (3001) ports and secures them.
 * <p>
 * Glossary: role = api (webhook and REST), agent (stream consumer and reply sender), admin (panel).
 * Publishes no events and listens to none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package es.msia.bot.platform;
