package com.starcert.contracts;

/** A scheme version pinned on an audit; the audit is scored with exactly this version. */
public record SchemeRef(String id, int version) {
}
