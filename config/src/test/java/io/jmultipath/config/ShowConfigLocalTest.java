package io.jmultipath.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** `multipath -T`: only the hwentries used by present paths, multipaths for present maps. */
class ShowConfigLocalTest {
    @Test
    void localConfig() throws Exception {
        Config c = ConfigLoader.parse("""
                multipaths {
                	multipath {
                		wwid 36001405aa
                		alias data
                	}
                	multipath {
                		wwid 36001405zz
                		alias absent
                	}
                }
                """, "/etc/multipath.conf").config();
        Map<String, String> maps = new LinkedHashMap<>();
        maps.put("36001405aa", "data");
        maps.put("36001405bb", "mpathb");
        String t = c.showConfigLocal(List.of(PathIdentity.of("LIO-ORG", "disk0", "4.0")), maps);
        String devices = t.substring(t.indexOf("devices {\n"), t.indexOf("overrides {\n"));
        assertEquals("""
                devices {
                	device {
                		vendor "(LIO-ORG|SUSE)"
                		product ".*"
                		path_grouping_policy "group_by_prio"
                		hardware_handler "1 alua"
                		prio "alua"
                		failback "immediate"
                		no_path_retry 12
                	}
                }
                """, devices);
        assertTrue(t.endsWith("""
                multipaths {
                	multipath {
                		wwid "36001405aa"
                		alias "data"
                		# alias "data"
                	}
                	multipath {
                		wwid "36001405bb"
                		# alias "mpathb"
                	}
                }
                """), t);
        assertFalse(t.contains("absent"));
        assertTrue(t.startsWith(c.showConfig().substring(0, c.showConfig().indexOf("devices {"))));
    }

    @Test
    void featuresQueueIfNoPathBecomesNoPathRetry() throws Exception {
        Config c = ConfigLoader.parse("defaults {\n features \"1 queue_if_no_path\"\n}\n", "m.conf").config();
        Resolution r = c.resolve(new PathIdentity("X", "Y", "1", Optional.empty(), Optional.empty()));
        assertEquals(new Setting("features", "0", Origin.DEFAULTS), r.effective("features"));
        assertEquals(new Setting("no_path_retry", "queue", Origin.DEFAULTS), r.effective("no_path_retry"));
        assertEquals("2 pg_init_retries 50", Features.remove("3 queue_if_no_path pg_init_retries 50", "queue_if_no_path"));
        assertEquals("1 a", Features.remove("2 a queue_if_no_path", "queue_if_no_path"));
        assertEquals("1 xqueue_if_no_path", Features.remove("1 xqueue_if_no_path", "queue_if_no_path"));
    }
}
