package com.starcert.contracts;

/** 初次认证 / 监督审核 / 再认证. */
public enum AuditType { INITIAL, SURVEILLANCE, RECERTIFICATION }
