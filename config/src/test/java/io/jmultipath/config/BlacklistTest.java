package io.jmultipath.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** blacklist.c: order, exceptions, inversion, built-in defaults, report text. */
class BlacklistTest {
    private static final Map<String, String> SCSI = Map.of("ID_SERIAL", "3600", "SCSI_IDENT_LUN_NAA_REG", "600");

    private static Blacklist bl(String text) throws Exception {
        return ConfigLoader.parse(text, "/etc/multipath.conf").config().blacklist();
    }

    private static PathFacts path(String dev, String vendor, String product, String wwid) {
        return new PathFacts(dev, Optional.of(vendor), Optional.of(product), Optional.of("scsi:fcp"),
                Optional.of(wwid), SCSI, "ID_SERIAL");
    }

    @Test
    void builtinDefaults() {
        Blacklist b = Config.builtin().blacklist();
        assertFalse(b.checkDevnode("sda").blacklisted());
        assertFalse(b.checkDevnode("nvme0n1").blacklisted());
        assertEquals(new Verdict(true, "loop0: device node name blacklisted"), b.checkDevnode("loop0"));
        assertTrue(b.checkDevnode("dm-3").blacklisted());
        // product_blacklist-derived device rule (DGC LUNZ)
        assertEquals(new Verdict(true, "sdb: (DGC:LUNZ) vendor/product blacklisted"),
                b.check(path("sdb", "DGC", "LUNZ", "36006")));
        assertFalse(b.check(path("sdb", "DGC", "VRAID", "36006")).blacklisted());
    }

    @Test
    void propertyRuleNeedsUidAttributeAndException() {
        Blacklist b = Config.builtin().blacklist();
        PathFacts noIdent = new PathFacts("sdc", Optional.of("ATA"), Optional.of("X"), Optional.empty(),
                Optional.of("1ATA"), Map.of("ID_SERIAL", "x", "ID_BUS", "ata"), "ID_SERIAL");
        assertEquals(new Verdict(true, "sdc: blacklisted, udev property missing"), b.check(noIdent));
        PathFacts noUid = new PathFacts("sdc", Optional.of("ATA"), Optional.of("X"), Optional.empty(),
                Optional.empty(), Map.of("ID_BUS", "ata"), "ID_SERIAL");
        assertFalse(b.check(noUid).blacklisted());
        PathFacts wwn = new PathFacts("sdd", Optional.of("ATA"), Optional.of("X"), Optional.empty(),
                Optional.empty(), Map.of("ID_SERIAL", "x", "ID_WWN", "0x5"), "ID_SERIAL");
        assertFalse(b.check(wwn).blacklisted());
    }

    @Test
    void orderPropertyDevnodeDeviceProtocolWwid() throws Exception {
        Blacklist b = bl("""
                blacklist {
                	wwid "^3600"
                	device {
                		vendor "ACME"
                		product ".*"
                	}
                	protocol "scsi:fcp"
                	devnode "^sdz"
                }
                """);
        assertEquals("sdz: device node name blacklisted", b.check(path("sdz", "ACME", "X", "3600")).reason());
        assertEquals("sdb: (ACME:X) vendor/product blacklisted", b.check(path("sdb", "ACME", "X", "3600")).reason());
        assertEquals("sdb: protocol scsi:fcp blacklisted", b.check(path("sdb", "OTHER", "X", "3600")).reason());
    }

    @Test
    void exceptionWhitelistsOnlyItsCriterion() throws Exception {
        Blacklist b = bl("""
                blacklist {
                	devnode ".*"
                	wwid "^36"
                }
                blacklist_exceptions {
                	devnode "^sd[a-c]$"
                	wwid "^3600a"
                }
                """);
        assertFalse(b.check(path("sdb", "V", "P", "3600a1")).blacklisted());
        assertEquals("sdb: wwid 3601 blacklisted", b.check(path("sdb", "V", "P", "3601")).reason());
        assertTrue(b.check(path("sdd", "V", "P", "3600a1")).blacklisted());
        assertEquals(new Verdict(false, "sda: device node name whitelisted"), b.checkDevnode("sda"));
    }

    @Test
    void inversionAndEscapedBang() throws Exception {
        Blacklist b = bl("""
                blacklist {
                	wwid "!^3600"
                	devnode "\\\\!x"
                }
                """);
        assertTrue(b.check(path("sda", "V", "P", "2001")).blacklisted());
        assertFalse(b.check(path("sda", "V", "P", "3600")).blacklisted());
        assertTrue(b.checkDevnode("!x").blacklisted());
    }

    @Test
    void reportText() throws Exception {
        Blacklist b = bl("""
                blacklist {
                	devnode "^hd[a-z]"
                	device {
                		vendor "ACME"
                		product "B"
                	}
                }
                blacklist_exceptions {
                	wwid "3600"
                }
                """);
        String expected = Files.readString(Path.of("src/test/resources/golden/show-blacklist.txt"));
        assertEquals(expected, b.report());
    }
}
