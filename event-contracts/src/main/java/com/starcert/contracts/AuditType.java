package com.starcert.contracts;

/**
 * 初次认证 / 监督审核 / 再认证 / 特殊审核. A SPECIAL audit is a short-notice or extra audit the CB orders outside the
 * programme (e.g. after serious complaints, a scope extension, or to check a suspension can be lifted).
 */
public enum AuditType { INITIAL, SURVEILLANCE, RECERTIFICATION, SPECIAL }
