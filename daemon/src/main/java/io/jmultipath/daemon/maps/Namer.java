package io.jmultipath.daemon.maps;

/** Chooses a map's name: multipaths alias, else user_friendly_names binding, else the WWID. */
public interface Namer {
    String nameFor(String wwid, MapSettings settings);
}
