package com.starcert.outlet.network;

/** A status change the outlet's current status does not allow (it is closed, or already in that status). */
public class StatusChangeRefused extends RuntimeException {

    public StatusChangeRefused(String reason) {
        super(reason);
    }
}
