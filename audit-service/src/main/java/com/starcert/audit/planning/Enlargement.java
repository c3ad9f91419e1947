package com.starcert.audit.planning;

/** The CB enlarges a sample above the formula (never below it) with a recorded reason. */
public record Enlargement(int extraSites, String reason) {
}
