package com.starcert.outlet.network;

/** Whether an outlet is serving customers; only ACTIVE outlets are sampled for audits. */
public enum OutletStatus {
    /** 营业. */
    ACTIVE,
    /** 暂停: temporarily not serving; may become ACTIVE again. */
    SUSPENDED,
    /** 关闭: final. */
    CLOSED
}
