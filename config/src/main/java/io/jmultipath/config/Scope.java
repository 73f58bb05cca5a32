package io.jmultipath.config;

/** Where a keyword may appear. */
enum Scope { DEFAULTS, DEVICE, OVERRIDES, MULTIPATH, PROTOCOL }
