package com.stockwatch.localstack;

import java.io.IOException;

/**
 * Main class of a JVM function process: exits when the stack's end of its standard input closes (so a function never
 * outlives a killed stack, as the emulators do), then hands over to AWS's runtime interface client
 * ({@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda}) with the handler argument. Only this class of
 * the local stack is loaded in the function's JVM; it uses nothing but the JDK.
 */
public final class FunctionMain {

    static final String RUNTIME_CLIENT = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private FunctionMain() {
    }

    public static void main(String[] args) throws Exception {
        Thread watch = new Thread(() -> {
            byte[] buffer = new byte[64];
            try {
                while (System.in.read(buffer) >= 0) {
                    // Input is only a liveness signal.
                }
            } catch (IOException e) {
                // A broken pipe means the stack is gone as well.
            }
            Thread halt = new Thread(() -> {
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException ignored) {
                    // Exiting anyway.
                }
                Runtime.getRuntime().halt(0);
            });
            halt.setDaemon(true);
            halt.start();
            System.exit(0);
        }, "stack-watch");
        watch.setDaemon(true);
        watch.start();
        Class.forName(RUNTIME_CLIENT).getMethod("main", String[].class).invoke(null, (Object) args);
    }
}
