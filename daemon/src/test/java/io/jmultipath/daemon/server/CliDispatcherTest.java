package io.jmultipath.daemon.server;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Replies as multipathd 0.9.4's uxlsnr.c default_reply puts them on the wire. */
class CliDispatcherTest {
    private final CliDispatcher d = new CliDispatcher(cmd -> switch (cmd.command()) {
        case LIST_PATHS -> Reply.text("hcil dev\n");
        case LIST_MAPS -> Reply.text("");
        case FAIL_PATH -> cmd.require(CliKeyword.PATH).equals("sdz") ? Reply.deviceNotFound() : Reply.ok();
        case DEL_MAP -> Reply.busy();
        case ADD_PATH -> Reply.text("blacklisted\n");
        case RECONFIGURE_CMD -> throw new IllegalStateException("boom\nsecond line");
        default -> Reply.fail();
    });
    private final Caller user = new Caller(42, 1000, 1000);

    @Test
    void replies() {
        assertEquals("hcil dev\n", d.execute("show paths", Caller.root()));
        assertEquals("ok\n", d.execute("show maps", Caller.root()), "no text: ok");
        assertEquals("ok\n", d.execute("fail path sdb", Caller.root()));
        assertEquals("blacklisted\n", d.execute("add path sdq", Caller.root()));
        // 0.9.4 sends a bare "fail" (its client exits 1 only for exactly that); the reason is logged
        assertEquals("fail\n", d.execute("fail path sdz", Caller.root()));
        assertEquals("device not found", d.reply("fail path sdz", Caller.root()).reason());
        assertEquals("fail\n", d.execute("del map mpatha", Caller.root()));
        assertEquals("fail\n", d.execute("reconfigure", Caller.root()));
        assertEquals("boom", d.reply("reconfigure", Caller.root()).reason());
        assertEquals("fail\n", d.execute("shutdown", Caller.root()));
    }

    @Test
    void nonRootMayOnlyShow() {
        assertEquals("hcil dev\n", d.execute("show paths", user));
        assertEquals("hcil dev\n", d.execute("list paths", user));
        assertEquals("permission deny: need to be root\n", d.execute("fail path sdb", user));
        assertEquals("permission deny: need to be root\n", d.execute("shutdown", user));
        assertTrue(d.execute("show bogus", user).startsWith("show bogus: not found\n"), "parse errors before permission");
    }

    @Test
    void parseErrorsGetHelp() {
        String r = d.execute("bogus", Caller.root());
        assertTrue(r.startsWith("bogus: not found\nmultipath-tools v0.9.4 (12/19, 2022)\nCLI commands reference:\n"), r);
        r = d.execute("show map", Caller.root());
        assertTrue(r.startsWith("show map: Missing argument\nmultipath-tools"), r);
        assertEquals("fail\n", d.execute("bogus paths", Caller.root()), "ENOENT: a bare fail");
        assertTrue(d.execute("", Caller.root()).startsWith(": Not enough memory\nmultipath-tools"));
    }
}
