package org.planledger.command;

import org.junit.jupiter.api.Test;
import org.planledger.command.api.CommandRejectedException;
import org.planledger.command.api.RecordProgress;
import org.planledger.command.api.RejectionCode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrintableTextTest {

    @Test
    void ordinaryTextWithLineBreaksTabsPoundSignsAndRightToLeftScriptPasses() {
        PrintableText.require(new RecordProgress("action-1", "note-1", "2013-06",
                "June 2013 — bid successful,\n\t£17.7k awarded. مرحبا \u200F", null));
    }

    @Test
    void aNulInANoteIsRefusedNamingTheField() {
        assertThatThrownBy(() -> PrintableText.require(new RecordProgress("action-1", "note-1", "2013-06",
                "paid\u0000 in full", null)))
                .isInstanceOfSatisfying(CommandRejectedException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(RejectionCode.UNPRINTABLE_TEXT);
                    assertThat(refused.field()).isEqualTo("text");
                });
    }

    @Test
    void aRightToLeftOverrideIsRefused() {
        assertThat(PrintableText.firstUnprintable(new RecordProgress("action-1", "note-1", "2013-06",
                "£1,000 \u202Edias", null), "")).isEqualTo("text");
    }

    @Test
    void textsInsideListsAndNestedRecordsAreChecked() {
        record Lead(String name) {
        }
        record Command(String id, List<Lead> leads) {
        }
        assertThat(PrintableText.firstUnprintable(new Command("a", List.of(new Lead("ok"), new Lead("x\u2066y"))), ""))
                .isEqualTo("leads[1].name");
        assertThat(PrintableText.firstUnprintable(new Command("a", List.of(new Lead("ok"))), "")).isNull();
    }
}
