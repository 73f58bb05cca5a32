package io.jmultipath.checker.scsi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jmultipath.checker.scsi.ScsiVerdicts.Verdict;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ScsiVerdictsTest {
    static SgResponse cc(byte[] sense) {
        return SgResponse.checkCondition(sense);
    }

    static Stream<Arguments> turCases() {
        return Stream.of(
            Arguments.of("good", SgResponse.good(new byte[0]), Verdict.UP),
            Arguments.of("reservation conflict", new SgResponse(0x18, 0, 0, 0, new byte[0], new byte[0]), Verdict.UP),
            Arguments.of("standby fixed", cc(Senses.fixed(2, 0x04, 0x0b)), Verdict.GHOST),
            Arguments.of("standby descriptor", cc(Senses.descriptor(2, 0x04, 0x0b)), Verdict.GHOST),
            Arguments.of("standby deferred fixed", cc(Senses.fixedDeferred(2, 0x04, 0x0b)), Verdict.GHOST),
            Arguments.of("standby deferred descriptor", cc(Senses.descriptorDeferred(2, 0x04, 0x0b)), Verdict.GHOST),
            Arguments.of("transition fixed", cc(Senses.fixed(2, 0x04, 0x0a)), Verdict.TRANSITIONING),
            Arguments.of("transition descriptor", cc(Senses.descriptor(2, 0x04, 0x0a)), Verdict.TRANSITIONING),
            Arguments.of("not ready other", cc(Senses.fixed(2, 0x04, 0x02)), Verdict.DOWN),
            Arguments.of("lun not supported fixed", cc(Senses.fixed(5, 0x25, 0)), Verdict.DISCONNECTED),
            Arguments.of("lun not supported descriptor", cc(Senses.descriptor(5, 0x25, 0)), Verdict.DISCONNECTED),
            Arguments.of("illegal request other", cc(Senses.fixed(5, 0x24, 0)), Verdict.DOWN),
            Arguments.of("unit attention", cc(Senses.fixed(6, 0x29, 0)), Verdict.RETRY),
            Arguments.of("unit attention descriptor", cc(Senses.descriptor(6, 0x2a, 0x06)), Verdict.RETRY),
            Arguments.of("medium error", cc(Senses.fixed(3, 0x11, 0)), Verdict.DOWN),
            Arguments.of("fixed sense too short", cc(java.util.Arrays.copyOf(Senses.fixed(2, 4, 0x0b), 13)), Verdict.DOWN),
            Arguments.of("no sense", cc(new byte[0]), Verdict.DOWN),
            Arguments.of("DID_ERROR retried", new SgResponse(0, 0x07, 0, 0, new byte[0], new byte[0]), Verdict.RETRY),
            Arguments.of("DID_TIME_OUT retried", new SgResponse(0, 0x03, 0, 0, new byte[0], new byte[0]), Verdict.RETRY),
            Arguments.of("DID_NO_CONNECT down", new SgResponse(0, 0x01, 0, 0, new byte[0], new byte[0]), Verdict.DOWN),
            Arguments.of("DID_BAD_TARGET down", new SgResponse(0, 0x04, 0, 0, new byte[0], new byte[0]), Verdict.DOWN),
            Arguments.of("DID_ABORT down", new SgResponse(0, 0x05, 0, 0, new byte[0], new byte[0]), Verdict.DOWN),
            Arguments.of("DID_TRANSPORT_FAILFAST down", new SgResponse(0, 0x0f, 0, 0, new byte[0], new byte[0]), Verdict.DOWN),
            Arguments.of("busy", new SgResponse(0x08, 0, 0, 0, new byte[0], new byte[0]), Verdict.DOWN),
            Arguments.of("driver sense only", new SgResponse(0, 0, 0x08, 0, Senses.fixed(2, 4, 0x0b), new byte[0]), Verdict.GHOST));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("turCases")
    void turDecoding(String name, SgResponse r, Verdict expected) {
        assertEquals(expected, ScsiVerdicts.tur(r, true));
    }

    @Test
    void exhaustedRetriesFallThroughToDown() {
        assertEquals(Verdict.DOWN, ScsiVerdicts.tur(cc(Senses.fixed(6, 0x29, 0)), false));
        assertEquals(Verdict.DOWN, ScsiVerdicts.tur(new SgResponse(0, 0x07, 0, 0, new byte[0], new byte[0]), false));
        // host error with standby sense after the last try: sense still decoded
        assertEquals(Verdict.GHOST, ScsiVerdicts.tur(new SgResponse(2, 0x07, 0, 0, Senses.fixed(2, 4, 0x0b), new byte[0]), false));
    }

    @Test
    void readDecoding() {
        assertEquals(Verdict.UP, ScsiVerdicts.read(SgResponse.good(new byte[512]), true));
        assertEquals(Verdict.RETRY, ScsiVerdicts.read(cc(Senses.descriptor(6, 0x29, 0)), true));
        assertEquals(Verdict.DOWN, ScsiVerdicts.read(cc(Senses.descriptor(6, 0x29, 0)), false));
        assertEquals(Verdict.DOWN, ScsiVerdicts.read(cc(Senses.fixed(3, 0x11, 0)), true));
        // readsector0 does not treat RESERVATION CONFLICT as up
        assertEquals(Verdict.DOWN, ScsiVerdicts.read(new SgResponse(0x18, 0, 0, 0, new byte[0], new byte[0]), true));
    }

    @Test
    void senseParsing() {
        assertEquals(Optional.of(new Sense(2, 4, 0x0b)), Sense.parse(Senses.fixed(2, 4, 0x0b)));
        assertEquals(Optional.of(new Sense(6, 0x29, 0)), Sense.parse(Senses.descriptor(6, 0x29, 0)));
        assertEquals(Optional.of(new Sense(5, 0x25, 0)), Sense.parse(new byte[] {(byte) 0xf0, 0, 5, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x25, 0}));
        assertEquals(Optional.empty(), Sense.parse(new byte[] {0x72, 2, 4}));
        assertEquals(Optional.empty(), Sense.parse(new byte[] {0x7f, 2, 4, 0x0b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
    }
}
