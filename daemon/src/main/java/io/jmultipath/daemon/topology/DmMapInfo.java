package io.jmultipath.daemon.topology;

/** What the kernel says about a map device: dm-&lt;minor&gt;, read-only, suspended, open count. */
public record DmMapInfo(int minor, boolean readOnly, boolean suspended, int openCount) {}
