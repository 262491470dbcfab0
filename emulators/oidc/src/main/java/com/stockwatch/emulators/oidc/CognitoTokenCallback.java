package com.stockwatch.emulators.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;

import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;

/**
 * Shapes the tokens of the authorization code flow like Amazon Cognito's: the ID token carries {@code aud} (the
 * client id, set by mock-oauth2-server), {@code token_use=id} and {@code cognito:username}; the access token carries
 * no {@code aud} but {@code client_id}, {@code token_use=access} and {@code scope}. Claims typed into the login form
 * (for example {@code {"cognito:groups": ["store-berlin"]}}) are added to both by mock-oauth2-server.
 *
 * <p>mock-oauth2-server asks one callback for both tokens and calls {@link #audience} only while it builds the
 * access token, immediately before {@link #addClaims} on the same thread (ID token: subject, addClaims; access token:
 * subject, audience, addClaims). That call order, stable in 6.0.x, is how the two tokens are told apart.
 */
final class CognitoTokenCallback implements OAuth2TokenCallback {

    private static final ThreadLocal<Boolean> BUILDING_ACCESS_TOKEN = new ThreadLocal<>();

    private final String issuerId;
    private final String accessTokenScope;
    private final long expirySeconds;

    CognitoTokenCallback(String issuerId, String accessTokenScope, long expirySeconds) {
        this.issuerId = issuerId;
        this.accessTokenScope = accessTokenScope;
        this.expirySeconds = expirySeconds;
    }

    @Override
    public String issuerId() {
        return issuerId;
    }

    @Override
    public String subject(TokenRequest tokenRequest) {
        return "user";
    }

    @Override
    public String typeHeader(TokenRequest tokenRequest) {
        return JOSEObjectType.JWT.getType();
    }

    @Override
    public List<String> audience(TokenRequest tokenRequest) {
        BUILDING_ACCESS_TOKEN.set(Boolean.TRUE);
        return List.of();
    }

    @Override
    public Map<String, Object> addClaims(TokenRequest tokenRequest) {
        boolean accessToken = Boolean.TRUE.equals(BUILDING_ACCESS_TOKEN.get());
        BUILDING_ACCESS_TOKEN.remove();
        Map<String, Object> claims = new LinkedHashMap<>();
        if (accessToken) {
            claims.put("token_use", "access");
            claims.put("client_id", clientId(tokenRequest));
            claims.put("scope", accessTokenScope);
        } else {
            claims.put("token_use", "id");
        }
        return claims;
    }

    @Override
    public long tokenExpiry() {
        return expirySeconds;
    }

    private static String clientId(TokenRequest tokenRequest) {
        ClientID id = tokenRequest.getClientAuthentication() != null
                ? tokenRequest.getClientAuthentication().getClientID()
                : tokenRequest.getClientID();
        return id == null ? "unknown" : id.getValue();
    }
}
