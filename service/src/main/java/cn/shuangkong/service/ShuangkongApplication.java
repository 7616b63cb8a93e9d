package cn.shuangkong.service;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ShuangkongApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShuangkongApplication.class, args);
    }

    /** Stored timestamps are UTC; tests replace the clock to move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
