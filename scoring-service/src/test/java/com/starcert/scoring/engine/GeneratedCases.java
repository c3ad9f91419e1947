package com.starcert.scoring.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

/**
 * Property tests with JUnit 5 alone: each property runs as a {@code @TestFactory} of generated cases drawn from a
 * seeded random source, one dynamic test per case.
 *
 * <p>Reproducing a failure: the failure message names the run's seed and the case's seed. Run again with
 * {@code -Dstarcert.properties.seed=<run seed>} to replay the whole run, or with
 * {@code -Dstarcert.properties.case-seed=<case seed>} to replay just that one case.
 * {@code -Dstarcert.properties.tries=<n>} sets the number of cases per property for a longer hunt (default: what
 * each property asks for).
 *
 * <p>A case whose input a property cannot use calls {@link #assume(boolean)}; the runner then draws another input
 * from the same case's random source (so the case stays reproducible) and every case counts as a real check.
 */
final class GeneratedCases {

    static final String SEED = "starcert.properties.seed";
    static final String CASE_SEED = "starcert.properties.case-seed";
    static final String TRIES = "starcert.properties.tries";

    /** Inputs drawn before a case gives up on finding one the property can use. */
    private static final int MAX_DRAWS = 10_000;

    private GeneratedCases() {
    }

    /**
     * {@code tries} cases of {@code property}, each checking an input drawn by {@code generator}.
     */
    static <T> Stream<DynamicTest> forAll(int tries, Function<Random, T> generator, Consumer<T> property) {
        String caseSeed = System.getProperty(CASE_SEED);
        if (caseSeed != null && !caseSeed.isBlank()) {
            long seed = Long.parseLong(caseSeed.trim());
            return Stream.of(DynamicTest.dynamicTest("replayed case (case seed " + seed + ")",
                    () -> runCase(null, -1, seed, generator, property)));
        }
        long runSeed = runSeed();
        int cases = Integer.getInteger(TRIES, tries);
        SplittableRandom seeds = new SplittableRandom(runSeed);
        long[] caseSeeds = IntStream.range(0, cases).mapToLong(i -> seeds.nextLong()).toArray();
        return IntStream.range(0, cases).mapToObj(i -> DynamicTest.dynamicTest(
                "case " + (i + 1) + " (case seed " + caseSeeds[i] + ")",
                () -> runCase(runSeed, i + 1, caseSeeds[i], generator, property)));
    }

    /** Inside a property: this input does not apply, draw another one. */
    static void assume(boolean condition) {
        if (!condition) {
            throw Discarded.INSTANCE;
        }
    }

    private static long runSeed() {
        String fixed = System.getProperty(SEED);
        if (fixed != null && !fixed.isBlank()) {
            return Long.parseLong(fixed.trim());
        }
        return RunSeed.VALUE;
    }

    private static <T> void runCase(Long runSeed, int number, long caseSeed, Function<Random, T> generator,
            Consumer<T> property) {
        Random random = new Random(caseSeed);
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            T input = generator.apply(random);
            try {
                property.accept(input);
                return;
            } catch (Discarded discarded) {
                // not an input this property applies to: draw again from the same source
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError("Property failed on case " + (number > 0 ? number : "(replayed)")
                        + "\n  input: " + input
                        + (runSeed != null ? "\n  replay the run:  -D" + SEED + "=" + runSeed : "")
                        + "\n  replay the case: -D" + CASE_SEED + "=" + caseSeed
                        + "\n  cause: " + failure.getMessage(), failure);
            }
        }
        throw new AssertionError("no usable input in " + MAX_DRAWS + " draws (case seed " + caseSeed
                + "): the generator rarely produces what the property assumes");
    }

    /** One seed per test JVM, printed once so a failing run can be replayed even from a CI log. */
    private static final class RunSeed {
        static final long VALUE = new SplittableRandom().nextLong();

        static {
            System.out.println("[property tests] run seed " + VALUE + " (replay with -D" + SEED + "=" + VALUE + ")");
        }
    }

    private static final class Discarded extends RuntimeException {
        static final Discarded INSTANCE = new Discarded();

        private Discarded() {
            super(null, null, false, false);
        }
    }

    // ---- generators, biased towards the edges the way property-testing libraries are ----

    /** An int in [min, max]; one draw in eight is an edge (min, max, 0, 1, −1 where in range). */
    static int integer(Random random, int min, int max) {
        if (random.nextInt(8) == 0) {
            List<Integer> edges = new ArrayList<>(List.of(min, max));
            for (int edge : new int[] {0, 1, -1}) {
                if (edge >= min && edge <= max) {
                    edges.add(edge);
                }
            }
            return edges.get(random.nextInt(edges.size()));
        }
        return min + (int) (random.nextDouble() * ((long) max - min + 1));
    }

    /** A list of up to {@code maxSize} ints in [min, max]; empty or full-size lists come up often. */
    static List<Integer> integers(Random random, int maxSize, int min, int max) {
        int roll = random.nextInt(10);
        int size = roll == 0 ? 0 : roll == 1 ? maxSize : random.nextInt(maxSize + 1);
        List<Integer> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(integer(random, min, max));
        }
        return values;
    }

    static <T> T oneOf(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
