package io.jmultipath.config;

import java.util.ArrayList;
import java.util.List;

/** The mutable result of parsing (C's struct config while process_file runs). */
final class RawConfig {
    final Section defaults = new Section("", 0);
    final List<String[]> blacklist = new ArrayList<>();          // {keyword, value}
    final List<String[]> exceptions = new ArrayList<>();
    final List<Section> blacklistDevices = new ArrayList<>();
    final List<Section> exceptionDevices = new ArrayList<>();
    final List<Section> hwtable = new ArrayList<>();
    Section overrides;                                            // null = no overrides section
    final List<Section> protocols = new ArrayList<>();
    final List<Section> multipaths = new ArrayList<>();
}
