package com.stockwatch.emulators.s3;

import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * S3Mock's plain-HTTP connector ignores {@code server.address} and would listen on every interface; this binds it
 * to loopback before Tomcat starts it.
 */
@Configuration(proxyBeanMethods = false)
public class LoopbackHttpConnector {

    @Bean
    static BeanPostProcessor loopbackConnectors() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof Connector connector) {
                    connector.setProperty("address", "127.0.0.1");
                }
                return bean;
            }
        };
    }
}
