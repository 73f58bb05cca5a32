package io.jmultipath.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** propsel.c precedence and origins. */
class ResolutionTest {
    private static final String WWID = "3600a098038303053453f463045727a59";

    private static Config parse(String text) throws Exception {
        return ConfigLoader.parse(text, "/etc/multipath.conf").config();
    }

    private static PathIdentity netapp(Optional<String> protocol) {
        return new PathIdentity("NETAPP", "LUN", "9300", protocol, Optional.of(WWID));
    }

    @Test
    void builtinOnly() {
        Resolution r = Config.builtin().resolve(netapp(Optional.empty()));
        assertEquals(new Setting("no_path_retry", "queue", Origin.DEVICES), r.effective("no_path_retry"));
        assertEquals("ontap", r.value("prio"));
        assertEquals(new Setting("path_selector", "service-time 0", Origin.BUILTIN), r.effective("path_selector"));
        assertEquals(Optional.empty(), r.explicit("path_selector"));
        assertEquals("5", r.value("fast_io_fail_tmo"));
        assertEquals("(setting: multipath internal)", r.effective("path_checker").origin().text());
    }

    @Test
    void eachLayerWins() throws Exception {
        Config c = parse("""
                defaults {
                	path_selector "queue-length 0"
                	no_path_retry 3
                	path_checker directio
                	rr_min_io_rq 4
                }
                devices {
                	device {
                		vendor "NETAPP"
                		product "LUN"
                		rr_min_io_rq 5
                		path_checker readsector0
                	}
                }
                overrides {
                	no_path_retry 7
                	path_checker "tur"
                }
                multipaths {
                	multipath {
                		wwid 3600a098038303053453f463045727a59
                		no_path_retry fail
                		alias db
                	}
                }
                """);
        Resolution r = c.resolve(netapp(Optional.empty()));
        assertEquals(new Setting("no_path_retry", "fail", Origin.MULTIPATHS), r.effective("no_path_retry"));
        assertEquals(new Setting("path_checker", "tur", Origin.OVERRIDES), r.effective("path_checker"));
        assertEquals(new Setting("rr_min_io_rq", "5", Origin.DEVICES), r.effective("rr_min_io_rq"));
        assertEquals(new Setting("path_selector", "queue-length 0", Origin.DEFAULTS), r.effective("path_selector"));
        assertEquals("db", r.value("alias"));
        // without the WWID the multipaths layer does not apply
        Resolution noWwid = c.resolve(PathIdentity.of("NETAPP", "LUN", "1"));
        assertEquals(new Setting("no_path_retry", "7", Origin.OVERRIDES), noWwid.effective("no_path_retry"));
    }

    @Test
    void checkerHasNoMultipathsLayer() throws Exception {
        Config c = parse("multipaths {\n multipath {\n  wwid " + WWID + "\n  path_checker directio\n }\n}\n");
        assertEquals(Origin.DEVICES, c.resolve(netapp(Optional.empty())).effective("no_path_retry").origin());
        assertEquals(Origin.BUILTIN, c.resolve(netapp(Optional.empty())).effective("path_checker").origin());
    }

    @Test
    void protocolSubsectionFirstForTimeouts() throws Exception {
        Config c = parse("""
                overrides {
                	fast_io_fail_tmo 15
                	dev_loss_tmo 60
                	protocol {
                		type "scsi:fcp"
                		fast_io_fail_tmo 3
                	}
                }
                """);
        Resolution fc = c.resolve(netapp(Optional.of("scsi:fcp")));
        assertEquals(new Setting("fast_io_fail_tmo", "3", Origin.OVERRIDES_PROTOCOL), fc.effective("fast_io_fail_tmo"));
        assertEquals(new Setting("dev_loss_tmo", "60", Origin.OVERRIDES), fc.effective("dev_loss_tmo"));
        Resolution iscsi = c.resolve(netapp(Optional.of("scsi:iscsi")));
        assertEquals(new Setting("fast_io_fail_tmo", "15", Origin.OVERRIDES), iscsi.effective("fast_io_fail_tmo"));
    }

