package io.jmultipath.daemon.format;

import java.util.function.Function;

/** One format wildcard: its letter, its header and how to render it. */
record Wildcard<T>(char letter, String header, Function<T, String> render) {}
