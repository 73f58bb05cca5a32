/** The host file-system root ({@link io.jmultipath.daemon.host.HostRoot}) all readers resolve from. */
package io.jmultipath.daemon.host;
