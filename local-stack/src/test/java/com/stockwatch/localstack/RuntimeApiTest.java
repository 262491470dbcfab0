package com.stockwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Runtime API contract, driven by a tiny fake function that polls it the way a Lambda runtime does. */
class RuntimeApiTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private RuntimeApi api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void invocationIsHandedToThePollingFunctionAndItsResponseReturned() throws Exception {
        api = new RuntimeApi("echo", "us-east-1", Duration.ofSeconds(30));
        Thread function = fakeFunction(false);
        String result = api.invoke("{\"n\":1}").get(10, TimeUnit.SECONDS);
        assertThat(result).isEqualTo("{\"echo\":{\"n\":1},\"arn\":\"arn:aws:lambda:us-east-1:000000000000:function:echo\"}");
        assertThat(api.firstPoll()).isDone();
        function.interrupt();
    }

    @Test
    void errorPostedByTheFunctionFailsTheInvocation() throws Exception {
        api = new RuntimeApi("broken", "us-east-1", Duration.ofSeconds(30));
        fakeFunction(true);
        assertThatThrownBy(() -> api.invoke("{}").join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(RuntimeApi.FunctionError.class).hasMessageContaining("boom");
    }

    @Test
    void initErrorIsReported() throws Exception {
        api = new RuntimeApi("init", "us-east-1", Duration.ofSeconds(30));
        http.send(HttpRequest.newBuilder(URI.create("http://" + api.address() + "/2018-06-01/runtime/init/error"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"errorMessage\":\"no config\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.initError().get(5, TimeUnit.SECONDS)).contains("no config");
    }

    private Thread fakeFunction(boolean fail) {
        Thread thread = new Thread(() -> {
            try {
                String base = "http://" + api.address() + "/2018-06-01/runtime/invocation/";
                while (!Thread.currentThread().isInterrupted()) {
                    HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(base + "next")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (next.statusCode() != 200) {
                        return;
                    }
                    String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
                    assertThat(next.headers().firstValue("Lambda-Runtime-Deadline-Ms")).isPresent();
                    assertThat(next.headers().firstValue("Lambda-Runtime-Trace-Id")).isPresent();
                    String arn = next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn").orElseThrow();
                    String body = fail ? "{\"errorMessage\":\"boom\",\"errorType\":\"RuntimeException\"}"
                            : "{\"echo\":" + next.body() + ",\"arn\":\"" + arn + "\"}";
                    http.send(HttpRequest.newBuilder(URI.create(base + id + (fail ? "/error" : "/response")))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                }
            } catch (Exception e) {
                // The test ended.
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
