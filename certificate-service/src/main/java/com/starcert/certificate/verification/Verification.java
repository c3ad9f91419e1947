package com.starcert.certificate.verification;

/**
 * The answer to "is this certificate genuine, and is it valid now?".
 *
 * @param authentic      the signature is the CB's, covers exactly the submitted fields, and the certificate is in
 *                       the register
 * @param reason         why (or why not), in words
 * @param number         the base number the signed content names (null when nothing could be read)
 * @param revision       the revision the document shows
 * @param liveStatus     the certificate's status in the register now (null when unknown)
 * @param currentRevision the register's current revision; higher than {@code revision} when the document is an
 *                       earlier issue
 * @param keyId          the signing key's id
 */
public record Verification(
        boolean authentic,
        String reason,
        String number,
        Integer revision,
        String displayNumber,
        String liveStatus,
        Integer currentRevision,
        String level,
        String validUntil,
        String keyId) {

    static Verification rejected(String reason) {
        return new Verification(false, reason, null, null, null, null, null, null, null, null);
    }
}
