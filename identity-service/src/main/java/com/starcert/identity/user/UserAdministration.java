package com.starcert.identity.user;

import java.time.Clock;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import com.starcert.identity.account.Lockout;
import com.starcert.identity.account.Role;
import com.starcert.identity.problem.ApiProblem;
import com.starcert.identity.problem.FieldProblem;

/** Creating and listing people; also used by the start-up seeding. */
@Service
public class UserAdministration {

    private final UserAccounts users;
    private final MongoTemplate mongo;
    private final PasswordEncoder encoder;
    private final Lockout lockout;
    private final Clock clock;

    public UserAdministration(UserAccounts users, MongoTemplate mongo, PasswordEncoder encoder, Lockout lockout,
                              Clock clock) {
        this.users = users;
        this.mongo = mongo;
        this.encoder = encoder;
        this.lockout = lockout;
        this.clock = clock;
    }

    public UserAccount create(CreateUserRequest request) {
        List<FieldProblem> problems = request.crossFieldProblems();
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        List<Role> roles = request.roles().stream().distinct().toList();
        UserAccount account = UserAccount.create(request.username(), encoder.encode(request.password()),
                request.name().trim(), roles, request.enterpriseId(), clock.instant());
        try {
            return mongo.insert(account);
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("a user named '" + request.username() + "' already exists", "username");
        }
    }

    /** Creates the person unless the username is taken; answers whether it was created. */
    public boolean createIfMissing(String username, String password, String name, List<Role> roles,
                                   String enterpriseId) {
        if (users.existsById(username)) {
            return false;
        }
        try {
            mongo.insert(UserAccount.create(username, encoder.encode(password), name, roles, enterpriseId,
                    clock.instant()));
            return true;
        } catch (DuplicateKeyException raced) {
            return false; // another instance seeded it meanwhile
        }
    }

    /** Sets a new password and lifts any lock. */
    public void resetPassword(String username, String password) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(username)),
                Lockout.cleared(new Update().set("passwordHash", encoder.encode(password))), UserAccount.class);
    }

    public List<UserView> list() {
        return users.findAll(Sort.by("username")).stream()
                .map(u -> UserView.listed(u, lockout.isLocked(u.lockedUntil())))
                .toList();
    }
}
