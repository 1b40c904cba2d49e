package org.planledger.infra.privacy;

import org.planledger.infra.schedule.DailyJob;
import com.fasterxml.jackson.databind.Module;
import org.planledger.infra.command.CommandSender;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import javax.sql.DataSource;
import java.util.Optional;

/**
 * Data protection (docs/data-protection.md): per-subject keys beside the events, encryption at the
 * storage boundary, reveal as answers are written, erasure, retention and the view log. Where the
 * events live in Axon Server there is no key table and nothing is encrypted; only the reveal exists
 * (and finds nothing to reveal).
 */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguration {

    @Bean
    public PersonalDataReveal personalDataReveal(ObjectProvider<SubjectKeys> keys) {
        return new PersonalDataReveal(() -> Optional.ofNullable(keys.getIfAvailable()));
    }

    /** Spring Boot adds every Module bean to the one ObjectMapper behind the API and the pages. */
    @Bean
    public Module personalDataRevealModule(PersonalDataReveal reveal) {
        return reveal.module();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    static class KeyTable implements WebMvcConfigurer {

        private final ObjectProvider<SubjectViews> subjectViews;

        KeyTable(ObjectProvider<SubjectViews> subjectViews) {
            this.subjectViews = subjectViews;
        }

        @Bean
        SubjectKeys subjectKeys(DataSource dataSource, PrivacySettings settings) {
            return new SubjectKeys(dataSource, settings.subjectHashSecret());
        }

        @Bean
        PersonalFieldEncryption personalFieldEncryption(SubjectKeys keys) {
            return new PersonalFieldEncryption(keys);
        }

        @Bean
        SubjectViews subjectViews(DataSource dataSource) {
            return new SubjectViews(dataSource);
        }

        @Bean
        SubjectErasure subjectErasure(SubjectKeys keys, CommandSender commands, PlatformTransactionManager transactionManager) {
            return new SubjectErasure(keys, commands, transactionManager);
        }

        @Bean
        RetentionJob retentionJob(SubjectKeys keys, SubjectErasure erasure, PrivacySettings settings) {
            return new RetentionJob(keys, erasure, settings.retention());
        }

        @Bean
        @ConditionalOnProperty(name = "planledger.privacy.retention.enabled", havingValue = "true", matchIfMissing = true)
        DailyJob retentionSchedule(RetentionJob retention, PrivacySettings settings) {
            PrivacySettings.Retention schedule = settings.retention();
            return new DailyJob("privacy-retention", "Data protection: the retention job", schedule.cron(), schedule.zone(),
                    retention::eraseExpired);
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(subjectViews.getObject());
        }
    }
}
