package com.starcert.audit;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

/** Every query uses the index {enterpriseId: 1, createdAt: -1}. */
public interface AuditRepository extends MongoRepository<Audit, String>, OutboxSafeSave<Audit> {

    /**
     * The enterprise's audits, newest first, with only what planning needs (type, programme place, when, which
     * outlets): a recertification of a 10 000-outlet network must not drag every earlier audit's findings along.
     */
    @Query(value = "{'enterpriseId': ?0}", sort = "{'createdAt': -1}",
            fields = "{'enterpriseId': 1, 'type': 1, 'status': 1, 'revision': 1, 'programmeStep': 1, 'cycleId': 1, "
                    + "'createdAt': 1, 'sites.outletId': 1, 'sites.central': 1}")
    List<Audit> findPlanningHistory(String enterpriseId);

    List<Audit> findByEnterpriseIdOrderByCreatedAtDesc(String enterpriseId);

    Optional<Audit> findFirstByEnterpriseIdOrderByCreatedAtDesc(String enterpriseId);
}
