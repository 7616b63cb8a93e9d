package cn.shuangkong.service.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** An {@code app_user} row as Spring Security sees it, carrying the {@link CurrentUser} it stands for. */
record AccountDetails(CurrentUser user, String passwordHash, boolean enabled) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(user);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    static List<GrantedAuthority> authorities(CurrentUser user) {
        return List.of(new SimpleGrantedAuthority("ROLE_" + user.role().getValue()));
    }
}
