package com.starcert.outlet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import com.starcert.support.problem.ProblemHandler;

/**
 * Enterprises and their after-sales service outlet network (售后服务网点).
 * <p>
 * {@link ProblemHandler} is imported here as well as by the support module's auto-configuration: Boot's
 * {@code WebMvcAutoConfiguration} is processed first and, with {@code spring.mvc.problemdetails.enabled}, would add
 * its own handler (order 0) that answers malformed JSON and bad enum values without naming the field. Registering
 * ours during user configuration makes Boot's conditional back off; the auto-configuration's import of the same
 * class is merged into this one, so there is still exactly one handler.
 */
@SpringBootApplication
@Import(ProblemHandler.class)
public class OutletServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OutletServiceApplication.class, args);
    }
}
