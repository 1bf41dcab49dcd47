package io.tinynets.training;

/** A view's subscription to a run's snapshots; close it on detach. Closing twice is harmless. */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
