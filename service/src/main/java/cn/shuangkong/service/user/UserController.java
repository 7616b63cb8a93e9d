package cn.shuangkong.service.user;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import cn.shuangkong.service.api.UsersApi;
import cn.shuangkong.service.api.model.User;
import cn.shuangkong.service.api.model.UserInput;
import cn.shuangkong.service.security.CurrentUser;

@RestController
class UserController implements UsersApi {

    private final UserAccounts accounts;

    UserController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public ResponseEntity<User> createUser(UserInput input) {
        User created = accounts.create(input);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.getUsername())).body(created);
    }

    @Override
    public ResponseEntity<User> getCurrentUser() {
        return ResponseEntity.ok(accounts.describe(CurrentUser.get()));
    }
}
