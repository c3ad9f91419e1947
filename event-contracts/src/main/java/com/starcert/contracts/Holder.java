package com.starcert.contracts;

/** The enterprise as it appears on a certificate: name and Unified Social Credit Code (统一社会信用代码). */
public record Holder(String name, String uscc) {
}
