package com.starcert.certificate.verification;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Public look-ups carry an {@code ETag} computed from the answer itself, and a conditional {@code GET} with
 * {@code If-None-Match} gets a bodiless 304 when nothing changed — for every change, whether the certificate's
 * status, its revision or what the public view shows. Spring's {@link ShallowEtagHeaderFilter} does exactly that
 * (only for {@code GET}/{@code HEAD} and 2xx answers).
 */
@Configuration(proxyBeanMethods = false)
class PublicAnswers {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> publicCertificateEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/public/certificates", "/api/public/certificates/*");
        registration.setName("publicCertificateEtags");
        return registration;
    }
}
