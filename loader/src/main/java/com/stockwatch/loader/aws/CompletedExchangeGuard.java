package com.stockwatch.loader.aws;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;

/**
 * An async HTTP client that keeps the SDK from aborting exchanges that are already over.
 * <p>
 * When a call fails with a service error (for the loader: the {@code ConditionalCheckFailedException} of every
 * refused conditional write, one per unchanged or stale row), the SDK aborts the HTTP request "because request
 * execution failed" by completing the HTTP client's future exceptionally, although the whole error response has
 * already been received. The Netty client takes that as a cancellation and races its own completion of the exchange:
 * when the connection is still marked in use it closes it and fires {@code IOException("Request cancelled")}, which
 * reaches the end of the pipeline and is logged as a WARN with a stack trace ("exceptionCaught() ... reached at the
 * tail of the pipeline"); when the connection was already back in the pool it closes it there, and a write that took
 * it meanwhile fails with "The connection was closed during the request" and needs an SDK retry. With 6,000 refused
 * writes about one in six lost that race (docs/loader.md, "Writes").
 * <p>
 * This decorator hands the SDK its own future and forwards an abort to the wrapped client only while the response
 * body has not been received in full, so a real abort (a timeout, a cancelled call) still stops the exchange.
 */
final class CompletedExchangeGuard implements SdkAsyncHttpClient {

    private final SdkAsyncHttpClient delegate;

    CompletedExchangeGuard(SdkAsyncHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        AtomicBoolean received = new AtomicBoolean();
        CompletableFuture<Void> exchange = delegate.execute(AsyncExecuteRequest.builder()
                .request(request.request())
                .requestContentPublisher(request.requestContentPublisher())
                .responseHandler(new ReceivedResponse(request.responseHandler(), received))
                .fullDuplex(request.fullDuplex())
                .metricCollector(request.metricCollector().orElse(null))
                .httpExecutionAttributes(request.httpExecutionAttributes())
                .build());
        CompletableFuture<Void> result = new CompletableFuture<>();
        exchange.whenComplete((done, error) -> {
            if (error == null) {
                result.complete(done);
            } else {
                result.completeExceptionally(error);
            }
        });
        result.whenComplete((done, error) -> {
            if (error != null && !received.get()) {
                exchange.completeExceptionally(error);
            }
        });
        return result;
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** Notes when the response body has been delivered in full, before the SDK hears of it. */
    private record ReceivedResponse(SdkAsyncHttpResponseHandler handler, AtomicBoolean received)
            implements SdkAsyncHttpResponseHandler {

        @Override
        public void onHeaders(SdkHttpResponse headers) {
            handler.onHeaders(headers);
        }

        @Override
        public void onStream(Publisher<ByteBuffer> stream) {
            handler.onStream(subscriber -> stream.subscribe(new Subscriber<ByteBuffer>() {
                @Override
                public void onSubscribe(Subscription subscription) {
                    subscriber.onSubscribe(subscription);
                }

                @Override
                public void onNext(ByteBuffer bytes) {
                    subscriber.onNext(bytes);
                }

                @Override
                public void onError(Throwable error) {
                    subscriber.onError(error);
                }

                @Override
                public void onComplete() {
                    received.set(true);
                    subscriber.onComplete();
                }
            }));
        }

        @Override
        public void onError(Throwable error) {
            handler.onError(error);
        }
    }
}
