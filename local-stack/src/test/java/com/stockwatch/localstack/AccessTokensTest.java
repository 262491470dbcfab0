package com.stockwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The failure paths of {@code ./stockwatch token}; LocalStackIT uses the command against the running stack. */
class AccessTokensTest {

    @Test
    void withoutARunningStackItSaysSoInsteadOfPrintingAnEmptyToken() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI provider = URI.create("http://127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> AccessTokens.mint(provider, "admin", List.of("admin"), 3600))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No OIDC provider answers at " + provider)
                .hasMessageContaining("./stockwatch local");
    }

    @Test
    void unknownOptionsAndBadLifetimesAreRefusedWithTheUsage() {
        assertThatThrownBy(() -> AccessTokens.run(List.of("--group", "store-berlin"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Usage: ./stockwatch token");
        assertThatThrownBy(() -> AccessTokens.run(List.of("--hours", "two"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--hours: not a whole number: two");
    }

    @Test
    void usageNamesEveryOption() {
        assertThat(AccessTokens.USAGE).contains("--user", "--groups", "--hours", "--oidc-port");
    }
}
