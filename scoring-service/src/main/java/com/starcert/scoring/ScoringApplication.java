package com.starcert.scoring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import com.starcert.support.problem.ProblemHandler;

/**
 * Scores submitted audits (GB/T 27922-2011) and publishes the outcome.
 * <p>
 * {@link ProblemHandler} is imported as user configuration so that Boot's own problem-details handler (enabled by
 * {@code spring.mvc.problemdetails.enabled}) backs off and every error answers in the StarCert problem shape.
 */
@SpringBootApplication
@Import(ProblemHandler.class)
public class ScoringApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScoringApplication.class, args);
    }
}
