package io.jmultipath.daemon.server;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class CliDispatcherTest {
    private final CliDispatcher d = new CliDispatcher(cmd -> switch (cmd.command()) {
        case LIST_PATHS -> Reply.text("hcil dev\n");
        case FAIL_PATH -> cmd.require(CliKeyword.PATH).equals("sdz") ? Reply.deviceNotFound() : Reply.ok();
        case DEL_MAP -> Reply.busy();
        case RECONFIGURE_CMD -> throw new IllegalStateException("boom\nsecond line");
        default -> Reply.fail();
    });
    private final Caller user = new Caller(42, 1000, 1000);

    @Test
    void replies() {
        assertEquals("hcil dev\n", d.execute("show paths", Caller.root()));
        assertEquals("ok\n", d.execute("fail path sdb", Caller.root()));
        assertEquals("fail\ndevice not found\n", d.execute("fail path sdz", Caller.root()));
        assertEquals("fail\nmap or partition in use\n", d.execute("del map mpatha", Caller.root()));
        assertEquals("fail\nboom\n", d.execute("reconfigure", Caller.root()));
        assertEquals("fail\n", d.execute("shutdown", Caller.root()));
    }

    @Test
    void nonRootMayOnlyShow() {
        assertEquals("hcil dev\n", d.execute("show paths", user));
        assertEquals("fail\npermission deny: need to be root\n", d.execute("fail path sdb", user));
        assertEquals("fail\npermission deny: need to be root\n", d.execute("shutdown", user));
    }

    @Test
    void parseErrorsGetHelp() {
        String r = d.execute("bogus", Caller.root());
        assertTrue(r.startsWith("fail\nbogus: not found\nmultipath-tools v0.9.4"), r);
        r = d.execute("show map", Caller.root());
        assertTrue(r.startsWith("fail\nshow map: Missing argument\nmultipath-tools"), r);
    }
}
