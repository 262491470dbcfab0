package com.stockwatch.loader.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;
import software.amazon.awssdk.http.async.SdkHttpContentPublisher;

/**
 * The guard's rule, on a stand-in for the HTTP transport (it only records the exchange future and the response
 * handler; the SDK-and-Netty race itself is shown end to end against DynamoDB Local by {@code ImportLogTest}): an
 * abort reaches the exchange while the answer is incomplete, and not once it has been received in full.
 */
class CompletedExchangeGuardTest {

    private final AtomicReference<CompletableFuture<Void>> exchange = new AtomicReference<>();
    private final AtomicReference<SdkAsyncHttpResponseHandler> transportSide = new AtomicReference<>();
    private final CompletedExchangeGuard guard = new CompletedExchangeGuard(new SdkAsyncHttpClient() {
        @Override
        public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
            transportSide.set(request.responseHandler());
            exchange.set(new CompletableFuture<>());
            return exchange.get();
        }

        @Override
        public void close() {
        }
    });

    @Test
    void anAbortBeforeTheWholeAnswerArrivedStopsTheExchange() {
        CompletableFuture<Void> sdkSide = guard.execute(request(new Reader()));
        transportSide.get().onHeaders(SdkHttpResponse.builder().statusCode(400).build());

        sdkSide.completeExceptionally(new IllegalStateException("attempt timed out"));

        assertThat(exchange.get()).isCompletedExceptionally();
    }

    @Test
    void anAbortAfterTheWholeAnswerArrivedLeavesTheExchangeToFinishByItself() {
        Reader reader = new Reader();
        CompletableFuture<Void> sdkSide = guard.execute(request(reader));
        transportSide.get().onHeaders(SdkHttpResponse.builder().statusCode(400).build());
        transportSide.get().onStream(subscriber -> {
            subscriber.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onNext(ByteBuffer.wrap("{\"__type\":\"ConditionalCheckFailedException\"}".getBytes()));
            subscriber.onComplete();
        });

        sdkSide.completeExceptionally(new IllegalStateException("request execution failed"));

        assertThat(reader.completed).isTrue();
        assertThat(exchange.get()).isNotDone();
        exchange.get().complete(null);
        assertThat(sdkSide).isCompletedExceptionally();
    }

    @Test
    void theExchangeOutcomeReachesTheSdk() {
        CompletableFuture<Void> sdkSide = guard.execute(request(new Reader()));

        exchange.get().complete(null);

        assertThat(sdkSide).isCompletedWithValue(null);
    }

    private static AsyncExecuteRequest request(SdkAsyncHttpResponseHandler handler) {
        return AsyncExecuteRequest.builder()
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.POST).protocol("http").host("localhost")
                        .build())
                .requestContentPublisher(new SdkHttpContentPublisher() {
                    @Override
                    public Optional<Long> contentLength() {
                        return Optional.of(0L);
                    }

                    @Override
                    public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
                        subscriber.onComplete();
                    }
                })
                .responseHandler(handler)
                .build();
    }

    /** The SDK's side of the response: reads the body to its end. */
    private static final class Reader implements SdkAsyncHttpResponseHandler {
        volatile boolean completed;

        @Override
        public void onHeaders(SdkHttpResponse headers) {
        }

        @Override
        public void onStream(Publisher<ByteBuffer> stream) {
            stream.subscribe(new Subscriber<ByteBuffer>() {
                @Override
                public void onSubscribe(Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(ByteBuffer bytes) {
                }

                @Override
                public void onError(Throwable error) {
                }

                @Override
                public void onComplete() {
                    completed = true;
                }
            });
        }

        @Override
        public void onError(Throwable error) {
        }
    }
}
