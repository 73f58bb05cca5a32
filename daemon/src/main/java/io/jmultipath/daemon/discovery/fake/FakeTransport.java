package io.jmultipath.daemon.discovery.fake;

/** How a simulated path is attached: decides the sysfs ancestry (session / rport / end_device / ata). */
public enum FakeTransport { ISCSI, FC, SAS, ATA, UNSPEC }
