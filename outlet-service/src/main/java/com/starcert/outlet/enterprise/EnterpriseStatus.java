package com.starcert.outlet.enterprise;

/** Registration status of an enterprise. Only registration exists so far; later issues add changes. */
public enum EnterpriseStatus {
    ACTIVE
}
