package dev.aap.core.event;

/** Side effects of events (progress output, metrics, streams) hang off this, never inside the pipeline. */
public interface EventListener {

    void onEvent(long seq, Event event);
}
