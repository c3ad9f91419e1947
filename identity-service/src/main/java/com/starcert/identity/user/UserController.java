package com.starcert.identity.user;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** People, for CB administrators (the role check is in the security configuration). */
@RestController
@RequestMapping("/api/users")
public class UserController {

    private final UserAdministration administration;

    public UserController(UserAdministration administration) {
        this.administration = administration;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public UserView create(@Valid @RequestBody CreateUserRequest request) {
        return UserView.created(administration.create(request));
    }

    @GetMapping
    public List<UserView> list() {
        return administration.list();
    }
}
