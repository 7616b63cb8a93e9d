package cn.shuangkong.service.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import cn.shuangkong.service.api.model.Role;

/**
 * Maps a JWT of the organisation's identity provider to a {@link CurrentUser}: {@code preferred_username}
 * (or {@code sub}), {@code role} (ADMIN, REGULATOR, INSPECTOR or ENTERPRISE), {@code region_code} for
 * regulators and inspectors, {@code uscc} for enterprise users. A token that lacks what its role needs
 * is refused.
 */
class JwtUsers implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String username = jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
        Role role;
        try {
            role = Role.fromValue(jwt.getClaimAsString("role"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidBearerTokenException("The token's role claim is missing or unknown");
        }
        String regionCode = jwt.getClaimAsString("region_code");
        String uscc = jwt.getClaimAsString("uscc");
        if ((role == Role.REGULATOR || role == Role.INSPECTOR) && regionCode == null) {
            throw new InvalidBearerTokenException("A " + role + " token needs a region_code claim");
        }
        if (role == Role.ENTERPRISE && uscc == null) {
            throw new InvalidBearerTokenException("An ENTERPRISE token needs a uscc claim");
        }
        CurrentUser user = new CurrentUser(username, role, regionCode, uscc);
        return UsernamePasswordAuthenticationToken.authenticated(user, jwt, AccountDetails.authorities(user));
    }
}
