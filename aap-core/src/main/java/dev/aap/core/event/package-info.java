/**
 * Run events: the sealed {@link dev.aap.core.event.Event} kinds, the append-only {@link dev.aap.core.event.EventLog}
 * and the listener interface for side effects.
 */
package dev.aap.core.event;
