package com.starcert.outlet.network;

/** What an outlet is to its enterprise. */
public enum OutletKind {
    /** Headquarters (总部): the central function, audited every time and never counted in the sample base. */
    HEADQUARTERS,
    /** The enterprise's own branch (自有网点). */
    BRANCH,
    /** An authorised partner (授权服务商). */
    PARTNER
}
