package io.jmultipath.daemon.format;

import io.jmultipath.daemon.discovery.Bus;
import io.jmultipath.daemon.discovery.DiscoveredPath;
import io.jmultipath.daemon.discovery.Protocol;
import io.jmultipath.daemon.topology.Path;

import java.util.List;
import java.util.Optional;

/** The path wildcard table of multipath-tools 0.9.4 (order = {@code show wildcards} order). */
final class PathFields {

    private PathFields() {
    }

    static final List<Wildcard<Path>> ALL = List.of(
            new Wildcard<>('w', "uuid", Path::wwid),
            new Wildcard<>('i', "hcil", p -> p.info().hcil().map(Object::toString).orElse("#:#:#:#")),
            new Wildcard<>('d', "dev", p -> p.dev().isEmpty() ? "-" : p.dev()),
            new Wildcard<>('D', "dev_t", p -> p.dev().isEmpty() ? "#:#" : p.devT()),
            new Wildcard<>('t', "dm_st", p -> p.dmState().text()),
            new Wildcard<>('o', "dev_st", PathFields::devSt),
            new Wildcard<>('T', "chk_st", p -> p.mapName().isEmpty() ? "undef" : p.state().chkSt()),
            new Wildcard<>('s', "vend/prod/rev", PathFields::vpr),
            new Wildcard<>('c', "checker", Path::checker),
            new Wildcard<>('C', "next_check", PathFields::nextCheck),
            new Wildcard<>('p', "pri", p -> Integer.toString(p.priority())),
            new Wildcard<>('S', "size", p -> Texts.size(p.info().sizeSectors())),
            new Wildcard<>('z', "serial", p -> p.info().serial().orElse("")),
            new Wildcard<>('M', "marginal_st", p -> p.marginal() ? "marginal" : "normal"),
            new Wildcard<>('m', "multipath", p -> p.mapName().orElse("[orphan]")),
            new Wildcard<>('N', "host WWNN", p -> fc(p, p.info().transport().hostNodeName())),
            new Wildcard<>('n', "target WWNN", p -> p.info().transport().targetNodeName().orElse("[undef]")),
            new Wildcard<>('R', "host WWPN", p -> fc(p, p.info().transport().hostPortName())),
            new Wildcard<>('r', "target WWPN", p -> fc(p, p.info().transport().targetPortName())),
            new Wildcard<>('a', "host adapter", p -> p.info().transport().hostAdapter().orElse("[undef]")),
            new Wildcard<>('G', "foreign", p -> "--"),
            new Wildcard<>('g', "vpd page data", p -> "[undef]"),
            new Wildcard<>('0', "failures", p -> Integer.toString(p.failCount())),
            new Wildcard<>('P', "protocol", p -> p.info().protocol().text()),
            new Wildcard<>('I', "init_st", p -> "ok"),
            new Wildcard<>('L', "LUN hex", p -> p.info().hcil().map(h -> h.lunHex()).orElse("0xffffffffffffffff")),
            new Wildcard<>('A', "TPG", p -> p.info().alua().tpgId().map(t -> String.format("0x%04x", t)).orElse("[undef]")),
            new Wildcard<>('k', "max_sectors_kb", p -> "n/a"));

    static Optional<Wildcard<Path>> lookup(char c) {
        return ALL.stream().filter(w -> w.letter() == c).findFirst();
    }

    private static String devSt(Path p) {
        if (p.mapName().isEmpty()) {
            return "unknown";
        }
        return p.sysfsOffline() ? "offline" : "running";
    }

    private static String vpr(Path p) {
        DiscoveredPath i = p.info();
        return (i.vendor().isEmpty() ? "##" : i.vendor()) + "," + (i.product().isEmpty() ? "##" : i.product()) + ","
                + (i.revision().isEmpty() ? "##" : i.revision());
    }

    private static String nextCheck(Path p) {
        if (p.mapName().isEmpty()) {
            return "orphan";
        }
        return p.nextCheck().map(t -> Texts.progress(t.tick(), t.checkint())).orElse(Texts.progress(0, 0));
    }

    private static String fc(Path p, Optional<String> v) {
        if (p.info().bus() != Bus.SCSI || p.info().protocol() != Protocol.SCSI_FCP) {
            return "[undef]";
        }
        return v.orElse("[unknown]");
    }
}
