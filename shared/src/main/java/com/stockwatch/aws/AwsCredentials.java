package com.stockwatch.aws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The credentials of every AWS client: the static keys of {@link AwsSettings} when both are set (emulators only),
 * else the SDK's default chain (on Lambda: the function role's credentials from the environment). The Quarkus Amazon
 * extensions take this bean by name ({@code quarkus.<service>.aws.credentials.type=custom} and
 * {@code ...custom-provider.name=inventory-aws} in each function's application.properties): none of their own
 * credential types chooses between static keys and the default chain by whether keys are configured, which is what
 * lets the same build run on Lambda, in the local stack and in the tests.
 */
@ApplicationScoped
public class AwsCredentials {

    /** The bean name the extensions' {@code custom-provider.name} refers to. */
    public static final String BEAN_NAME = "inventory-aws";

    @Produces
    @Singleton
    @Named(BEAN_NAME)
    AwsCredentialsProvider credentials(AwsSettings settings) {
        return of(settings);
    }

    /** Static keys when both are configured, else the default chain. */
    public static AwsCredentialsProvider of(AwsSettings settings) {
        if (settings.accessKeyId().isPresent() && settings.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKeyId().get(), settings.secretAccessKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
