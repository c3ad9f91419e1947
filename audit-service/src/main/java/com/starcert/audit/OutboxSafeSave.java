package com.starcert.audit;

/**
 * Saving an audit that is already stored never rewrites its outbox: the relay may have sent and removed events
 * (and holds a lease on the document) since the audit was read, and a whole-document save would put those events
 * back and drop the lease. See {@link OutboxSafeSaveImpl}.
 */
public interface OutboxSafeSave<T> {

    <S extends T> S save(S entity);
}
