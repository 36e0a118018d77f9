package io.soltrade.data.app;

import com.google.inject.Module;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.config.ConfigurationException;

/** The Guice module that builds one backend's adapters; each backend gets an injector of its own. */
@FunctionalInterface
interface BackendModules {

    /**
     * The module for {@code backend}, or a {@link ConfigurationException} naming the key that selected a
     * backend this build cannot provide.
     */
    Module moduleFor(Backend backend);
}
