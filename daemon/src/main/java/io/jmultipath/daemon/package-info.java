/** The daemon: discovery, maps, checker wiring, uevents, CLI server, the jmultipath tools. */
package io.jmultipath.daemon;
