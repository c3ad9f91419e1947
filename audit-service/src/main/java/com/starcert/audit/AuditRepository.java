package com.starcert.audit;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Both queries use the index {enterpriseId: 1, createdAt: -1}. */
public interface AuditRepository extends MongoRepository<Audit, String> {

    List<Audit> findByEnterpriseIdOrderByCreatedAtDesc(String enterpriseId);

    Optional<Audit> findFirstByEnterpriseIdOrderByCreatedAtDesc(String enterpriseId);
}
