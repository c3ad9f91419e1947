package com.starcert.identity.user;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface UserAccounts extends MongoRepository<UserAccount, String> {
}
