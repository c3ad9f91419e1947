package com.starcert.audit.planning;

import java.time.Instant;

/**
 * The CB chose the random seed (随机数种子) of a site plan instead of letting the server draw it. The draw is
 * reproducible from the seed, so whoever picks it picks the "random" outlets: the choice is only accepted with a
 * reason, and is kept with the audit together with who made it ({@code sub} and name) and when.
 */
public record SeedChoice(String reason, String by, String byName, Instant at) {
}
