package com.starcert.audit.network;

/**
 * The central function (总部职能), audited every time: the headquarters outlet when one is registered, else the
 * enterprise's registered address ({@code outletId} null).
 */
public record CentralFunction(String outletId, String name, String regionCode, String addressLine) {
}
