package io.jmultipath.checker.scsi;

import io.jmultipath.checker.ErrnoException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Canned SG_IO: per (opcode, evpd page) a queue of answers; the last answer repeats. */
public final class FakeSgIo implements SgIo {
    /** A canned answer: a response or an errno failure. */
    public record Answer(SgResponse response, ErrnoException error) {
        public static Answer of(SgResponse r) {
            return new Answer(r, null);
        }

        public static Answer errno(String op, int errno, String name) {
            return new Answer(null, new ErrnoException(op, "/dev/sdx", errno, name));
        }
    }

    private final Map<String, Deque<Answer>> answers = new HashMap<>();
    public final List<SgRequest> requests = new ArrayList<>();

    static String key(byte[] cdb) {
        int op = cdb[0] & 0xff;
        if (op == Cdbs.INQUIRY) {
            return (cdb[1] & 1) != 0 ? "inq-vpd-" + (cdb[2] & 0xff) : "inq";
        }
        return "op-" + op;
    }

    public FakeSgIo on(int opcode, Answer... a) {
        answers.computeIfAbsent("op-" + opcode, k -> new ArrayDeque<>()).addAll(List.of(a));
        return this;
    }

    public FakeSgIo onInquiry(byte[] data) {
        answers.computeIfAbsent("inq", k -> new ArrayDeque<>()).add(Answer.of(SgResponse.good(data)));
        return this;
    }

    public FakeSgIo onVpd(int page, byte[] data) {
        answers.computeIfAbsent("inq-vpd-" + page, k -> new ArrayDeque<>()).add(Answer.of(SgResponse.good(data)));
        return this;
    }

    @Override
    public synchronized SgResponse execute(Path devNode, SgRequest request) throws ErrnoException {
        requests.add(request);
        Deque<Answer> q = answers.get(key(request.cdb()));
        if (q == null || q.isEmpty()) {
            // ILLEGAL REQUEST, INVALID COMMAND OPERATION CODE
            return SgResponse.checkCondition(Senses.fixed(Sense.ILLEGAL_REQUEST, 0x20, 0));
        }
        Answer a = q.size() > 1 ? q.poll() : q.peek();
        if (a.error() != null) {
            throw a.error();
        }
        SgResponse r = a.response();
        byte[] d = r.data();
        if (d.length > request.dataLength()) {           // the device truncates to the allocation length
            d = java.util.Arrays.copyOf(d, request.dataLength());
        }
        return new SgResponse(r.status(), r.hostStatus(), r.driverStatus(), request.dataLength() - d.length,
            r.sense(), d);
    }

    public int count(int opcode) {
        return (int) requests.stream().filter(r -> r.opcode() == opcode).count();
    }
}