    @Test
    void newestDeviceEntryFirstAndRegexUnanchored() throws Exception {
        Config c = parse("""
                devices {
                	device {
                		vendor "LIO"
                		product "DISK"
                		no_path_retry 20
                	}
                	device {
                		vendor "ORG"
                		product "."
                		failback 9
                	}
                }
                """);
        Resolution r = c.resolve(PathIdentity.of("LIO-ORG", "RAMDISK", "4.0"));
        // user entry "LIO"/"DISK" (unanchored) beats the builtin (LIO-ORG|SUSE) entry's 12
        assertEquals(new Setting("no_path_retry", "20", Origin.DEVICES), r.effective("no_path_retry"));
        assertEquals("9", r.value("failback"));
        assertEquals("1 alua", r.value("hardware_handler"));
        assertEquals("alua", r.value("prio"));
        assertEquals(3, c.matchingEntries(PathIdentity.of("LIO-ORG", "RAMDISK", "4.0")).size());
        // case-sensitive
        assertEquals(Origin.BUILTIN, c.resolve(PathIdentity.of("lio-org", "ramdisk", "")).effective("prio").origin());
    }

    @Test
    void identicalStringsAreFactorizedLaterWins() throws Exception {
        Config c = parse("""
                devices {
                	device {
                		vendor "NETAPP"
                		product "LUN"
                		no_path_retry 5
                	}
                }
                """);
        long count = c.hwtable().stream().filter(h -> "NETAPP".equals(h.vendor()) && "LUN".equals(h.product())).count();
        assertEquals(1, count);
        HwEntry merged = c.hwtable().get(c.hwtable().size() - 1);
        assertEquals("5", merged.values().get("no_path_retry"));
        assertEquals("ontap", merged.values().get("prio"));
        assertTrue(!merged.builtin());
    }

    @Test
    void prioArgsComeFromThePrioLayer() throws Exception {
        Config c = parse("""
                defaults {
                	prio_args "preferredip=10.0.0.1"
                }
                devices {
                	device {
                		vendor "IET"
                		product "VIRTUAL-DISK"
                		prio "iet"
                	}
                }
                """);
        Resolution r = c.resolve(PathIdentity.of("IET", "VIRTUAL-DISK", "0001"));
        assertEquals(new Setting("prio", "iet", Origin.DEVICES), r.effective("prio"));
        assertEquals(new Setting("prio_args", "", Origin.DEVICES), r.effective("prio_args"));
    }

    @Test
    void confDirEntriesComeAfterMainFile() throws Exception {
        Config c = ConfigLoader.parseAll(java.util.List.of(
                new ConfigLoader.Source("/etc/multipath.conf",
                        "devices {\n device {\n  vendor \"A\"\n  product \"B\"\n  no_path_retry 1\n }\n}\n"),
                new ConfigLoader.Source("/etc/multipath/conf.d/x.conf",
                        "devices {\n device {\n  vendor \"A\"\n  product \".\"\n  no_path_retry 2\n }\n}\n"))).config();
        assertEquals("2", c.resolve(PathIdentity.of("A", "B", "")).value("no_path_retry"));
    }

    @Test
    void defaultsAccessor() throws Exception {
        Config c = parse("defaults {\n polling_interval 10\n}\n");
        assertEquals(new Setting("polling_interval", "10", Origin.DEFAULTS), c.defaults("polling_interval"));
        assertEquals(new Setting("max_polling_interval", "40", Origin.DEFAULTS), c.defaults("max_polling_interval"));
        assertEquals(new Setting("find_multipaths", "strict", Origin.BUILTIN), c.defaults("find_multipaths"));
        assertEquals("polling_interval = 10 (setting: multipath.conf defaults/devices section)",
                c.defaults("polling_interval").toString());
    }

    @Test
    void uidAttrsDecideUidAttributeByDevnodePrefix() throws Exception {
        Config c = parse("defaults {\n uid_attrs \"sd:ID_SERIAL dasd:ID_UID nvme:ID_WWN\"\n uid_attribute ID_X\n}\n");
        PathIdentity p = PathIdentity.of("QEMU", "HARDDISK", "1");
        assertEquals(new Setting("uid_attribute", "ID_WWN", Origin.UID_ATTRS), c.resolve(p, "nvme0n1").effective("uid_attribute"));
        assertEquals(new Setting("uid_attribute", "ID_X", Origin.DEFAULTS), c.resolve(p, "vda").effective("uid_attribute"));
        assertEquals("(setting: multipath.conf defaults section / uid_attrs)", Origin.UID_ATTRS.text());
    }
}
