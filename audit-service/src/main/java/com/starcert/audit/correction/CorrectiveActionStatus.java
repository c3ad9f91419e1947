package com.starcert.audit.correction;

/**
 * OPEN until the enterprise answers with evidence, ANSWERED until the CB verifies it, VERIFIED for good.
 * SUPERSEDED: the audit was resubmitted as a new revision without the special deduction that opened it.
 */
public enum CorrectiveActionStatus { OPEN, ANSWERED, VERIFIED, SUPERSEDED }
