package com.starcert.audit.findings;

/** The auditor's evidence note (证据记录) on one finding; kept beside the finding, which is part of the event contract. */
public record FindingNote(String siteId, String indicator, String evidence) {
}
