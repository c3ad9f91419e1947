package com.starcert.identity.client;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface ApiClients extends MongoRepository<ApiClient, String> {
}
