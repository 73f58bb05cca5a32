package io.jmultipath.checker.prio;

import io.jmultipath.checker.PathHandle;
import io.jmultipath.checker.Prioritizer;
import java.util.random.RandomGenerator;

/** random: 1..10 from an injected generator. */
public final class RandomPrioritizer implements Prioritizer {
    private final RandomGenerator random;

    public RandomPrioritizer(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public synchronized int priority(PathHandle p, String args) {
        return 1 + random.nextInt(10);
    }
}
