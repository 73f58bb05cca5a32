/** Map names: aliases, user_friendly_names bindings file, the find_multipaths wwids file, atomic writes. */
package io.jmultipath.daemon.names;
