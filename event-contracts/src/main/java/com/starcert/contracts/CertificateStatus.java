package com.starcert.contracts;

/** Certificate statuses (IAF CertSearch vocabulary): 有效, 暂停, 撤销 (final), 过期, 注销 (holder's request). */
public enum CertificateStatus { ACTIVE, SUSPENDED, WITHDRAWN, EXPIRED, CANCELLED }
