package cn.shuangkong.service;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the whole service over real HTTP on a random port, against H2 and, in the second test run,
 * against a MySQL-compatible server. The demo data set is loaded; {@code admin}'s password is
 * {@link Api#ADMIN_PASSWORD}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"shuangkong.demo=true", "shuangkong.admin-password=" + Api.ADMIN_PASSWORD})
@ContextConfiguration(initializers = TestDatabase.class)
@Import(CleanMigration.class)
public @interface DatabaseTest {
}
