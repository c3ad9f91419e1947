package com.starcert.outlet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Enterprises and their after-sales service outlet network (售后服务网点). */
@SpringBootApplication
public class OutletServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OutletServiceApplication.class, args);
    }
}
