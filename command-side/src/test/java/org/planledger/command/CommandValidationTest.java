package org.planledger.command;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planledger.command.api.*;
import org.planledger.events.Cadence;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.planledger.command.Kettering.*;

/** The structural checks on commands (Bean Validation), which infra runs before a command reaches an aggregate. */
class CommandValidationTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void startValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    private static List<String> offendingFields(Object command) {
        Set<ConstraintViolation<Object>> violations = validator.validate(command);
        return violations.stream().map(violation -> violation.getPropertyPath().toString()).sorted().toList();
    }

    @Test
    void wellFormedCommandsPass() {
        assertThat(offendingFields(draftPlan())).isEmpty();
        assertThat(offendingFields(addAction())).isEmpty();
        assertThat(offendingFields(recordProgress("2013-06"))).isEmpty();
        assertThat(offendingFields(allocateFunding(1_770_000))).isEmpty();
    }

    @Test
    void aBlankTitleNamesTheTitle() {
        DraftPlan untitled = new DraftPlan(PLAN, "Kettering Borough Community Safety Partnership", "  ",
                PERIOD_START, PERIOD_END, Cadence.BI_MONTHLY, ON);

        assertThat(offendingFields(untitled)).containsExactly("title");
    }

    @Test
    void tooLongTextNamesTheText() {
        RecordProgress essay = new RecordProgress(ACTION, NOTE, "2013-06", "x".repeat(Limits.TEXT + 1), null);

        assertThat(offendingFields(essay)).containsExactly("text");
    }

    @Test
    void anIdWithASpaceNamesTheId() {
        AddPriority spaced = new AddPriority(PLAN, "anti social", "Anti-social behaviour", List.of(), ON, null);

        assertThat(offendingFields(spaced)).containsExactly("priorityId");
    }

    @Test
    void negativeMoneyNamesTheAmount() {
        assertThat(offendingFields(allocateFunding(-1))).containsExactly("amountPence");
        assertThat(offendingFields(recordSpend(-1))).containsExactly("amountPence");
    }

    @Test
    void aRiskScoreOutOfRangeNamesTheScore() {
        assertThat(offendingFields(identifyRisk(0, 6))).containsExactly("impact", "likelihood");
    }

    @Test
    void aBlankListEntryNamesItsPosition() {
        AddAction blankOutput = new AddAction(PLAN, ACTION, OBJECTIVE, "Target hardening", List.of("Homes made secure", ""),
                List.of(), List.of(), List.of(LEAD), List.of(), ACTION_START, ACTION_END, List.of(), ON, null);

        assertThat(offendingFields(blankOutput)).containsExactly("outputs[1].<list element>");
    }

    @Test
    void anActionWithoutLeadsNamesTheLeads() {
        assertThat(offendingFields(addAction(OBJECTIVE, ACTION_START, ACTION_END, List.of()))).containsExactly("leads");
    }
}
