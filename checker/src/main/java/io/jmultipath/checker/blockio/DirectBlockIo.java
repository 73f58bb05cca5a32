package io.jmultipath.checker.blockio;

import io.jmultipath.checker.ErrnoException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Production directio read: block size from BLKBSZGET (capped at 4096, 4096 when unknown), then the
 * JDK's O_DIRECT read ({@link JdkBlockIo}) when the JDK accepts that size, else the native pread
 * (a 512-byte block size on a node whose file store has 4096-byte blocks).
 */
public final class DirectBlockIo implements BlockIo {
    private final JdkBlockIo jdk;
    private final Optional<NativeBlockIo> nat;

    public DirectBlockIo(JdkBlockIo jdk, Optional<NativeBlockIo> nat) {
        this.jdk = Objects.requireNonNull(jdk, "jdk");
        this.nat = Objects.requireNonNull(nat, "nat");
    }

    @Override
    public DirectRead readFirstBlock(Path devNode) throws ErrnoException {
        OptionalInt dev = nat.isPresent() ? nat.get().blockSize(devNode) : OptionalInt.empty();
        int bs = dev.orElse(JdkBlockIo.DEFAULT_BLOCK);
        int align = JdkBlockIo.alignment(devNode);
        if (JdkBlockIo.accepts(bs, align)) {
            return jdk.read(devNode, bs, dev.isPresent());
        }
        if (nat.isPresent()) {
            return nat.get().pread(devNode, bs);              // the JDK refuses this size
        }
        return jdk.read(devNode, (bs + align - 1) / align * align, false);
    }
}
