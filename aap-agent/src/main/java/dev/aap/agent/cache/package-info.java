/**
 * Model responses cached by request hash under {@code AAP_HOME/cache/responses}, and the gateways that read them:
 * a caching one for normal runs and a cache-only one for {@code aap replay}.
 */
package dev.aap.agent.cache;
