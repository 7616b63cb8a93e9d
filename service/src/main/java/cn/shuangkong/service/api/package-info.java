/**
 * The interfaces and models generated from {@code openapi.yaml} (in target/generated-sources): the
 * contract every feature implements, open to all of them.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package cn.shuangkong.service.api;

import org.springframework.modulith.ApplicationModule;
