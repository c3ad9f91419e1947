package com.starcert.audit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

import com.starcert.support.problem.ProblemHandler;

/**
 * Audit programmes, multi-site sampling (IAF MD 1) and findings capture.
 * <p>
 * {@link ProblemHandler} is imported here as well as by the support module's auto-configuration: with
 * {@code spring.mvc.problemdetails.enabled} Boot's WebMvcAutoConfiguration would otherwise register its own handler
 * first and answer malformed JSON without naming the field. Registering ours as user configuration makes Boot's
 * conditional back off; the two imports of the same class merge into one handler.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ProblemHandler.class)
public class AuditServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuditServiceApplication.class, args);
    }
}
